/**
 * A task list (整改任务清单) written as a Word table — 序号 / 问题 / 整改措施 / 责任领导 / 责任单位 /
 * 配合单位 / 整改时限 — read into the same tree as a plan's text: one section, a problem per
 * problem cell (merged down over its measure rows, or repeated on each), a measure per row with
 * the owners of its row.
 */
import { chineseToNumber } from './chinese-numerals';
import { countDocument, ParsedDocument, ParsedMeasure, ParsedOwners, ParsedProblem } from './document-model';
import type { DocxTable, TableRow } from './docx-tables';
import { LEDGER_COLUMNS, LedgerKey, namesColumn } from './ledger-columns';
import { isTitleLine } from './notice-frame';
import { classify, normaliseLines } from './notice-lines';
import { splitOnFirstStop } from './notice-measures';
import { parseDeadlinePhrase } from './deadline-phrase';
import { hasOwners, mergeOwners, splitNames, takeOwnerPieces, combineOwners } from './owner-fields';

type Columns = Map<LedgerKey, number>;

/** The header's columns and the first data row, when the table has 问题 and 整改措施 columns. */
export function taskListColumns(rows: TableRow[]): { columns: Columns; dataFrom: number } | null {
  const columns: Columns = new Map();
  let lastHeader = -1;
  for (let index = 0; index < Math.min(rows.length, 5); index += 1) {
    const texts = rows[index].cells.map((cell) => cell.replace(/\s+/g, '').replace(/\(.*\)$/, ''));
    let named = false;
    for (const column of LEDGER_COLUMNS) {
      const at = texts.findIndex((text) => namesColumn(column, text));
      if (at < 0) continue;
      named = true;
      if (!columns.has(column.key)) columns.set(column.key, at);
    }
    if (named) lastHeader = index;
    else if (lastHeader >= 0) break;
  }
  if (!columns.has('problem') || !columns.has('measure')) return null;
  return { columns, dataFrom: lastHeader + 1 };
}

/** One cell's text as the plan parser sees text: full-width forms folded, one line per paragraph. */
const cellLines = (row: TableRow, at: number | undefined) => (at === undefined ? [] : normaliseLines(row.cells[at]));
const cellText = (row: TableRow, at: number | undefined) => cellLines(row, at).join('');

function rowOwners(row: TableRow, columns: Columns): ParsedOwners {
  const owners: ParsedOwners = {};
  const names = (key: LedgerKey) => splitNames(cellLines(row, columns.get(key)).join(' '));
  const leaders = names('leader');
  const leads = names('leadDepartment');
  const cooperating = names('cooperatingDepartments');
  if (leaders.length) owners.leaders = leaders;
  if (leads.length) owners.leadDepartments = leads;
  if (cooperating.length) owners.cooperatingDepartments = cooperating;
  const due = cellLines(row, columns.get('dueAt')).join('，');
  if (due) owners.deadline = parseDeadlinePhrase(due);
  return owners;
}

/** 序号 as a number: 3, (3), 3., 三; null otherwise. */
function serial(text: string): number | null {
  const bare = text.replace(/^[(]\s*|\s*[)]?[.、]?\s*$/g, '');
  const value = /^\d+$/.test(bare) ? Number(bare) : chineseToNumber(bare);
  return value && value > 0 ? value : null;
}

interface Draft {
  text: string;
  serials: string[];
  written: number | null;
  measures: (ParsedMeasure & { own: ParsedOwners })[];
}

/** The rows of every task-list table, grouped into problems. */
function draftProblems(tables: DocxTable[], warnings: string[]): Draft[] {
  const drafts: Draft[] = [];
  for (const table of tables) {
    const found = taskListColumns(table.rows);
    if (!found) continue;
    const { columns, dataFrom } = found;
    let current: Draft | null = null;
    table.rows.slice(dataFrom).forEach((row, offset) => {
      if (row.cells.every((cell) => !cell.trim())) return;
      const problemAt = columns.get('problem')!;
      const problemText = cellText(row, problemAt);
      // A problem cell merged down, repeated or left blank continues the problem above.
      const continues = current && (row.continued[problemAt] || !problemText || problemText === current.text);
      if (!continues) {
        const heading = classify(problemText);
        const numbered = heading && /^\d+$/.test(heading.number) && heading.level >= 3;
        current = {
          text: problemText,
          serials: [],
          written: numbered ? Number(heading.number) : null,
          measures: [],
        };
        drafts.push(current);
      }
      const draft = current!;
      draft.serials.push(cellText(row, columns.get('problemNumber')));
      const taken = takeOwnerPieces(cellText(row, columns.get('measure')));
      if (!taken.text) {
        warnings.push(`row ${dataFrom + offset + 1} of a task-list table has no 整改措施; left out`);
        return;
      }
      const own = mergeOwners(rowOwners(row, columns), combineOwners(taken.pieces.map((piece) => piece.owners)));
      const measureNumber = serial(cellText(row, columns.get('measureNumber')));
      draft.measures.push({ number: measureNumber ?? draft.measures.length + 1, text: taken.text, own });
    });
  }
  return drafts;
}

/**
 * Problem numbers: the 序号 column when it numbers problems (the same on each row of a problem,
 * different between problems), else a number written before the problem, else the order.
 */
function problemNumbers(drafts: Draft[]): number[] {
  const bySerial = drafts.map((draft) => {
    const values = new Set(draft.serials.filter(Boolean));
    return values.size === 1 ? serial([...values][0]) : null;
  });
  if (bySerial.every((value) => value !== null) && new Set(bySerial).size === drafts.length)
    return bySerial as number[];
  const written = drafts.map((draft) => draft.written);
  if (written.every((value) => value !== null) && new Set(written).size === drafts.length) return written as number[];
  return drafts.map((_, index) => index + 1);
}

/** The task-list tables of a document as a parsed document, or null when it has none. */
export function parseTaskList(tables: DocxTable[]): ParsedDocument | null {
  if (!tables.some((table) => taskListColumns(table.rows))) return null;
  const warnings: string[] = [];
  const drafts = draftProblems(tables, warnings);
  const numbers = problemNumbers(drafts);
  const problems: ParsedProblem[] = drafts.map((draft, index) => {
    const number = String(numbers[index]);
    const text = draft.written !== null ? (classify(draft.text)?.rest ?? draft.text) : draft.text;
    const { title, rest } = splitOnFirstStop(text);
    if (!title) warnings.push(`problem (${number}) has no title`);
    const measures = draft.measures.map(({ own, ...measure }) => {
      if (own.deadline && !own.deadline.kind)
        warnings.push(
          `problem (${number}) measure ${measure.number}: 整改时限 "${own.deadline.phrase}" is not a date or a known phrase (立行立改, 长期坚持…); kept as written`,
        );
      return hasOwners(own) ? { ...measure, owners: own } : measure;
    });
    if (!measures.length) warnings.push(`problem (${number}) has no measures`);
    return { number, title, measures, ...(rest ? { preface: rest } : {}) };
  });
  const sections = [{ number: '', title: '', problems }];
  const before = normaliseLines(tables.find((table) => taskListColumns(table.rows))!.before.join('\n'));
  const title = before.find((line) => isTitleLine(line) || /(清单|台账)$/.test(line)) ?? null;
  return {
    title,
    preamble: null,
    sections,
    closing: null,
    contact: {},
    signer: null,
    date: null,
    warnings,
    counts: countDocument(sections),
  };
}
