/** The import limits: archives are checked before anything inflates them, and what comes out is bounded. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { docx, documentXml, lieAboutSize, xlsxBomb } from '../../../test/support/zip-bombs';
import { documentText } from './document-text';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError } from './import-limits';
import { workbookRows } from './xlsx-rows';
import { unzipWithinLimits } from './zip-limits';

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (failure: Error) => failure,
  );
  expect(error).toBeInstanceOf(ImportLimitError);
  return error as ImportLimitError;
};

describe('a .docx', () => {
  it('whose document.xml declares 100 MB is refused from its central directory, before inflating', async () => {
    const bomb = await docx();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    const error = await refusal(documentText('bomb.docx', bomb));
    expect(error.limit).toBe('maxUncompressedBytes');
    expect(error.message).toBe(
      'bomb.docx inflates to 100 MB; the limit is 50 MB uncompressed (IMPORT_MAX_UNCOMPRESSED_BYTES)',
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
  });

  it('whose headers declare 2 KB for a part that inflates to 8 MB is refused after 2 KB', async () => {
    const lied = lieAboutSize(await docx(documentXml(8 * 1024 * 1024)), 'word/document.xml', 2000);
    // JSZip, which mammoth and ExcelJS use, finds the mismatch only after inflating all of it.
    await expect((await JSZip.loadAsync(lied)).file('word/document.xml')!.async('nodebuffer')).rejects.toThrow(
      /uncompressed data size mismatch/,
    );
    const error = await refusal(documentText('lied.docx', lied));
    expect(error.limit).toBe('maxUncompressedBytes');
    expect(error.message).toMatch(
      /^lied\.docx: word\/document\.xml inflates to more than the 2 KB its header declares/,
    );
  });

  it('of more files than the limit is refused', async () => {
    const zip = new JSZip();
    for (let index = 0; index <= DEFAULT_IMPORT_LIMITS.maxEntries; index += 1) zip.file(`${index}.xml`, '<x/>');
    const error = await refusal(documentText('many.docx', await zip.generateAsync({ type: 'nodebuffer' })));
    expect(error).toMatchObject({ limit: 'maxEntries', message: 'many.docx holds 2001 files; the limit is 2000' });
  });

  it('with more paragraphs than the line limit is refused after extraction; under it, it reads', async () => {
    const xml = documentXml(20_000, '段落');
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxLines: 100 };
    expect(await refusal(documentText('long.docx', await docx(xml), limits))).toMatchObject({
      limit: 'maxLines',
      message: 'long.docx has more than 100 lines (paragraphs); the limit is 100',
    });
    expect((await documentText('long.docx', await docx(xml))).split('\n').filter(Boolean).length).toBeGreaterThan(100);
  });

  it('keeps every part of a normal archive', async () => {
    const files = await unzipWithinLimits('small.docx', await docx(documentXml(1000)), DEFAULT_IMPORT_LIMITS);
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });
});

describe('text', () => {
  it('longer than the character limit or with more lines than the line limit is refused', async () => {
    const long = Buffer.from('字'.repeat(DEFAULT_IMPORT_LIMITS.maxCharacters + 1));
    expect(await refusal(documentText('long.txt', long))).toMatchObject({
      limit: 'maxCharacters',
      message: 'long.txt has 2,000,001 characters of text; the limit is 2,000,000',
    });
    const lines = Buffer.from('一\n'.repeat(DEFAULT_IMPORT_LIMITS.maxLines));
    expect(await refusal(documentText('lines.md', lines))).toMatchObject({
      limit: 'maxLines',
      message: 'lines.md has more than 50,000 lines (paragraphs); the limit is 50,000',
    });
    expect(await documentText('fits.md', Buffer.from('一\n'.repeat(DEFAULT_IMPORT_LIMITS.maxLines - 1)))).toHaveLength(
      2 * (DEFAULT_IMPORT_LIMITS.maxLines - 1),
    );
  });
});

describe('an .xlsx', () => {
  it('whose sheet declares 110 MB is refused before ExcelJS sees it', async () => {
    const error = await refusal(workbookRows('bomb.xlsx', await xlsxBomb(), DEFAULT_IMPORT_LIMITS));
    expect(error.limit).toBe('maxUncompressedBytes');
    expect(error.message).toMatch(/^bomb\.xlsx inflates to 110 MB; the limit is 50 MB uncompressed/);
  });

  it('reads as plain rows of plain values, and more rows than the limit are refused', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['问题序号', { richText: [{ text: '整改' }, { text: '措施' }] }]);
    sheet.addRow([
      1,
      new Date('2024-06-30T00:00:00Z'),
      { formula: '1+1', result: 2 },
      { text: '链接', hyperlink: 'https://example.org' },
    ]);
    sheet.getCell('F4').value = '远处';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const [plain] = await workbookRows('ledger.xlsx', bytes, DEFAULT_IMPORT_LIMITS);
    expect(plain.name).toBe('台账');
    expect(plain.rows.map((row) => row.number)).toEqual([1, 2, 4]);
    expect(plain.rows[0].cells).toEqual(['问题序号', '整改措施']);
    expect(plain.rows[1].cells).toEqual([1, new Date('2024-06-30T00:00:00Z'), 2, '链接']);
    expect(plain.rows[2].cells[5]).toBe('远处');
    expect(await refusal(workbookRows('ledger.xlsx', bytes, { ...DEFAULT_IMPORT_LIMITS, maxLines: 2 }))).toMatchObject({
      limit: 'maxLines',
      message: 'ledger.xlsx has more than 2 rows; the limit is 2',
    });
  });
});
