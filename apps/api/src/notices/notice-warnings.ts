/** What the office should look at before the public sees a notice: zero figures and references to attachments. */
import { type NoticeContent, type ParsedProblem, problemsOf } from '@rectiflow/documents';

export const NOTICE_WARNING_KINDS = ['zero_figure', 'attachment_reference'] as const;
export type NoticeWarningKind = (typeof NOTICE_WARNING_KINDS)[number];

/** Where in the notice a warning was found. */
export const NOTICE_PARTS = ['title', 'opening', 'part1', 'part3', 'problems', 'closingCall'] as const;
export type NoticePart = (typeof NOTICE_PARTS)[number];

export interface NoticeWarning {
  kind: NoticeWarningKind;
  part: NoticePart;
  /** The clause as the public would read it. */
  excerpt: string;
}

/** A count of nothing: "会议0次", "0项", "〇个" — not 10, 2.0 or 100. */
const ZERO_FIGURE = /(?<![0-9０-９.])[0０〇零](?![0-9０-９.])\s*(?:次|项|个|件|条|人|家|场|篇|起|份|轮|批)/;
/** The public cannot open the office's attachments or evidence files. */
const ATTACHMENT = /附件|附表|佐证材料(?:见|详见)/;

function clauses(text: string): string[] {
  return text
    .split(/[,,;;。!?!?\n]/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

export function noticeWarnings(content: NoticeContent): NoticeWarning[] {
  const warnings: NoticeWarning[] = [];
  const seen = new Set<string>();
  const check = (part: NoticePart, text: string | undefined | null) => {
    for (const clause of clauses(text ?? '')) {
      for (const [kind, pattern] of [
        ['zero_figure', ZERO_FIGURE],
        ['attachment_reference', ATTACHMENT],
      ] as const) {
        const key = `${kind}:${part}:${clause}`;
        if (pattern.test(clause) && !seen.has(key)) {
          seen.add(key);
          warnings.push({ kind, part, excerpt: clause.slice(0, 200) });
        }
      }
    }
  };
  check('title', content.title);
  check('opening', content.opening);
  content.part1.paragraphs.forEach((paragraph) => check('part1', paragraph));
  const problems: ParsedProblem[] = content.sections.flatMap((section) =>
    problemsOf(section).map((placed) => placed.problem),
  );
  for (const problem of problems) {
    check('problems', problem.title);
    problem.measures.forEach((measure) => check('problems', measure.text));
  }
  content.part3.paragraphs.forEach((paragraph) => check('part3', paragraph));
  check('closingCall', content.closingCall);
  return warnings;
}
