/**
 * The 整改报告 to the inspection body: addressee, opening, 一、总体情况 (the office's paragraphs with
 * live figures filled in, then the figures as a table), 二、逐条整改情况 (each problem, each measure
 * with its status by the done rule and its evidence), 三、下一步打算, the ledger as attachment,
 * signer and date. Figures and statuses come from the caller; nothing is counted here.
 */
import { completionRate, percent } from '@rectiflow/domain';
import { numberToChinese } from './chinese-numerals';
import type { NarrativePart } from './notice-render';
import { sentence, titleText } from './notice-render';
import { PaperBlock, renderPaperDocx } from './papers-docx';
import { chineseDay } from './papers-dates';

/** The {placeholders} of the report's narrative. */
export interface ReportFigures {
  problems: number;
  measures: number;
  doneMeasures: number;
  ongoingMeasures: number;
  openMeasures: number;
  closedProblems: number;
  /** 完成率 as the report writes it: 66.7% (done over counted measures; 0% with none). */
  completionRate: string;
}

export const REPORT_PLACEHOLDERS: (keyof ReportFigures)[] = [
  'problems',
  'measures',
  'doneMeasures',
  'ongoingMeasures',
  'openMeasures',
  'closedProblems',
  'completionRate',
];

export interface ReportMeasure {
  number: number;
  text: string;
  /** 已完成 / 持续推进 / 未完成. */
  status: string;
  /** The evidence files' names. */
  evidence: string[];
}

export interface ReportProblem {
  number: number;
  title: string;
  measures: ReportMeasure[];
}

/** The office-edited parts, {placeholders} unfilled. */
export interface ReportNarrative {
  title: string;
  /** 主送: the inspection body. */
  addressee: string;
  opening: string;
  overall: NarrativePart;
  nextSteps: NarrativePart;
  signer: string;
  /** Empty: the day it is generated. */
  date: string;
}

export interface ReportContent extends ReportNarrative {
  /** The version this generation is (null in a preview). */
  version: number | null;
  /** 报送时限, YYYY-MM-DD (null when the inspection has no feedback day). */
  dueOn: string | null;
  figures: ReportFigures;
  problems: ReportProblem[];
  /** The attachment's file name (整改台账.xlsx). */
  attachment: string;
}

export function completionRateText(done: number, measures: number): string {
  return `${percent(completionRate(done, measures))}%`;
}

/** The text with every known {placeholder} replaced by its figure; unknown ones stay as written. */
export function fillReportPlaceholders(text: string, figures: ReportFigures): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in figures ? String(figures[key as keyof ReportFigures]) : whole,
  );
}

/** The narrative as the report prints it: placeholders filled, the date today's when empty. */
export function filledNarrative(narrative: ReportNarrative, figures: ReportFigures, today: string): ReportNarrative {
  const fill = (text: string) => fillReportPlaceholders(text, figures);
  const part = (value: NarrativePart) => ({ title: value.title, paragraphs: value.paragraphs.map(fill) });
  return {
    ...narrative,
    title: fill(narrative.title),
    opening: fill(narrative.opening),
    overall: part(narrative.overall),
    nextSteps: part(narrative.nextSteps),
    date: narrative.date || today,
  };
}

export function reportBlocks(content: ReportContent): PaperBlock[] {
  const blocks: PaperBlock[] = [{ kind: 'title', text: content.title }];
  const meta = [
    content.version === null ? '预览稿' : `第${content.version}版`,
    content.dueOn ? `报送时限:${chineseDay(content.dueOn)}` : null,
  ].filter(Boolean);
  blocks.push({ kind: 'number', text: meta.join(' ') });
  if (content.addressee) blocks.push({ kind: 'addressee', text: `${content.addressee}:` });
  if (content.opening.trim()) blocks.push({ kind: 'paragraph', text: content.opening.trim() });
  const part = (index: number, value: NarrativePart) => {
    blocks.push({ kind: 'section', text: `${numberToChinese(index)}、${value.title}` });
    for (const paragraph of value.paragraphs)
      if (paragraph.trim()) blocks.push({ kind: 'paragraph', text: paragraph.trim() });
  };
  part(1, content.overall);
  const figures = content.figures;
  blocks.push({
    kind: 'table',
    header: ['问题数', '整改措施数', '已完成', '持续推进', '未完成', '完成率', '已整改销号问题'],
    rows: [
      [
        figures.problems,
        figures.measures,
        figures.doneMeasures,
        figures.ongoingMeasures,
        figures.openMeasures,
        figures.completionRate,
        figures.closedProblems,
      ].map(String),
    ],
  });
  blocks.push({ kind: 'section', text: `${numberToChinese(2)}、逐条整改情况` });
  for (const problem of content.problems) {
    blocks.push({ kind: 'group', text: `${problem.number}.${titleText(problem.title)}` });
    if (!problem.measures.length) blocks.push({ kind: 'paragraph', text: '尚未制定整改措施。' });
    for (const measure of problem.measures) {
      const evidence = measure.evidence.length ? measure.evidence.join('、') : '暂无';
      blocks.push({
        kind: 'paragraph',
        text: `(${measure.number})${sentence(measure.text)}完成情况:${measure.status}。佐证材料:${evidence}。`,
      });
    }
  }
  part(3, content.nextSteps);
  blocks.push({ kind: 'paragraph', text: `附件:${content.attachment}` });
  if (content.signer) blocks.push({ kind: 'signature', text: content.signer });
  if (content.date) blocks.push({ kind: 'signature', text: content.date });
  return blocks;
}

export function renderReportDocx(content: ReportContent): Promise<Buffer> {
  return renderPaperDocx(content.title, reportBlocks(content));
}
