/**
 * Hostile input outside JSON bodies and parameters (those are hostile-input.e2e.test.ts): the
 * Idempotency-Key header of every action (written byte for byte, as fetch will not send a NUL),
 * the file names of every multipart upload in the OpenAPI document and the cells of the
 * organisation CSV, access tokens signed with the right secret but a `sub` that is not a UUID,
 * and a huge offset. Each is refused with a 4xx (an upload may instead be stored under a safe
 * name), writes nothing when refused, and /health keeps answering.
 */
import { sign } from 'jsonwebtoken';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ActionName } from '@rectiflow/domain';
import { ApiDocument, endpoints, resolve } from './support/openapi-cases';
import { pool, send, sendRaw, shown, snapshotDifference, tableSnapshot, watchHealth } from './support/hostile-requests';
import { TestApi } from './support/http';
import { buildWorld, World } from './support/hostile-world';
import { apiConfig, openDataSource, TEST_AUTH, uniqueTaskQueue } from './support/stack';

const taskQueue = uniqueTaskQueue('hostile-requests');
let dataSource: DataSource;
let world: World;
let document: ApiDocument;
let health: ReturnType<typeof watchHealth>;
let keys = 0;

beforeAll(async () => {
  dataSource = await openDataSource();
  world = await buildWorld(dataSource, taskQueue);
  document = (await fetch(`${world.api.url}/docs-json`).then((response) => response.json())) as ApiDocument;
  health = watchHealth(world.api.url);
}, 180_000);

afterAll(async () => {
  await health?.stop();
  await world?.worker.close();
  await world?.api.app.close();
  await dataSource?.destroy();
});

/** Runs one case and reports what it wrote; the caller decides whether that was allowed. */
async function written<T>(work: () => Promise<T>): Promise<{ result: T; wrote: string[] }> {
  const before = await tableSnapshot(dataSource);
  const result = await work();
  return { result, wrote: snapshotDifference(before, await tableSnapshot(dataSource)) };
}

it('refuses a hostile Idempotency-Key on every action, before the workflow hears of it', async () => {
  const endpoint = endpoints(document).find((item) => item.path.endsWith('/actions/{action}'))!;
  const actions = resolve(document, endpoint.params.find((param) => param.name === 'action')!.schema)
    .enum as ActionName[];
  const keysToTry: [string, string, RegExp | null][] = [
    // Node's HTTP parser refuses these header bytes itself (400, no body): the API never sees them.
    ['NUL', 'a\u0000b', null],
    ['control U+0007', 'a\u0007b', null],
    ['101 characters', 'k'.repeat(101), /idempotencyKey/],
    ['10,000 characters', 'k'.repeat(10_000), /idempotencyKey/],
    ['only spaces', '   ', /idempotencyKey/],
    ['C1 control U+0085 (as a Latin-1 byte)', 'a\u0085b', /idempotencyKey/],
  ];
  const failures: string[] = [];
  for (const action of actions) {
    const person = world.people[world.actors[action]];
    const token = world.client.tokens.get(person)!;
    const { wrote } = await written(async () => {
      for (const [label, key, names] of keysToTry) {
        const reply = await sendRaw(
          world.api.url,
          'POST',
          `/measures/${world.measures[action]}/actions/${action}`,
          { authorization: `Bearer ${token}`, 'Idempotency-Key': key },
          JSON.stringify(world.bodies[action]()),
        );
        if (reply.status !== 400 || (names && !names.test(reply.message)))
          failures.push(`${action} — Idempotency-Key ${label}: answered ${shown(reply)}`);
      }
    });
    if (wrote.length) failures.push(`${action}: wrote ${wrote.join(', ')}`);
  }
  expect(failures).toEqual([]);
});

