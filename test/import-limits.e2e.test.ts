/**
 * Hostile uploads to the real API (in this process, as in every suite): zip bombs as .docx and .xlsx,
 * a .docx whose headers lie about its size, a document that passes the archive checks but needs
 * gigabytes to parse, and text over the line limit. Each answers 413 naming the limit, writes no
 * import draft, and /health answers quickly all the while.
 */
import { DataSource } from 'typeorm';
import { importConfig } from '@rectiflow/platform';
import { docx, documentXml, lieAboutSize, xlsxBomb } from './support/zip-bombs';
import { buildWorld, startStack, upload, World } from './support/world';

let world: World<'office'>;
let api: { url: string };
let dataSource: DataSource;
let office: string;
let inspectionId: string;
const tag = Date.now().toString(36);

beforeAll(async () => {
  // A 128 MB reader (512 by default) so the over-memory document is stopped in seconds, not 15 s of GC.
  const stack = await startStack('import-limits', {
    api: { evidenceMaxBytes: 5 * 1024 * 1024, imports: { ...importConfig({}), workerMemoryMb: 128 } },
    worker: false,
  });
  world = await buildWorld(stack, {
    people: { office: { name: `王整改-${tag}`, roles: 'office' } },
    inspection: { title: `导入限制-${tag}`, feedbackOn: '2024-04-19' },
  });
  ({ api, dataSource, inspection: inspectionId } = world);
  office = world.people.office;
});

afterAll(async () => {
  await world?.stop();
});

const drafts = async () =>
  (await dataSource.query('SELECT count(*)::int AS n FROM import_draft WHERE inspection_id = $1', [inspectionId]))[0]
    .n as number;

/** Uploads while probing /health every 50 ms; returns the answer and the slowest health answer. */
async function uploadWatchingHealth(kind: 'document' | 'ledger', name: string, bytes: Buffer) {
  let probing = true;
  const health: { status: number; ms: number }[] = [];
  const probe = (async () => {
    while (probing) {
      const started = Date.now();
      const response = await fetch(`${api.url}/health`);
      health.push({ status: response.status, ms: Date.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const reply = await upload(world, `/inspections/${inspectionId}/imports/${kind}`, office, name, bytes);
  probing = false;
  await probe;
  expect(health.length).toBeGreaterThan(0);
  expect(health.every((answer) => answer.status === 200)).toBe(true);
  return { reply, slowestHealth: Math.max(...health.map((answer) => answer.ms)) };
}

async function expectRefused(kind: 'document' | 'ledger', name: string, bytes: Buffer, message: RegExp, limit: string) {
  const before = await drafts();
  const { reply, slowestHealth } = await uploadWatchingHealth(kind, name, bytes);
  expect(reply.status).toBe(413);
  expect(reply.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', details: { limit } });
  expect(reply.body.message).toMatch(message);
  expect(await drafts()).toBe(before);
  expect(slowestHealth).toBeLessThan(1000);
  expect((await fetch(`${api.url}/health`)).status).toBe(200);
}

it('refuses a 357 KB .docx whose document.xml is 100 MB of one paragraph, from its central directory', async () => {
  const bomb = await docx();
  expect(bomb.length).toBeLessThan(400 * 1024);
  const rssBefore = process.memoryUsage().rss;
  await expectRefused(
    'document',
    'bomb.docx',
    bomb,
    /^bomb\.docx inflates to 100 MB; the limit is 50 MB uncompressed \(IMPORT_MAX_UNCOMPRESSED_BYTES\)$/,
    'maxUncompressedBytes',
  );
  // Nothing was inflated in the API's process (before the fix it grew to 4.3 GB and died).
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
});

it('refuses an .xlsx ledger whose sheet is 110 MB of one repeated row', async () => {
  await expectRefused(
    'ledger',
    'bomb.xlsx',
    await xlsxBomb(),
    /^bomb\.xlsx inflates to 110 MB; the limit is 50 MB uncompressed/,
    'maxUncompressedBytes',
  );
});

it('refuses a .docx whose headers declare 2 KB for a part that inflates to 8 MB', async () => {
  const lied = lieAboutSize(await docx(documentXml(8 * 1024 * 1024)), 'word/document.xml', 2000);
  await expectRefused(
    'document',
    'lied.docx',
    lied,
    /^lied\.docx: word\/document\.xml inflates to more than the 2 KB its header declares/,
    'maxUncompressedBytes',
  );
});

it('stops reading a .docx that passes the archive checks but needs more memory than the reader may use', async () => {
  // 8 MB of one-character paragraphs: well inside 50 MB, but xmldom and mammoth need over 1 GB for it.
  const heavy = await docx(documentXml(8 * 1024 * 1024, '段'));
  await expectRefused(
    'document',
    'heavy.docx',
    heavy,
    /^reading heavy\.docx needs more than 128 MB of memory, the limit \(IMPORT_WORKER_MEMORY_MB\); it was stopped$/,
    'workerMemoryMb',
  );
});

it('refuses text over the line limit and still reads a document inside the limits', async () => {
  await expectRefused(
    'document',
    'lines.txt',
    Buffer.from('一\n'.repeat(60_000)),
    /^lines\.txt has more than 50,000 lines \(paragraphs\); the limit is 50,000$/,
    'maxLines',
  );
  const plan = await docx(
    documentXml(1, '二、整改情况').replace(
      '</w:body>',
      '<w:p><w:r><w:t>(1)问题甲。一是措施一。二是措施二。</w:t></w:r></w:p></w:body>',
    ),
  );
  const { reply } = await uploadWatchingHealth('document', 'plan.docx', plan);
  expect(reply.status).toBe(201);
  expect(reply.body.counts).toMatchObject({ problems: 1, measures: 2 });
  expect(await drafts()).toBe(1);
});
