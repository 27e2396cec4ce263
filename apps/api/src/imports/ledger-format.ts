/** The Excel ledger (台账): column headers, how rows are read, and how values are written. */
import { types } from 'node:util';
import { splitNames, type PlainCell, type PlainSheet } from '@rectiflow/documents';
import { LEDGER_COLUMNS, LedgerKey, namesColumn } from '@rectiflow/documents/ledger-columns';
import { MEASURE_KIND_LABELS, MeasureKind } from '@rectiflow/domain';
import { DEADLINE_UTC_OFFSET } from '../measures/deadline';

// The column names live with the document readers, which find a Word task list's columns by them too.
export { LEDGER_COLUMNS, type LedgerKey };

export interface LedgerRow {
  row: number;
  problemNumber: number;
  section: string | null;
  category: string | null;
  group: string | null;
  problem: string;
  measureNumber: number | null;
  measure: string;
  kind: MeasureKind;
  leader: string;
  leadDepartment: string;
  cooperatingDepartments: string[];
  /** ISO date-time, or null for a 长期坚持 measure with no date (first report one period from now). */
  dueAt: string | null;
}

export interface RowError {
  row: number;
  reason: string;
}

const KIND_BY_LABEL: Record<string, MeasureKind> = Object.fromEntries(
  Object.entries(MEASURE_KIND_LABELS).map(([kind, label]) => [label, kind as MeasureKind]),
);

// Not `instanceof Date`: cells come from the reader thread, and under jest its Dates are of another realm.
const isDate = (value: PlainCell | undefined): value is Date => types.isDate(value);

function cellText(value: PlainCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value).trim();
}

/** 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日 or an Excel date → the end of that day, China time. */
export function readDeadline(value: PlainCell | undefined): string | null | 'invalid' {
  if (isDate(value)) {
    const day = value.toISOString().slice(0, 10);
    return new Date(`${day}T23:59:59${DEADLINE_UTC_OFFSET}`).toISOString();
  }
  const text = cellText(value);
  if (!text || text === '长期坚持' || text === '长期') return null;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return 'invalid';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'invalid';
  const iso = `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return new Date(`${iso}T23:59:59${DEADLINE_UTC_OFFSET}`).toISOString();
}

/** Reads every data row; returns the good rows and every bad row with its row number and reason. */
export function readLedger(sheet: PlainSheet): { rows: LedgerRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  let headerRow = 0;
  const positions = new Map<LedgerKey, number>();
  for (const row of sheet.rows) {
    if (row.number > 10 || headerRow) break;
    const texts = Array.from(row.cells, (value) => cellText(value).replace(/\s+/g, ''));
    if (texts.includes('问题序号') || texts.some((text) => text === '整改措施')) {
      headerRow = row.number;
      for (const column of LEDGER_COLUMNS) {
        const index = texts.findIndex((text) => namesColumn(column, text));
        if (index >= 0) positions.set(column.key, index);
      }
    }
  }
  if (!headerRow)
    return {
      rows: [],
      errors: [
        { row: 1, reason: 'no header row with 问题序号 and 整改措施 in the first 10 rows; download the template' },
      ],
    };
  const missing = LEDGER_COLUMNS.filter((column) => column.required && !positions.has(column.key)).map(
    (column) => column.header,
  );
  if (missing.length)
    return { rows: [], errors: [{ row: headerRow, reason: `missing column(s): ${missing.join(', ')}` }] };

  const rows: LedgerRow[] = [];
  for (const { number: rowNumber, cells } of sheet.rows) {
    if (rowNumber <= headerRow) continue;
    const cell = (key: LedgerKey) => (positions.has(key) ? (cells[positions.get(key)!] ?? null) : undefined);
    const text = (key: LedgerKey) => cellText(cell(key));
    if (LEDGER_COLUMNS.every((column) => !text(column.key))) continue;
    const reasons: string[] = [];
    const problemNumber = Number(text('problemNumber').replace(/[()（）]/g, ''));
    if (!Number.isInteger(problemNumber) || problemNumber < 1)
      reasons.push(`问题序号 "${text('problemNumber')}" is not a positive whole number`);
    const measureNumberText = text('measureNumber');
    const measureNumber = measureNumberText ? Number(measureNumberText) : null;
    if (measureNumber !== null && (!Number.isInteger(measureNumber) || measureNumber < 1))
      reasons.push(`措施序号 "${measureNumberText}" is not a positive whole number`);
    if (!text('problem')) reasons.push('问题 is empty');
    if (!text('measure')) reasons.push('整改措施 is empty');
    if (text('measure').length > 4000) reasons.push('整改措施 is longer than 4000 characters');
    const kind = KIND_BY_LABEL[text('kind')];
    if (!kind) reasons.push(`措施类型 "${text('kind')}" must be one of ${Object.keys(KIND_BY_LABEL).join(', ')}`);
    if (!text('leader')) reasons.push('责任领导 is empty');
    if (!text('leadDepartment')) reasons.push('牵头部门 is empty');
    const dueAt = readDeadline(cell('dueAt'));
    if (dueAt === 'invalid')
      reasons.push(`整改时限 "${text('dueAt')}" is not a date such as 2024-06-30 or 2024年6月30日`);
    else if (dueAt === null && kind !== 'ongoing')
      reasons.push('整改时限 is empty (only 长期坚持 measures may have none)');
    if (reasons.length) {
      errors.push({ row: rowNumber, reason: reasons.join('; ') });
      continue;
    }
    rows.push({
      row: rowNumber,
      problemNumber,
      section: text('section') || null,
      category: text('category') || null,
      group: text('group') || null,
      problem: text('problem'),
      measureNumber,
      measure: text('measure'),
      kind,
      leader: text('leader'),
      leadDepartment: text('leadDepartment'),
      // 、，；/ or spaces between names; a space inside a name (`财政 局`) is padding.
      cooperatingDepartments: splitNames(text('cooperatingDepartments')),
      dueAt: dueAt as string | null,
    });
  }
  // Rows of one problem must agree on its title; measure numbers must not repeat.
  const titles = new Map<number, string>();
  const numbers = new Map<string, number>();
  const counters = new Map<number, number>();
  for (const row of rows) {
    const title = titles.get(row.problemNumber);
    if (title !== undefined && title !== row.problem)
      errors.push({
        row: row.row,
        reason: `问题序号 ${row.problemNumber} has a different 问题 text than an earlier row`,
      });
    titles.set(row.problemNumber, title ?? row.problem);
    const next = (counters.get(row.problemNumber) ?? 0) + 1;
    counters.set(row.problemNumber, next);
    row.measureNumber ??= next;
    const key = `${row.problemNumber}/${row.measureNumber}`;
    if (numbers.has(key))
      errors.push({
        row: row.row,
        reason: `措施序号 ${row.measureNumber} of 问题序号 ${row.problemNumber} repeats row ${numbers.get(key)}`,
      });
    numbers.set(key, row.row);
  }
  errors.sort((a, b) => a.row - b.row);
  const bad = new Set(errors.map((error) => error.row));
  return { rows: rows.filter((row) => !bad.has(row.row)), errors };
}

/** Splits "一、标题" / "(一)标题" / "1.标题" back into number and title. */
export function splitLadderLabel(text: string | null): { number: string | null; title: string | null } {
  if (!text) return { number: null, title: null };
  const match = /^[(（]?([一二三四五六七八九十百\d]+)[)）]?[、.．]?\s*(.*)$/.exec(text);
  return match && match[2] ? { number: match[1], title: match[2] } : { number: null, title: text };
}
