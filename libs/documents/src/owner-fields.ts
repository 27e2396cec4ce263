/**
 * Owner fields as plans write them after a problem or a measure: `责任领导：张三 牵头单位：办公室
 * 整改时限：2024年9月底前`, several on a line (separated by ；/; or spaces), or in a bracket
 * `(责任领导:…;牵头单位:…)`. Text is normalised first (notice-lines), so brackets are ASCII here.
 */
import { parseDeadlinePhrase } from './deadline-phrase';
import type { ParsedOwners } from './document-model';

type Field = 'leaders' | 'leadDepartments' | 'cooperatingDepartments' | 'deadline';

const LABELS: Record<string, Field> = {
  责任领导: 'leaders',
  牵头领导: 'leaders',
  分管领导: 'leaders',
  牵头单位: 'leadDepartments',
  牵头部门: 'leadDepartments',
  责任单位: 'leadDepartments',
  责任部门: 'leadDepartments',
  配合单位: 'cooperatingDepartments',
  配合部门: 'cooperatingDepartments',
  整改时限: 'deadline',
  完成时限: 'deadline',
  时限: 'deadline',
};
// Longer labels first, so 整改时限 is not read as 整改 + 时限.
const LABEL = Object.keys(LABELS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A label with its colon, where a field can start: at the start, or after a separator. */
const FIELD_START = new RegExp(`(?:^|(?<=[。；;，,\\s(]))(${LABEL})\\s*[:：]\\s*`, 'g');
/** An unbracketed run: from a label at the start or after a sentence's end, to the next 。 or the end. */
const OWNER_RUN = new RegExp(`(?:^|(?<=[。；;\\s]))(?:${LABEL})\\s*[:：][^。]*(?:。|$)`, 'g');
/** A bracket whose content starts with a label, with one level of brackets inside (`张三(副县长)`). */
export const OWNER_BRACKET = new RegExp(`\\((?=\\s*(?:${LABEL})\\s*[:：])((?:[^()]|\\([^()]*\\))*)\\)`, 'g');

/**
 * `张三、李四` / `张三，李四` / `张三；李四` / `张三/李四` / `张三 李四` in order, trimmed; a separator
 * inside brackets does not split. A space is a separator only between pieces that are names of their
 * own: offices pad two-character names and words to align a column (`赵 六`, `财政 局`), so a
 * one-character piece is padding — a run of them is one name (`赵 六` → 赵六), a lone one joins the
 * piece before it (`财政 局` → 财政局; at the start, the piece after it). 和 and 及 never split:
 * department names hold them (住房和城乡建设局, 人力资源和社会保障局).
 */
export function splitNames(text: string): string[] {
  const chunks: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;/]/.test(char)) {
      chunks.push(current);
      current = '';
    } else current += char;
  }
  chunks.push(current);
  return chunks.flatMap(spacedNames);
}

/** The names in a chunk without list separators, its spaces read as padding or as separators (see splitNames). */
function spacedNames(chunk: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of chunk) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /\s/.test(char)) {
      if (current) pieces.push(current);
      current = '';
    } else if (char === '(' && depth === 1 && !current && pieces.length) {
      // `张三 (副县长)`: the bracket belongs to the name before it.
      current = `${pieces.pop()}(`;
    } else current += char;
  }
  if (current) pieces.push(current);
  // Runs of one-character pieces become one piece (`赵 六`, `张 三 丰`).
  const runs: string[] = [];
  let single = '';
  for (const piece of pieces) {
    if ([...piece].length === 1) {
      single += piece;
      continue;
    }
    if (single) runs.push(single);
    single = '';
    runs.push(piece);
  }
  if (single) runs.push(single);
  // A lone character left over pads the name beside it.
  const names: string[] = [];
  runs.forEach((piece, index) => {
    if ([...piece].length > 1 || runs.length === 1) names.push(piece);
    else if (names.length) names[names.length - 1] += piece;
    else runs[index + 1] = piece + runs[index + 1];
  });
  return names;
}

