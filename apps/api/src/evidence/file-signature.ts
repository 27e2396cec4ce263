/**
 * What a file's first bytes say it is, checked against its extension: a renamed executable or a
 * script called report.pdf is refused whatever its name or declared type.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIGNATURES: Record<string, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  docx: [ZIP],
  xlsx: [ZIP],
  pptx: [ZIP],
  zip: [ZIP],
  ofd: [ZIP],
  doc: [OLE],
  xls: [OLE],
  ppt: [OLE],
  wps: [OLE],
  et: [OLE],
};
const EXECUTABLES = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0x23, 0x21],
  [0xca, 0xfe, 0xba, 0xbe],
  [0xcf, 0xfa, 0xed, 0xfe],
];

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

export function signatureProblem(extension: string, bytes: Buffer): string | null {
  if (EXECUTABLES.some((signature) => startsWith(bytes, signature)))
    return 'the file is an executable or script, whatever its name says';
  if (extension === 'webp')
    return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP'
      ? null
      : 'the file is not a WebP image';
  if (extension === 'txt' || extension === 'csv') {
    const head = bytes.subarray(0, 64 * 1024);
    if (head.includes(0)) return `the file is not text (it contains binary data)`;
    if (/<script|<\?php|<html/i.test(head.toString('utf8'))) return 'the text file contains markup or script';
    return null;
  }
  const signatures = SIGNATURES[extension];
  if (!signatures) return null;
  return signatures.some((signature) => startsWith(bytes, signature))
    ? null
    : `the file's content is not a .${extension} file`;
}
