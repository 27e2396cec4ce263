/**
 * 督办单: a supervisor's `supervise` action written as a numbered paper (〔2026〕第3号, per issuing
 * body and year), addressed to the lead department and the responsible leader, with the matter
 * (the measure), the requirement (the reason) and the day a reply is due.
 */
import { PaperBlock, renderPaperDocx } from './papers-docx';
import { renderPaperHtml } from './papers-html';
import { chineseDay } from './papers-dates';

export interface SupervisionNoticeContent {
  issuingBody: string;
  year: number;
  number: number;
  inspectedUnit: string;
  leadDepartment: string;
  responsibleLeader: string;
  problem: { number: number; title: string };
  measure: { number: number; text: string };
  reason: string;
  /** Who issued it (the supervisor). */
  issuedBy: string;
  /** YYYY-MM-DD, China time. */
  issuedOn: string;
  replyBy: string;
}

export const SUPERVISION_TITLE = '督办单';

/** 〔2026〕第3号 */
export function supervisionNumber(year: number, number: number): string {
  return `〔${year}〕第${number}号`;
}

export function supervisionBlocks(content: SupervisionNoticeContent): PaperBlock[] {
  return [
    { kind: 'title', text: SUPERVISION_TITLE },
    { kind: 'number', text: supervisionNumber(content.year, content.number) },
    { kind: 'addressee', text: `${content.leadDepartment}、${content.responsibleLeader}同志:` },
    {
      kind: 'paragraph',
      text: `${content.inspectedUnit}整改工作中,下列整改措施需加快办理,现予督办。请认真落实,按时反馈办理情况。`,
    },
    {
      kind: 'table',
      widths: [1, 4],
      rows: [
        [
          '督办事项',
          `问题${content.problem.number}.${content.problem.title}\n措施(${content.measure.number})${content.measure.text}`,
        ],
        ['承办单位', content.leadDepartment],
        ['责任领导', content.responsibleLeader],
        ['督办要求', content.reason],
        ['反馈时限', `请于${chineseDay(content.replyBy)}前将办理情况书面反馈`],
        ['督办人', content.issuedBy],
      ],
    },
    { kind: 'signature', text: content.issuingBody },
    { kind: 'signature', text: chineseDay(content.issuedOn) },
  ];
}

export function renderSupervisionDocx(content: SupervisionNoticeContent): Promise<Buffer> {
  return renderPaperDocx(
    `${SUPERVISION_TITLE}${supervisionNumber(content.year, content.number)}`,
    supervisionBlocks(content),
  );
}

export function renderSupervisionHtml(content: SupervisionNoticeContent): string {
  return renderPaperHtml(
    `${SUPERVISION_TITLE}${supervisionNumber(content.year, content.number)}`,
    supervisionBlocks(content),
  );
}