/** The fields of a run of `label：value` pairs; each value runs to the next label. */
function readFields(text: string, starts: RegExpExecArray[]): ParsedOwners {
  const owners: ParsedOwners = {};
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1].index : text.length;
    const value = text
      .slice(start.index + start[0].length, end)
      .replace(/^[\s：:]+|[\s。；;，,]+$/g, '')
      .trim();
    const field = LABELS[start[1]];
    if (!value) return;
    if (field === 'deadline') owners.deadline = parseDeadlinePhrase(value);
    else if (splitNames(value).length) owners[field] = [...(owners[field] ?? []), ...splitNames(value)];
  });
  return owners;
}

function fieldStarts(text: string): RegExpExecArray[] {
  FIELD_START.lastIndex = 0;
  return [...text.matchAll(FIELD_START)];
}

/** The owners of a bracket's content (`责任领导:张三;牵头单位:办公室`). */
export function bracketOwners(content: string): ParsedOwners {
  return readFields(content, fieldStarts(content));
}

export interface OwnerPiece {
  owners: ParsedOwners;
  /** Where the fields were, in the line with them removed. */
  at: number;
  bracket: boolean;
}

/**
 * A line without its owner fields, and the fields with where they stood: brackets anywhere, and an
 * unbracketed run from a label at the line's start or after a sentence's end to the next 。 or the
 * line's end (`一是…。责任领导：张三。二是…`).
 */
export function takeOwnerPieces(line: string): { text: string; pieces: OwnerPiece[] } {
  const found: { start: number; end: number; owners: ParsedOwners; bracket: boolean }[] = [];
  for (const match of line.matchAll(OWNER_BRACKET))
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      owners: bracketOwners(match[1]),
      bracket: true,
    });
  const inBracket = (at: number) => found.some((bracket) => at >= bracket.start && at < bracket.end);
  for (const match of line.matchAll(OWNER_RUN)) {
    if (inBracket(match.index)) continue;
    // A run stops at a bracket that follows it.
    const next = found.find((bracket) => bracket.start > match.index);
    const end = Math.min(match.index + match[0].length, next?.start ?? Infinity);
    found.push({ start: match.index, end, owners: bracketOwners(line.slice(match.index, end)), bracket: false });
  }
  if (found.length === 0) return { text: line, pieces: [] };
  found.sort((a, b) => a.start - b.start);
  const pieces: OwnerPiece[] = [];
  let text = '';
  let last = 0;
  for (const piece of found) {
    text += line.slice(last, piece.start);
    pieces.push({ owners: piece.owners, at: text.length, bracket: piece.bracket });
    last = piece.end;
  }
  text += line.slice(last);
  // Spaces the fields leave at the start move the positions with them.
  const lead = text.length - text.trimStart().length;
  return { text: text.trim(), pieces: pieces.map((piece) => ({ ...piece, at: Math.max(0, piece.at - lead) })) };
}

export function hasOwners(owners: ParsedOwners | undefined): owners is ParsedOwners {
  return !!owners && Object.keys(owners).length > 0;
}

/** Fields of `over` replace those of `base`, field by field (a measure's own over its problem's). */
export function mergeOwners(base: ParsedOwners | undefined, over: ParsedOwners | undefined): ParsedOwners {
  return { ...(base ?? {}), ...(over ?? {}) };
}

/** Several pieces for one place: names add up in order, a later 时限 replaces an earlier one. */
export function combineOwners(pieces: ParsedOwners[]): ParsedOwners {
  const owners: ParsedOwners = {};
  for (const piece of pieces) {
    for (const field of ['leaders', 'leadDepartments', 'cooperatingDepartments'] as const)
      if (piece[field]) owners[field] = [...(owners[field] ?? []), ...piece[field]];
    if (piece.deadline) owners.deadline = piece.deadline;
  }
  return owners;
}
