/** Uploads are read in a worker thread: a file that needs too much memory or time kills only its thread. */
import { ImportLimitError, UnsupportedDocumentError } from '@rectiflow/documents';
import { importConfig } from '@rectiflow/platform';
import { docx, documentXml } from '../../../../test/support/zip-bombs';
import { readDocumentUpload, readWorkbookUpload } from './upload-reader';

const config = importConfig({});
let pathological: Buffer;

beforeAll(async () => {
  // 8 MB of one-character paragraphs: inside the archive limits, but xmldom and mammoth need over 1 GB for it.
  pathological = await docx(documentXml(8 * 1024 * 1024, '段'));
});

/** The longest the main thread's event loop went without a turn while `work` ran. */
async function longestStall(work: Promise<unknown>): Promise<{ stall: number; outcome: unknown }> {
  let last = Date.now();
  let stall = 0;
  const ticker = setInterval(() => {
    stall = Math.max(stall, Date.now() - last);
    last = Date.now();
  }, 20);
  const outcome = await work.catch((error: unknown) => error);
  clearInterval(ticker);
  return { stall, outcome };
}

it('parses a document in a thread and brings its errors back as their own classes', async () => {
  const parsed = await readDocumentUpload(
    'plan.md',
    Buffer.from('二、整改情况\n(1)问题甲。一是措施一。二是措施二。'),
    config,
  );
  expect(parsed.sections[0].problems?.[0]).toMatchObject({
    title: '问题甲',
    measures: [{ text: '措施一。' }, { text: '措施二。' }],
  });
  await expect(readDocumentUpload('scan.pdf', Buffer.from('%PDF'), config)).rejects.toBeInstanceOf(
    UnsupportedDocumentError,
  );
  await expect(readWorkbookUpload('bomb.xlsx', await docx(), config)).rejects.toMatchObject({
    name: 'ImportLimitError',
    limit: 'maxUncompressedBytes',
  });
});

it('stops a thread that needs more memory than the limit, and the API thread keeps its turns', async () => {
  const heapBefore = process.memoryUsage().heapUsed;
  const { stall, outcome } = await longestStall(
    readDocumentUpload('heavy.docx', pathological, { ...config, workerMemoryMb: 48 }),
  );
  expect(outcome).toBeInstanceOf(ImportLimitError);
  expect(outcome).toMatchObject({
    limit: 'workerMemoryMb',
    message: 'reading heavy.docx needs more than 48 MB of memory, the limit (IMPORT_WORKER_MEMORY_MB); it was stopped',
  });
  expect(stall).toBeLessThan(1000);
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
});

it('stops a thread that takes longer than the time limit', async () => {
  const started = Date.now();
  const outcome = await readDocumentUpload('slow.docx', pathological, {
    ...config,
    workerMemoryMb: 4096,
    timeoutMs: 1000,
  }).catch((error: unknown) => error);
  expect(outcome).toMatchObject({
    limit: 'timeoutMs',
    message: 'reading slow.docx took longer than 1 s, the limit (IMPORT_TIMEOUT_MS); it was stopped',
  });
  expect(Date.now() - started).toBeLessThan(3000);
});
