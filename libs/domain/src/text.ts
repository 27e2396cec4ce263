/**
 * The one rule for text anywhere in the product (HTTP bodies, queries, workflow Updates): whatever it
 * accepts, PostgreSQL can store and a screen can show as typed. Text is normalised (NFC, CRLF → LF,
 * trimmed); it may not hold NUL or other control characters (newline and tab only where a field is
 * multi-line), lone UTF-16 surrogates, or the bidirectional overrides that make a text read
 * differently from what is stored; its length is counted in characters, as PostgreSQL counts.
 */
export interface TextRule {
  /** Most characters after normalisation. */
  max: number;
  /** Fewest characters after trimming (1 = may not be blank). */
  min?: number;
  /** Newlines and tabs allowed (descriptions, reasons); names and titles are one line. */
  multiline?: boolean;
}

export type TextCheck = { ok: true; value: string } | { ok: false; problem: string };

/** Forbidden everywhere: C0 controls but tab/LF/CR, DEL, C1 controls, line/paragraph separators, bidi controls, noncharacters. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is this rule's whole job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
const LINE_BREAKS = /[\n\t]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with the characters of a string, or null; shared by the body pre-check and the field rule. */
export function characterProblem(value: string, multiline = true): string | null {
  const forbidden = FORBIDDEN.exec(value);
  if (forbidden) return `contains the control character ${codePoint(forbidden[0])} at position ${forbidden.index + 1}`;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate)
    return `contains a lone UTF-16 surrogate ${codePoint(surrogate[0])} at position ${surrogate.index + 1} (not valid Unicode)`;
  if (!multiline) {
    const lineBreak = LINE_BREAKS.exec(value.replace(/\r/g, '\n'));
    if (lineBreak)
      return `must be one line (it contains a ${lineBreak[0] === '\t' ? 'tab' : 'line break'} at position ${lineBreak.index + 1})`;
  }
  return null;
}

/** The value with every character the rule forbids taken out (and lone surrogates), for text that is cleaned rather than refused: uploaded file names. */
export function withoutForbiddenCharacters(value: string): string {
  return value.replace(new RegExp(FORBIDDEN.source, 'g'), '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '');
}

/** NFC, CRLF/CR → LF, trimmed (also the full-width space U+3000, which String.trim covers). */
export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** Checks and normalises one text field; the problem reads after the field's name ("title must not be blank"). */
export function checkText(value: unknown, rule: TextRule): TextCheck {
  if (typeof value !== 'string') return { ok: false, problem: 'must be text' };
  const problem = characterProblem(value, rule.multiline ?? false);
  if (problem) return { ok: false, problem };
  const normalised = normaliseText(value);
  const min = rule.min ?? 0;
  if (min > 0 && normalised.length === 0) return { ok: false, problem: 'must not be blank' };
  const length = characterCount(normalised);
  if (length < min) return { ok: false, problem: `must have at least ${min} characters` };
  if (length > rule.max) return { ok: false, problem: `is longer than ${rule.max} characters (${length})` };
  return { ok: true, value: normalised };
}

/** Field lengths that more than one layer needs to agree on. */
export const TEXT_LIMITS = {
  /** Reasons, summaries, notes of measure actions. */
  actionText: 4000,
  /** A measure's own text (as CreateMeasureDto allows). */
  measureText: 4000,
  idempotencyKey: 100,
} as const;
