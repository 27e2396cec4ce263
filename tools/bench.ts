/**
 * `npm run bench -- [--measures 500] [--users 20] [--workers 1] [--apis 1] [--scale 0]`
 *
 * Starts a private stack (embedded PostgreSQL, Temporal dev server, W worker and A API processes
 * from dist/), drives N measures through the whole pipeline over HTTP with K concurrent simulated
 * users (assign, submit evidence, review with ~10% rejections and resubmission, sign off, look-back),
 * then runs a baseline on the same server: a trivial workflow receiving the same number of Updates
 * with the same concurrency. Prints one JSON line and writes it to bench/results/.
 * With --scale S it also creates S open measures and times the ledger and dashboard queries over them.
 * A benchmark, not a test: it asserts nothing.
 */
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import bcrypt from 'bcryptjs';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { runMigrations } from '../libs/persistence/src';
import { startEmbeddedPostgres, startTemporalDevServer, waitForPort } from './local-services';

const root = join(__dirname, '..', '..');
const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const MEASURES = option('measures', 500);
const USERS = option('users', 20);
const WORKERS = option('workers', 1);
const APIS = option('apis', 1);
const SCALE = option('scale', 0);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const PASSWORD = `Bench-${randomBytes(6).toString('hex')}`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function currentRssMb(pid: number | undefined): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function main() {
  const directory = mkdtempSync(join(tmpdir(), 'rectiflow-bench-'));
  const children: ChildProcess[] = [];
  const pgPort = 55_000 + Math.floor(Math.random() * 1000);
  const temporalPort = pgPort + 1000;
  const postgres = await startEmbeddedPostgres({ dataDir: join(directory, 'pg'), port: pgPort });
  const temporal = await startTemporalDevServer({ port: temporalPort, uiPort: null, dbFile: join(directory, 'temporal.db') });
  try {
    await runMigrations(postgres.url);
    const jwtSecret = randomBytes(48).toString('base64url');
    const env = {
      ...process.env,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      JWT_SECRET: jwtSecret,
      WORKFLOW_BUNDLE_PATH: join(root, 'dist', 'workflow-bundle.js'),
      EVIDENCE_DIR: join(directory, 'evidence'),
      LOG_REQUESTS: 'false',
      LOG_LEVEL: 'warn',
      BCRYPT_ROUNDS: '4',
      SIGN_IN_PER_MINUTE: '10000',
      WEB_DIR: '',
    };
    const workers = Array.from({ length: WORKERS }, () => spawn(process.execPath, [join(root, 'dist', 'apps', 'worker', 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
    const apiPorts = Array.from({ length: APIS }, (_, index) => pgPort + 2000 + index);
    const apis = apiPorts.map((port) => spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] }));
    children.push(...workers, ...apis);
    await Promise.all(apiPorts.map((port) => waitForPort(port, 60_000)));
    const urls = apiPorts.map((port) => `http://127.0.0.1:${port}/api`);
    let turn = 0;
    const nextUrl = () => urls[turn++ % urls.length];

    const call = async (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${nextUrl()}${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };

    // Organisation and accounts.
    const database = new PgClient({ connectionString: postgres.url });
    await database.connect();
    const { rows } = await database.query(`INSERT INTO person (name) VALUES ('bench admin') RETURNING id`);
    await database.query('INSERT INTO account (person_id, username, password_hash, is_admin) VALUES ($1, $2, $3, true)', [rows[0].id, 'admin', await bcrypt.hash(PASSWORD, 4)]);
    const signIn = async (username: string) => (await call('POST', '/auth/sign-in', null, { username, password: PASSWORD })).accessToken as string;
    const admin = await signIn('admin');
    const department = (await call('POST', '/departments', admin, { name: '基准部门' })).id;
    const roles = ['office', 'reviewer', 'leader', 'supervisor', 'staff'] as const;
    const people = await call('POST', '/people/bulk', admin, { people: roles.map((role) => ({ name: role, username: role, password: PASSWORD, ...(role === 'staff' ? { departmentId: department } : {}) })) });
    const id = Object.fromEntries(roles.map((role, index) => [role, people[index].id])) as Record<(typeof roles)[number], string>;
    const token = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await signIn(role)]))) as Record<(typeof roles)[number], string>;
    const policy = { lookBackAfter: 'PT1S', reviewWithin: 'P5D', signOffWithin: 'P5D' };
    const inspection = (await call('POST', '/inspections', admin, { title: 'bench', kind: 'xuncha', inspectingBody: 'a', inspectedUnit: 'b', policy })).id;
    await call('POST', `/inspections/${inspection}/roles`, admin, { roles: [{ personId: id.office, role: 'office' }, { personId: id.reviewer, role: 'reviewer' }, { personId: id.supervisor, role: 'supervisor' }] });

    const createMeasures = async (count: number, offset: number) => {
      const ids: string[] = [];
      for (let start = 0; start < count; start += 1000) {
        const batch = Array.from({ length: Math.min(1000, count - start) }, (_, index) => ({
          number: offset + start + index + 1,
          title: `问题${offset + start + index + 1}`,
          measures: [{ text: `措施${offset + start + index + 1}`, kind: 'deadline', leadDepartmentId: department, responsibleLeaderId: id.leader, dueAt: '2099-06-30' }],
        }));
        const created = await call('POST', `/inspections/${inspection}/problems/bulk`, token.office, { problems: batch });
        ids.push(...created.map((problem: { measures: { id: string }[] }) => problem.measures[0].id));
      }
      return ids;
    };

    log(`creating ${MEASURES} measures`);
    const measureIds = await createMeasures(MEASURES, 0);
    log('uploading one evidence file per measure (untimed)');
    const evidence = new Map<string, string>();
    const uploadQueue = [...measureIds];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let measure = uploadQueue.shift(); measure; measure = uploadQueue.shift()) {
          const form = new FormData();
          form.append('file', new Blob([Buffer.from(`%PDF-1.4 ${measure}`)], { type: 'application/pdf' }), '纪要.pdf');
          const response = await fetch(`${nextUrl()}/measures/${measure}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token.staff}` }, body: form });
          evidence.set(measure, ((await response.json()) as { id: string }).id);
        }
      }),
    );

    // The timed run: K users drive the measures through the pipeline.
    const latencies: number[] = [];
    let actions = 0;
    let rejections = 0;
    const act = async (measure: string, action: string, who: keyof typeof token, body: Record<string, unknown>) => {
      const started = performance.now();
      const result = await call('POST', `/measures/${measure}/actions/${action}`, token[who], body, { 'Idempotency-Key': randomUUID() });
      latencies.push(performance.now() - started);
      actions += 1;
      return result;
    };
    log(`driving ${MEASURES} measures with ${USERS} users`);
    const began = performance.now();
    const pipeline = [...measureIds];
    const lookBacks: string[] = [];
    await Promise.all(
      Array.from({ length: USERS }, async () => {
        for (let measure = pipeline.shift(); measure; measure = pipeline.shift()) {
          await act(measure, 'assign', 'office', {});
          const submission = { summary: '已完成整改', evidenceIds: [evidence.get(measure)] };
          await act(measure, 'submit_evidence', 'staff', submission);
          if (Math.random() < 0.1) {
            rejections += 1;
            await act(measure, 'review', 'reviewer', { decision: 'reject', reason: '材料不全' });
            await act(measure, 'submit_evidence', 'staff', submission);
          }
          await act(measure, 'review', 'reviewer', { decision: 'approve' });
          await act(measure, 'sign_off', 'leader', { decision: 'approve' });
          lookBacks.push(measure);
        }
      }),
    );
    // Look-backs fall due a second after sign-off; the last ones may still be waiting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await Promise.all(
      Array.from({ length: USERS }, async () => {
        for (let measure = lookBacks.shift(); measure; measure = lookBacks.shift()) await act(measure, 'record_look_back', 'supervisor', { result: 'holds' });
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    const { rows: closed } = await database.query(`SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1 AND stage = 'closed'`, [inspection]);
    log(`${actions} actions in ${seconds.toFixed(1)} s; ${closed[0].n}/${MEASURES} closed`);

    // Baseline: a trivial workflow receiving the same number of Updates with the same concurrency.
    log('baseline');
    const baselineQueue = 'bench-baseline';
    const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../bench/baseline.workflow'), logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never });
    const nativeConnection = await NativeConnection.connect({ address: temporal.address });
    const baselineWorker = await Worker.create({ connection: nativeConnection, taskQueue: baselineQueue, workflowBundle: { code } });
    const running = baselineWorker.run();
    const connection = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection });
    const perWorkflow = Math.max(1, Math.round(actions / MEASURES));
    const handles = await Promise.all(measureIds.map((_, index) => client.workflow.start('baselineWorkflow', { taskQueue: baselineQueue, workflowId: `baseline-${index}-${randomUUID()}`, args: [perWorkflow] })));
    const updates: (typeof handles)[number][] = handles.flatMap((handle) => Array.from({ length: perWorkflow }, () => handle));
    const baselineBegan = performance.now();
    await Promise.all(
      Array.from({ length: USERS }, async () => {
        for (let handle = updates.shift(); handle; handle = updates.shift()) await handle.executeUpdate('act', { args: [randomUUID()] });
      }),
    );
    const baselineSeconds = (performance.now() - baselineBegan) / 1000;
    const baselineUpdates = perWorkflow * handles.length;
    baselineWorker.shutdown();
    await running;
    await connection.close();
    await nativeConnection.close();

    const result: Record<string, unknown> = {
      measures: MEASURES,
      measures_closed: closed[0].n,
      users: USERS,
      workers: WORKERS,
      apis: APIS,
      actions,
      rejections,
      seconds: Math.round(seconds * 10) / 10,
      actions_per_s: Math.round((actions / seconds) * 10) / 10,
      baseline_updates: baselineUpdates,
      baseline_updates_per_s: Math.round((baselineUpdates / baselineSeconds) * 10) / 10,
      ratio: Math.round((actions / seconds / (baselineUpdates / baselineSeconds)) * 100) / 100,
      p50_ms: percentile(latencies, 50),
      p95_ms: percentile(latencies, 95),
      p99_ms: percentile(latencies, 99),
      worker_peak_rss_mb: Math.max(...workers.map((child) => peakRssMb(child.pid))),
      api_peak_rss_mb: Math.max(...apis.map((child) => peakRssMb(child.pid))),
      cores: cpus().length,
    };

    if (SCALE > 0) {
      log(`scale: creating ${SCALE} open measures`);
      const memory: { open: number; worker_rss_mb: number }[] = [];
      const createStarted = performance.now();
      await createMeasures(Math.min(1000, SCALE), 100_000);
      result.bulk_create_1000_s = Math.round((performance.now() - createStarted) / 100) / 10;
      memory.push({ open: Math.min(1000, SCALE), worker_rss_mb: Math.max(...workers.map((child) => currentRssMb(child.pid))) });
      for (let created = 1000; created < SCALE; created += 1000) {
        await createMeasures(Math.min(1000, SCALE - created), 100_000 + created);
        memory.push({ open: Math.min(created + 1000, SCALE), worker_rss_mb: Math.max(...workers.map((child) => currentRssMb(child.pid))) });
      }
      // Give the workers a moment to take every new workflow's first task.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const time = async (path: string, who: keyof typeof token, count = 50) => {
        const samples: number[] = [];
        for (let index = 0; index < count; index += 1) {
          const started = performance.now();
          await call('GET', path, token[who]);
          samples.push(performance.now() - started);
        }
        return { p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95) };
      };
      result.scale = {
        open_measures: SCALE,
        ledger_filtered_paged: await time(`/measures?inspectionId=${inspection}&stage=rectify&colour=green&limit=50&offset=200`, 'office'),
        ledger_staff_search: await time(`/measures?inspectionId=${inspection}&q=${encodeURIComponent('措施5')}&limit=50`, 'staff'),
        dashboard: await time(`/inspections/${inspection}/dashboard`, 'office'),
        my_work: await time(`/my-work?inspectionId=${inspection}`, 'office', 20),
        worker_memory: memory,
      };
    }
    await database.end();

    const line = JSON.stringify(result);
    process.stdout.write(`${line}\n`);
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    writeFileSync(join(root, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`), `${line}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await temporal.stop();
    await postgres.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
