/** Plain text out of the document formats offices send: .txt, .md and .docx (through mammoth). */
import mammoth from 'mammoth';
import { extname } from 'node:path';
import { writeNumberingAsText } from './docx-numbering';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const;

export class UnsupportedDocumentError extends Error {}

export async function documentText(fileName: string, bytes: Buffer): Promise<string> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.docx') {
    if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new UnsupportedDocumentError(`${fileName} is not a .docx file (no ZIP signature)`);
    // Word's automatic numbering (一、 （一） 1.) is not text to mammoth: write it in first.
    const numbered = await writeNumberingAsText(bytes).catch(() => bytes);
    const { value } = await mammoth.extractRawText({ buffer: numbered });
    return value;
  }
  if (extension === '.txt' || extension === '.md' || extension === '.markdown') {
    const text = bytes.toString('utf8');
    if (text.includes('\u0000')) throw new UnsupportedDocumentError(`${fileName} is not a text file`);
    return text.replace(/^\ufeff/, '');
  }
  throw new UnsupportedDocumentError(`${extension || 'a file without extension'} is not a supported document; use ${DOCUMENT_EXTENSIONS.join(', ')}`);
}
