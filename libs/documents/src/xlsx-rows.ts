/**
 * An .xlsx workbook as plain rows of plain values (text, numbers, dates), inside the import limits:
 * the archive is checked before ExcelJS inflates it, and the rows and characters that come out are
 * counted. Plain values survive a worker thread's postMessage, which ExcelJS objects do not.
 */
import ExcelJS from 'exceljs';
import { types } from 'node:util';
import { checkedArchive } from './zip-limits';
import { ImportLimitError, ImportLimits } from './import-limits';

export type PlainCell = string | number | boolean | Date | null;

export interface PlainRow {
  /** The row's number in the sheet (1 is the first row). */
  number: number;
  /** cells[0] is column A; sparse where the sheet has no cell. */
  cells: PlainCell[];
}

export interface PlainSheet {
  name: string;
  rows: PlainRow[];
}

/** Rich text, hyperlinks and formulas (their cached result) reduced to the value a person sees. */
export function plainCell(value: ExcelJS.CellValue | unknown, depth = 0): PlainCell {
  if (value === null || value === undefined) return null;
  if (types.isDate(value) || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value !== 'object' || depth > 2) return null;
  const shaped = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
  if (Array.isArray(shaped.richText)) return shaped.richText.map((part) => part.text).join('');
  if (shaped.text !== undefined) return plainCell(shaped.text, depth + 1);
  if (shaped.result !== undefined) return plainCell(shaped.result, depth + 1);
  if (shaped.error !== undefined) return String(shaped.error);
  return null;
}

export async function workbookRows(fileName: string, bytes: Buffer, limits: ImportLimits): Promise<PlainSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await checkedArchive(fileName, bytes, limits)) as unknown as ArrayBuffer);
  let rows = 0;
  let characters = 0;
  return workbook.worksheets.map((sheet) => {
    const plain: PlainSheet = { name: sheet.name, rows: [] };
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      rows += 1;
      if (rows > limits.maxLines)
        throw new ImportLimitError(
          'maxLines',
          `${fileName} has more than ${limits.maxLines.toLocaleString('en-US')} rows; the limit is ${limits.maxLines.toLocaleString('en-US')}`,
        );
      const cells: PlainCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const value = plainCell(cell.value);
        characters += typeof value === 'string' ? value.length : 0;
        cells[column - 1] = value;
      });
      if (characters > limits.maxCharacters) {
        throw new ImportLimitError(
          'maxCharacters',
          `${fileName} has more than ${limits.maxCharacters.toLocaleString('en-US')} characters of text; the limit is ${limits.maxCharacters.toLocaleString('en-US')}`,
        );
      }
      plain.rows.push({ number, cells });
    });
    return plain;
  });
}