/** A valid file for each multipart endpoint, by the last segment of its path. */
function sampleFile(path: string): { extension: string; bytes: () => Buffer; type: string } {
  const last = path.split('/').pop()!;
  const files: Record<string, { extension: string; bytes: () => Buffer; type: string }> = {
    evidence: { extension: 'pdf', bytes: () => Buffer.from('%PDF-1.4 敌意'), type: 'application/pdf' },
    document: {
      extension: 'md',
      bytes: () => Buffer.from(`二、整改\n(${3000 + ++keys})问题。一是措施。`),
      type: 'text/markdown',
    },
    ledger: {
      extension: 'xlsx',
      bytes: () => Buffer.from(world.ids.ledgerTemplate, 'base64'),
      type: 'application/octet-stream',
    },
    csv: { extension: 'csv', bytes: () => Buffer.from(`名称\n敌意部门-${++keys}-${Date.now()}\n`), type: 'text/csv' },
  };
  if (!files[last]) throw new Error(`no sample file for the upload ${path}; add one`);
  return files[last];
}

/** Strings in an answer that could not safely be a stored file's name. */
function unsafeNames(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    const controls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\\/]|^\.\.?$/;
    if (controls.test(value) || lone.test(value) || [...value].length > 255)
      found.push(JSON.stringify(value.slice(0, 80)));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      if (/name/i.test(key) || typeof item === 'object') unsafeNames(item, found);
  }
  return found;
}

