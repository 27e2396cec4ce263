/**
 * Limits on what an imported document or ledger may grow into. A .docx or .xlsx is a ZIP: a few
 * hundred KB can inflate to gigabytes, and the parsers behind it (xmldom, mammoth, ExcelJS) hold all
 * of it in memory many times over, so the archive and what comes out of it are both bounded.
 */
export interface ImportLimits {
  /** Files in the archive (a real .docx has about 15, a ledger about 10). */
  maxEntries: number;
  /** Sum of the archive's uncompressed sizes, as declared and as actually inflated. */
  maxUncompressedBytes: number;
  /** Characters of extracted text (a document) or of all cells (a ledger). */
  maxCharacters: number;
  /** Lines of extracted text, or rows of a ledger. */
  maxLines: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxCharacters: 2_000_000,
  maxLines: 50_000,
};

/** A file refused because it is over one of the limits; `limit` names it for the answer. */
export class ImportLimitError extends Error {
  constructor(
    readonly limit: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportLimitError';
  }
}

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;
const grouped = (count: number) => count.toLocaleString('en-US');

/** Refuses extracted text that is longer, or has more lines, than the limits allow. */
export function checkTextLimits(fileName: string, text: string, limits: ImportLimits): string {
  if (text.length > limits.maxCharacters) {
    throw new ImportLimitError(
      'maxCharacters',
      `${fileName} has ${grouped(text.length)} characters of text; the limit is ${grouped(limits.maxCharacters)}`,
    );
  }
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lines += 1;
    if (lines > limits.maxLines)
      throw new ImportLimitError(
        'maxLines',
        `${fileName} has more than ${grouped(limits.maxLines)} lines (paragraphs); the limit is ${grouped(limits.maxLines)}`,
      );
  }
  return text;
}
