/**
 * 整改措施销号审批表 of one measure: the measure and its problem, the evidence with SHA-256 hashes,
 * the reviewer's opinion and the responsible leader's decision (each with name and date, from the
 * audit trail's last review and sign_off of the round), and the three signature lines.
 */
import { PaperBlock, renderPaperDocx } from './papers-docx';
import { chineseDay } from './papers-dates';

export interface SignoffEvidence {
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** An opinion from the audit trail: who, what, which day (YYYY-MM-DD, China time). */
export interface SignoffOpinion {
  by: string;
  text: string;
  on: string;
}

export interface SignoffFormContent {
  inspectedUnit: string;
  inspectionTitle: string;
  problem: { number: number; title: string };
  measure: {
    number: number;
    text: string;
    kind: string;
    /** 整改时限 as printed (a day, or 长期坚持). */
    due: string;
    leadDepartment: string;
    cooperating: string;
    leader: string;
    round: number;
  };
  /** The department's account of the work (the submission's summary), if any. */
  summary: string | null;
  evidence: SignoffEvidence[];
  /** 经办人: who submitted the round's evidence. */
  handler: string;
  review: SignoffOpinion;
  signOff: SignoffOpinion;
}

export const SIGNOFF_TITLE = '整改措施销号审批表';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / 104_857.6) / 10} MB`;
}

export function signoffBlocks(content: SignoffFormContent): PaperBlock[] {
  const { measure, problem } = content;
  const opinion = (value: SignoffOpinion, role: string) =>
    `${value.text}\n${role}:${value.by}    日期:${chineseDay(value.on)}`;
  return [
    { kind: 'title', text: SIGNOFF_TITLE },
    { kind: 'number', text: `${content.inspectedUnit} · ${content.inspectionTitle} · 第${measure.round}轮` },
    {
      kind: 'table',
      widths: [1, 4],
      rows: [
        ['所属问题', `${problem.number}.${problem.title}`],
        ['整改措施', `(${measure.number})${measure.text}`],
        ['措施类型', measure.kind],
        ['整改时限', measure.due],
        ['牵头单位', measure.leadDepartment],
        ['配合单位', measure.cooperating || '无'],
        ['责任领导', measure.leader],
        ['整改情况', content.summary ?? ''],
        ['审核意见', opinion(content.review, '审核人')],
        ['责任领导意见', opinion(content.signOff, '责任领导')],
      ],
    },
    { kind: 'paragraph', text: `佐证材料清单(共${content.evidence.length}件,SHA-256 为文件内容的哈希值)` },
    {
      kind: 'table',
      header: ['序号', '文件名称', 'SHA-256', '大小'],
      widths: [1, 4, 8, 2],
      rows: content.evidence.length
        ? content.evidence.map((file, at) => [String(at + 1), file.fileName, file.sha256, size(file.sizeBytes)])
        : [['', '无', '', '']],
    },
    { kind: 'paragraph', text: '签字确认' },
    {
      kind: 'table',
      header: ['', '姓名', '签字', '日期'],
      widths: [2, 3, 4, 4],
      rows: [
        ['经办人', content.handler, '', '    年  月  日'],
        ['审核人', content.review.by, '', '    年  月  日'],
        ['责任领导', content.signOff.by, '', '    年  月  日'],
      ],
    },
  ];
}

export function renderSignoffDocx(content: SignoffFormContent): Promise<Buffer> {
  return renderPaperDocx(SIGNOFF_TITLE, signoffBlocks(content));
}
