/**
 * npm run backup / npm run restore, end to end: a stack of its own (embedded PostgreSQL, Temporal
 * dev server, API, worker) with a measure whose look-back timer is pending and an evidence file; a
 * backup; everything stopped; the backup restored into a fresh PostgreSQL data directory and a new
 * dev server started on the restored SQLite file; and there the pending timer fires, the measure
 * goes on to 办结, and the evidence downloads byte for byte.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runMigrations } from '@rectiflow/persistence';
import { backup } from '../tools/backup';
import type { Sources } from '../tools/backup-manifest';
import { RunningTemporal, startTemporalDevServer } from '../tools/local-services';
import { restore } from '../tools/restore';
import { freePort } from './support/ports';
import { startPostgresProcess, TestPostgres } from './support/postgres-process';
import { env, fastPolicy, Stack, uniqueTaskQueue, waitFor } from './support/stack';
import { actOk, bringTo, buildWorld, call, createMeasure, startStack, World } from './support/world';

type People = 'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff';
const running: { stop(): Promise<void> }[] = [];

afterAll(async () => {
  for (const service of running.reverse()) await service.stop().catch(() => undefined);
});

/** PostgreSQL and the dev server in `directory`, stopped at the end if the test has not. */
async function services(directory: string, migrate: boolean): Promise<{ postgres: TestPostgres; temporalDb: string }> {
  const postgres = await startPostgresProcess(join(directory, 'pg'));
  running.push(postgres);
  if (migrate) await runMigrations(postgres.url);
  return { postgres, temporalDb: join(directory, 'temporal.db') };
}

async function temporal(file: string): Promise<RunningTemporal> {
  const server = await startTemporalDevServer({ port: await freePort(), uiPort: null, dbFile: file });
  running.push(server);
  return server;
}

async function auditActions(stack: Stack, measureId: string): Promise<string[]> {
  const rows: { action: string }[] = await stack.dataSource.query(
    'SELECT action FROM audit_event WHERE measure_id = $1 ORDER BY seq',
    [measureId],
  );
  return rows.map((row) => row.action);
}

