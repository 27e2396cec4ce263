import { withoutForbiddenCharacters } from '@rectiflow/domain';

/**
 * The name a person gave an uploaded file, kept for display and download: without any path and
 * without the characters the text rule forbids (a bidi override makes "report\u202Etxt.pdf" read as
 * another name), cut to 200 characters, never inside a surrogate pair.
 */
export function cleanFileName(name: string, fallback: string): string {
  // Multer hands over the name as latin1; browsers send UTF-8 bytes.
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const cleaned = [...withoutForbiddenCharacters(base.normalize('NFC')).trim()].slice(0, 200).join('').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}
