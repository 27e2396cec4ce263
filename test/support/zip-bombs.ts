/**
 * Hostile .docx and .xlsx files, generated (never stored): a small archive whose one XML part is
 * 100 MB+ of one repeated paragraph or row, and an archive whose headers declare a small size for a
 * part that inflates to megabytes. They compress about a thousandfold, as a real zip bomb does.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** word/document.xml of about `bytes` bytes: `paragraph` repeated. */
export function documentXml(bytes: number, paragraph = '(1)问题。一是强化项目入园审查,严格执行拿地门槛。'): string {
  const one = `<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`;
  const count = Math.ceil(bytes / Buffer.byteLength(one));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${one.repeat(count)}</w:body></w:document>`;
}

/** A .docx whose document.xml is `xml` (by default 100 MB of one paragraph: about 300 KB on disk). */
export async function docx(xml = documentXml(100 * 1024 * 1024)): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A real ledger workbook whose first sheet's XML is replaced by `megabytes` MB of one repeated row. */
export async function xlsxBomb(megabytes = 110): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('整改台账').addRow(['问题序号', '问题', '整改措施']);
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  // Rows without r="…" are numbered by position, so every row is the same bytes and compresses away.
  const row = '<row><c t="inlineStr"><is><t>强化项目入园审查,严格执行拿地门槛,全面提升项目质量。</t></is></c></row>';
  const rows = row.repeat(Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(row)));
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * The archive with every header of `part` (local and central) declaring `declared` bytes
 * uncompressed: a reader that trusts the headers inflates far more than it checked.
 */
export function lieAboutSize(archive: Buffer, part: string, declared: number): Buffer {
  const lied = Buffer.from(archive);
  const name = Buffer.from(part);
  for (let at = 0; at + 46 < lied.length; at += 1) {
    const signature = lied.readUInt32LE(at);
    if (
      signature === 0x04034b50 &&
      lied.subarray(at + 30, at + 30 + name.length).equals(name) &&
      lied.readUInt16LE(at + 26) === name.length
    )
      lied.writeUInt32LE(declared, at + 22);
    if (
      signature === 0x02014b50 &&
      lied.subarray(at + 46, at + 46 + name.length).equals(name) &&
      lied.readUInt16LE(at + 28) === name.length
    )
      lied.writeUInt32LE(declared, at + 24);
  }
  return lied;
}