it('restores both databases and the evidence into a fresh stack, where the pending timer still fires', async () => {
  const root = mkdtempSync(join(env().directory, 'backup-restore-'));
  chmodSync(root, 0o755); // PostgreSQL runs as the unprivileged postgres user when the suite runs as root
  const taskQueue = uniqueTaskQueue('backup');
  const tag = Date.now().toString(36);

  // The stack that is backed up.
  const source = await services(join(root, 'source'), true);
  const sourceTemporal = await temporal(source.temporalDb);
  const sourceEvidence = join(root, 'source', 'evidence');
  const world: World<People, 'lead'> = await buildWorld(
    await startStack('backup', {
      services: { databaseUrl: source.postgres.url, temporalAddress: sourceTemporal.address, taskQueue },
      api: { evidenceDir: sourceEvidence },
    }),
    {
      departments: { lead: `招商局-${tag}` },
      people: {
        office: { name: `office-${tag}`, roles: 'office' },
        reviewer: { name: `reviewer-${tag}`, roles: 'reviewer' },
        leader: `leader-${tag}`,
        supervisor: { name: `supervisor-${tag}`, roles: 'supervisor' },
        staff: { name: `staff-${tag}`, department: 'lead' },
      },
      inspection: { policy: fastPolicy({ lookBackAfter: 'PT40S' }) },
    },
  );
  running.push(world);
  const file = { name: '整改报告.pdf', bytes: Buffer.from(`%PDF-1.7 整改报告 ${tag}`), type: 'application/pdf' };
  const measureId = await createMeasure(world);
  await bringTo(world, measureId, 'lookback', { file }); // 销号 done: the look-back timer (40 s) is pending
  const before = await call(world, 'GET', `/measures/${measureId}`, 'supervisor');
  expect(before.body).toMatchObject({ stage: 'lookback', lookBackDue: false });
  const [{ id: evidenceId }] = (await call(world, 'GET', `/measures/${measureId}/evidence`, 'staff')).body;

  const backupDir = join(root, 'backup');
  const sourceSources: Sources = {
    databaseUrl: source.postgres.url,
    temporal: { kind: 'sqlite', file: source.temporalDb },
    evidence: { kind: 'disk', directory: sourceEvidence },
  };
  const manifest = await backup(backupDir, sourceSources); // online: the dev server is running
  expect(manifest).toMatchObject({ temporal: { kind: 'sqlite' }, evidence: { files: 1, missing: [] } });
  expect(JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')).checksums).toHaveProperty(['temporal.db']);
  expect(await auditActions(world, measureId)).not.toContain('look_back_due');
  await world.stop();
  await sourceTemporal.stop();
  await source.postgres.stop();

  // A fresh PostgreSQL data directory (no migrations run: the restore creates the schema) and a new dev server.
  const fresh = await services(join(root, 'fresh'), false);
  const freshSources: Sources = {
    databaseUrl: fresh.postgres.url,
    temporal: { kind: 'sqlite', file: fresh.temporalDb },
    evidence: { kind: 'disk', directory: join(root, 'fresh', 'evidence') },
  };
  await restore(backupDir, freshSources);
  const freshTemporal = await temporal(fresh.temporalDb);
  const stack = await startStack('backup', {
    services: { databaseUrl: fresh.postgres.url, temporalAddress: freshTemporal.address, taskQueue },
    api: { evidenceDir: join(root, 'fresh', 'evidence') },
  });
  running.push(stack);
  const restored: World<People, 'lead'> = { ...world, ...stack };
  for (const [person, token] of world.client.tokens) restored.client.tokens.set(person, token);

  await waitFor(
    async () => (await auditActions(restored, measureId)).includes('look_back_due'),
    'the look-back timer to fire after the restore',
    90_000,
  );
  expect((await call(restored, 'GET', `/measures/${measureId}`, 'supervisor')).body).toMatchObject({
    stage: 'lookback',
    lookBackDue: true,
  });
  await actOk(restored, measureId, 'record_look_back', 'supervisor', { result: 'holds' });
  expect((await call(restored, 'GET', `/measures/${measureId}`, 'supervisor')).body.stage).toBe('closed');
  const download = await call(restored, 'GET', `/evidence/${evidenceId}/content`, 'staff');
  expect(download.status).toBe(200);
  expect(download.raw.equals(file.bytes)).toBe(true);
}, 300_000);

describe('the npm scripts', () => {
  const run = (script: 'backup' | 'restore', args: string[], extra: NodeJS.ProcessEnv) =>
    promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', `tools/${script}.ts`, ...args], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, ...extra },
      timeout: 120_000,
    }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );

  it('back up the running suite from the environment, verify a backup before restoring it, and refuse to overwrite', async () => {
    const root = mkdtempSync(join(env().directory, 'backup-cli-'));
    const evidence = join(root, 'evidence');
    const bytes = Buffer.from('%PDF-1.4 cli');
    const hash = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(evidence, hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(evidence, hash.slice(0, 2), hash), bytes);
    const source = {
      DATABASE_URL: env().databaseUrl,
      TEMPORAL_DB_FILE: process.env.TEST_TEMPORAL_DB,
      EVIDENCE_DIR: evidence,
    };
    const made = await run('backup', [join(root, 'backup')], source);
    expect(made.output).toMatch(/done: \d+ rows in \d+ tables, Temporal sqlite, 1 evidence files/);
    expect(made.code).toBe(0);
    expect(existsSync(join(root, 'backup', 'evidence', hash.slice(0, 2), hash))).toBe(true);
    expect((await run('backup', [join(root, 'backup')], source)).output).toMatch(/is not empty/);

    // Into the shared server's own PostgreSQL: it has tables, and its dev server holds its file.
    const intoRunning = await run('restore', [join(root, 'backup'), '--replace'], source);
    expect(intoRunning.code).toBe(1);
    expect(intoRunning.output).toMatch(/temporal\.db is in use by process \d+ \(the Temporal dev server\): stop/);
    const target = {
      ...source,
      TEMPORAL_DB_FILE: join(root, 'restored', 'temporal.db'),
      EVIDENCE_DIR: join(root, 'e2'),
    };
    const nonEmpty = await run('restore', [join(root, 'backup')], target);
    expect(nonEmpty.output).toMatch(/already has \d+ tables; restore into an empty database, or pass --replace/);

    // A damaged backup is refused before anything is written.
    writeFileSync(join(root, 'backup', 'evidence', hash.slice(0, 2), hash), 'altered');
    const damaged = await run('restore', [join(root, 'backup'), '--replace'], target);
    expect(damaged.code).toBe(1);
    expect(damaged.output).toContain(`the backup is damaged: evidence/${hash.slice(0, 2)}/${hash} is altered`);
    expect(existsSync(join(root, 'restored', 'temporal.db'))).toBe(false);
  }, 300_000);
});