it('refuses hostile upload file names on every multipart endpoint, or stores the file under a safe name', async () => {
  const uploads = endpoints(document).filter((endpoint) => endpoint.body?.kind === 'multipart');
  expect(uploads.length).toBeGreaterThan(0);
  const evidenceDir = apiConfig(taskQueue).evidenceDir;
  const failures: string[] = [];
  for (const endpoint of uploads) {
    const path = endpoint.path
      .replace(/^\/api/, '')
      .replace('{id}', endpoint.path.includes('/measures/') ? world.ids.read : world.ids.inspection)
      .replace('{kind}', 'departments');
    const who = endpoint.path.includes('/organisation/')
      ? world.people.admin
      : endpoint.path.includes('/measures/')
        ? world.people.staff
        : world.people.office;
    const file = sampleFile(endpoint.path);
    const names: [string, string][] = [
      ['NUL', `a\u0000b.${file.extension}`],
      ['control U+0007', `a\u0007b.${file.extension}`],
      ['path traversal', `../../hostile-${endpoint.path.split('/').pop()}.${file.extension}`],
      ['Windows path traversal', `..\\..\\hostile.${file.extension}`],
      ['1,000 characters', `${'长'.repeat(1000)}.${file.extension}`],
      [
        '300 astral characters after one ASCII (a cut in UTF-16 units splits a pair)',
        `a${'𠀀'.repeat(300)}.${file.extension}`,
      ],
      ['bidi override', `report\u202Etxt.${file.extension}`],
      ['only spaces', `   .${file.extension}`],
    ];
    // All names at once, two in flight (an accepted import is parsed in a thread for a second or two);
    // then each refused one again on its own between two snapshots: a refusal writes nothing.
    const replies = new Map<string, Awaited<ReturnType<TestApi['upload']>>>();
    await pool(names, 2, async ([label, name]) => {
      replies.set(label, await world.client.upload(path, who, name, file.bytes(), file.type));
    });
    for (const [label, name] of names) {
      const reply = replies.get(label)!;
      const where = `${endpoint.key} — file name ${label}`;
      if (reply.status >= 500 || reply.status < 200 || [401, 403, 404].includes(reply.status)) {
        failures.push(`${where}: answered ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
      } else if (reply.status >= 400) {
        const { wrote } = await written(() => world.client.upload(path, who, name, file.bytes(), file.type));
        if (wrote.length) failures.push(`${where}: refused but wrote ${wrote.join(', ')}`);
      } else if (unsafeNames(reply.body).length) {
        failures.push(`${where}: stored as ${unsafeNames(reply.body).join(', ')}`);
      }
    }
  }
  // Evidence is stored by SHA-256 in its own folder: nothing a name says lands anywhere else.
  for (const stray of ['hostile-evidence.pdf', 'hostile.pdf'])
    expect(existsSync(join(evidenceDir, '..', '..', stray))).toBe(false);
  expect(readdirSync(evidenceDir).every((name) => /^[0-9a-f]{2,64}$/.test(name))).toBe(true);
  expect(failures).toEqual([]);
});

it('refuses hostile cells in the organisation CSV with a 4xx naming the row, writes nothing, and does not echo them', async () => {
  const cells: [string, string, 'always' | 'required'][] = [
    ['NUL', 'a\u0000b', 'always'],
    ['control U+0007', 'a\u0007b', 'always'],
    ['bidi override', 'a\u202Eb', 'always'],
    // Blank is an empty cell: refused where the column is required, "not given" where it is optional.
    ['only spaces', '   ', 'required'],
    ['only full-width spaces', '\u3000\u3000', 'required'],
    ['101 characters', '部'.repeat(101), 'always'],
    ['1,000,000 characters', 'x'.repeat(1_000_000), 'always'],
  ];
  const files: [string, boolean, (cell: string) => string][] = [
    ['departments', true, (cell) => `名称\n"${cell}"\n`],
    ['departments', false, (cell) => `名称,上级部门\n敌意子部门-${++keys},"${cell}"\n`],
    ['people', true, (cell) => `姓名\n"${cell}"\n`],
    ['people', false, (cell) => `姓名,用户名,初始密码\n张三,"${cell}",Hostile-pass-123\n`],
    ['people', false, (cell) => `姓名,邮箱\n张三,"${cell}"\n`],
    ['people', false, (cell) => `姓名,部门\n张三,"${cell}"\n`],
  ];
  const failures: string[] = [];
  for (const [kind, required, csv] of files) {
    for (const [label, cell, when] of cells.filter(([, , when]) => when === 'always' || required)) {
      const { result: reply, wrote } = await written(() =>
        world.client.upload(
          `/organisation/${kind}/csv`,
          world.people.admin,
          'x.csv',
          Buffer.from(csv(cell)),
          'text/csv',
        ),
      );
      const where = `${kind} CSV ${csv('…').split('\n')[0]} — ${label} (${when})`;
      const message = String(reply.body?.message ?? '');
      if (reply.status < 400 || reply.status >= 500 || !/\brows?\b/.test(message) || message.length > 2000)
        failures.push(`${where}: answered ${reply.status} ${message.slice(0, 300)}`);
      if (wrote.length) failures.push(`${where}: wrote ${wrote.join(', ')}`);
    }
  }
  expect(failures).toEqual([]);
});

it('refuses a signed token whose subject is not a UUID, and a huge offset, without a 500', async () => {
  const tokens: [string, object][] = [
    ['sub not a UUID', { sub: 'not-a-uuid', ver: 0 }],
    ['sub with NUL', { sub: `${world.people.office.slice(0, -1)}\u0000`, ver: 0 }],
    ['sub a number', { sub: 12345, ver: 0 }],
    ['sub an object', { sub: { id: world.people.office }, ver: 0 }],
    ['sub 10,000 characters', { sub: 'x'.repeat(10_000), ver: 0 }],
    ['ver NaN', { sub: world.people.office, ver: 'NaN' }],
    ['ver 1e20', { sub: world.people.office, ver: 1e20 }],
  ];
  const failures: string[] = [];
  for (const [label, payload] of tokens) {
    const token = sign(payload, TEST_AUTH.jwtSecret, { expiresIn: 600 });
    for (const path of ['/auth/me', `/measures?inspectionId=${world.ids.inspection}`]) {
      const reply = await send(world.api.url, world.client, {
        method: 'GET',
        path,
        who: null,
        headers: { authorization: `Bearer ${token}` },
      });
      if (reply.status !== 401) failures.push(`GET ${path} with a token (${label}): answered ${shown(reply)}`);
    }
  }
  const offset = await world.client.call('GET', '/measures?offset=99999999999999999999', world.people.office);
  expect({ status: offset.status, message: offset.body.message }).toEqual({
    status: 400,
    message: expect.stringMatching(/offset/),
  });
  expect(failures).toEqual([]);
  expect((await health.stop()).failures).toEqual([]);
});
