/**
 * An uploaded plan, notice or task list read into its tree: a .docx whose table has 问题 and
 * 整改措施 columns is a task list (task-list-table); everything else is read as text by the plan
 * parser (notice-parser).
 */
import { extname } from 'node:path';
import type { ParsedDocument } from './document-model';
import { documentText, docxText, preparedDocx } from './document-text';
import { docxTables } from './docx-tables';
import { DEFAULT_IMPORT_LIMITS, ImportLimits } from './import-limits';
import { parseNotice } from './notice-parser';
import { parseTaskList } from './task-list-table';

export async function parseDocument(
  fileName: string,
  bytes: Buffer,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ParsedDocument> {
  if (extname(fileName).toLowerCase() !== '.docx') return parseNotice(await documentText(fileName, bytes, limits));
  const docx = await preparedDocx(fileName, bytes, limits);
  // The text first: it holds every cell too, so the limits are checked before the tables are read.
  const text = await docxText(fileName, docx, limits);
  return parseTaskList(await docxTables(docx)) ?? parseNotice(text);
}
