/** Plain text out of the document formats offices send: .txt, .md and .docx (through mammoth). */
import mammoth from 'mammoth';
import { extname } from 'node:path';
import { writeNumberingAsText } from './docx-numbering';
import { checkTextLimits, DEFAULT_IMPORT_LIMITS, ImportLimits } from './import-limits';
import { checkedArchive } from './zip-limits';
import { DOCUMENT_EXTENSIONS } from './file-types';

export class UnsupportedDocumentError extends Error {
  override name = 'UnsupportedDocumentError';
}

/** The document's text; an ImportLimitError when the archive or the text is over the limits. */
export async function documentText(
  fileName: string,
  bytes: Buffer,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<string> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.docx') return docxText(fileName, await preparedDocx(fileName, bytes, limits), limits);
  if (extension === '.txt' || extension === '.md' || extension === '.markdown') {
    const text = bytes.toString('utf8');
    if (text.includes('\u0000')) throw new UnsupportedDocumentError(`${fileName} is not a text file`);
    return checkTextLimits(fileName, text.replace(/^\ufeff/, ''), limits);
  }
  throw new UnsupportedDocumentError(
    `${extension || 'a file without extension'} is not a supported document; use ${DOCUMENT_EXTENSIONS.join(', ')}`,
  );
}

/** A .docx checked against the limits, with Word's automatic numbering written in as text. */
export async function preparedDocx(fileName: string, bytes: Buffer, limits: ImportLimits): Promise<Buffer> {
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK')
    throw new UnsupportedDocumentError(`${fileName} is not a .docx file (no ZIP signature)`);
  // Checked before anything inflates it: both the numbering pass (JSZip) and mammoth read this copy.
  const archive = await checkedArchive(fileName, bytes, limits);
  // Word's automatic numbering (一、 （一） 1.) is not text to mammoth: write it in first.
  return writeNumberingAsText(archive).catch(() => archive);
}

/** The text of a prepared .docx (tables' cells included, a line per paragraph), within the limits. */
export async function docxText(fileName: string, docx: Buffer, limits: ImportLimits): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: docx });
  return checkTextLimits(fileName, value, limits);
}
