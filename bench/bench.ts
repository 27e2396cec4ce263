/**
 * `npm run bench -- [--measures 500] [--users 20] [--workers 1] [--apis 1] [--scale 0] [--rate 0] [--warmup 20] [--engine dev|cluster]`
 *
 * Starts a private stack (embedded PostgreSQL, Temporal dev server, W worker and A API processes
 * from dist/), drives N measures through the whole pipeline over HTTP with K concurrent simulated
 * users (assign, submit evidence, review with ~10% rejections and resubmission, sign off, look-back),
 * then runs two references on the same server with the same number of Updates and concurrency, unpaced:
 * a trivial workflow (the baseline), and the same with a measure action's Temporal work (a local
 * activity and a re-armed timer per Update: the shaped baseline). Prints one JSON line and writes it
 * to bench/results/.
 * With --scale S it also creates S open measures and times the ledger and dashboard queries over them.
 * With --rate R the users together start at most R actions per second (paced, as people with think
 * time are): latency at a given load, where the default (0, unpaced) gives throughput at saturation.
 * Before the timed run, --warmup W more measures go through the pipeline untimed.
 * A benchmark, not a test: it asserts nothing.
 */
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import {
  createMeasures,
  numberOption,
  PrivateStack,
  REPOSITORY,
  setUpOrganisation,
  startPrivateStack,
  uploadEvidence,
} from './private-stack';
import { cpuSecondsByTree, postgresChildren } from './process-cpu';
import { sendSequentiallyPerWorkflow } from './reference-load';
import { limitWorkflowStackTraces } from '../apps/worker/src/workflow-stack-traces';
import type { ShapedBaselineActivities } from './baseline.workflow';
import { workflowStackTraceLimit } from '@rectiflow/platform';
import { engineOption } from '../tools/temporal-config';
const MEASURES = numberOption('measures', 500);
const USERS = numberOption('users', 20);
const WORKERS = numberOption('workers', 1);
const APIS = numberOption('apis', 1);
const SCALE = numberOption('scale', 0);
const RATE = numberOption('rate', 0);
const WARMUP = numberOption('warmup', 20);
/** Problem numbers of the warm-up measures (after the timed ones, before the scale run's). */
const WARMUP_OFFSET = 15_000;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

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

/** CPU seconds used so far by each part of the stack, and by this process (the load generator, and the baseline's worker). */
function cpuSeconds(stack: PrivateStack): Record<string, number> {
  const usage = process.cpuUsage();
  return {
    ...cpuSecondsByTree({
      api: stack.apis.map((child) => child.pid),
      worker: stack.workers.map((child) => child.pid),
      temporal: stack.temporal.pids(),
      postgres: postgresChildren(),
    }),
    bench: (usage.user + usage.system) / 1e6,
  };
}

/** CPU milliseconds per operation of each part between two samples. */
function cpuMsPer(
  before: Record<string, number>,
  after: Record<string, number>,
  operations: number,
): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after).map((name) => [name, Math.round(((after[name] - before[name]) * 1000 * 10) / operations) / 10]),
  );
}

/**
 * Runs one reference workflow (from the bundle of bench/baseline.workflow.ts) on the stack's Temporal server: one
 * workflow per measure, each receiving `perWorkflow` Updates, sent by USERS concurrent callers.
 * Its worker runs in this process, so its CPU is counted under "bench".
 */
async function runReference(
  stack: PrivateStack,
  code: string,
  workflowType: 'baselineWorkflow' | 'shapedBaselineWorkflow',
  workflows: number,
  perWorkflow: number,
) {
  const taskQueue = `bench-${workflowType}`;
  const nativeConnection = await NativeConnection.connect({ address: stack.temporal.address });
  const activities: ShapedBaselineActivities = { project: async () => undefined };
  const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: { code }, activities });
  const running = worker.run();
  const connection = await Connection.connect({ address: stack.temporal.address });
  try {
    const client = new Client({ connection });
    const handles = await Promise.all(
      Array.from({ length: workflows }, (_, index) =>
        client.workflow.start(workflowType, {
          taskQueue,
          workflowId: `${workflowType}-${index}-${randomUUID()}`,
          args: [perWorkflow],
        }),
      ),
    );
    // As the measures were, the workflows are started well before they are timed: let the worker take each first task.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const cpuBefore = cpuSeconds(stack);
    const began = performance.now();
    const latencies = await sendSequentiallyPerWorkflow(handles, perWorkflow, USERS, (handle) =>
      handle.executeUpdate('act', { args: [randomUUID()] }),
    );
    const seconds = (performance.now() - began) / 1000;
    const count = perWorkflow * handles.length;
    return {
      updates: count,
      updatesPerSecond: Math.round((count / seconds) * 10) / 10,
      p50_p95_p99_ms: [percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99)],
      cpuMsPerUpdate: cpuMsPer(cpuBefore, cpuSeconds(stack), count),
    };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
    await nativeConnection.close();
  }
}

async function main() {
  // The reference workers in this process run as our worker does: its stack-trace limit, quiet logs.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  limitWorkflowStackTraces(workflowStackTraceLimit());
  const stack = await startPrivateStack({ workers: WORKERS, apis: APIS, engine: engineOption() });
  const workers = stack.workers;
  const apis = stack.apis;
  try {
    const organisation = await setUpOrganisation(stack, {
      lookBackAfter: 'PT1S',
      reviewWithin: 'P5D',
      signOffWithin: 'P5D',
    });
    const token = organisation.tokens;
    const inspection = organisation.inspection;
    const call = stack.call;
    const database = new PgClient({ connectionString: stack.postgres.url });
    // An idle client must not take the process down when the stack stops.
    database.on('error', () => undefined);
    await database.connect();
    log(`creating ${MEASURES} measures, and ${WARMUP} more to warm up with`);
    const measureIds = await createMeasures(stack, organisation, MEASURES);
    const warmupIds = WARMUP > 0 ? await createMeasures(stack, organisation, WARMUP, WARMUP_OFFSET) : [];
    log('uploading one evidence file per measure (untimed)');
    const evidence = new Map<string, string>();
    const uploadQueue = [...measureIds, ...warmupIds];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let measure = uploadQueue.shift(); measure; measure = uploadQueue.shift()) {
          evidence.set(
            measure,
            (await uploadEvidence(stack, organisation, measure, Buffer.from(`%PDF-1.4 ${measure}`))).id,
          );
        }
      }),
    );

    // By action, to see which step makes the tail; all of them together for the overall figures.
    let latenciesByAction = new Map<string, number[]>();
    let actions = 0;
    let rejections = 0;
    let nextSlot = 0;
    let began = performance.now();
    const act = async (measure: string, action: string, who: keyof typeof token, body: Record<string, unknown>) => {
      if (RATE > 0) {
        // Actions start at least 1 / RATE seconds apart; time nobody used is not saved up for a burst.
        const slot = Math.max(nextSlot, performance.now());
        nextSlot = slot + 1000 / RATE;
        const wait = slot - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const started = performance.now();
      const result = await call('POST', `/measures/${measure}/actions/${action}`, token[who], body, {
        'Idempotency-Key': randomUUID(),
      });
      const elapsed = performance.now() - started;
      const ofAction = latenciesByAction.get(action);
      if (ofAction) ofAction.push(elapsed);
      else latenciesByAction.set(action, [elapsed]);
      actions += 1;
      return result;
    };
    /** K users drive the measures through the pipeline: assign, submit (some rejected and resubmitted), review, sign off, look back. */
    const drive = async (ids: string[]) => {
      const pipeline = [...ids];
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
          for (let measure = lookBacks.shift(); measure; measure = lookBacks.shift())
            await act(measure, 'record_look_back', 'supervisor', { result: 'holds' });
        }),
      );
    };
    if (warmupIds.length > 0) {
      // Untimed: a long-running service is measured warm (compiled code, open connections, caches).
      log(`warming up with ${warmupIds.length} measures`);
      await drive(warmupIds);
      latenciesByAction = new Map();
      actions = 0;
      rejections = 0;
    }
    log(`driving ${MEASURES} measures with ${USERS} users`);
    const cpuBefore = cpuSeconds(stack);
    began = performance.now();
    await drive(measureIds);
    const seconds = (performance.now() - began) / 1000;
    const cpuPerAction = cpuMsPer(cpuBefore, cpuSeconds(stack), actions);
    const { rows: closed } = await database.query(
      `SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1 AND stage = 'closed' AND id = ANY($2::uuid[])`,
      [inspection, measureIds],
    );
    log(`${actions} actions in ${seconds.toFixed(1)} s; ${closed[0].n}/${MEASURES} closed`);

    // The references: the same number of Updates with the same concurrency on the same server.
    log('baseline');
    const perWorkflow = Math.max(1, Math.round(actions / MEASURES));
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('./baseline.workflow'),
      logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
    });
    const baseline = await runReference(stack, code, 'baselineWorkflow', MEASURES, perWorkflow);
    log('shaped baseline');
    const shaped = await runReference(stack, code, 'shapedBaselineWorkflow', MEASURES, perWorkflow);

    const latencies = [...latenciesByAction.values()].flat();
    const result: Record<string, unknown> = {
      engine: stack.engine,
      measures: MEASURES,
      measures_closed: closed[0].n,
      users: USERS,
      offered_rate: RATE || null,
      warmup_measures: warmupIds.length,
      workers: WORKERS,
      apis: APIS,
      actions,
      rejections,
      seconds: Math.round(seconds * 10) / 10,
      actions_per_s: Math.round((actions / seconds) * 10) / 10,
      baseline_updates: baseline.updates,
      baseline_updates_per_s: baseline.updatesPerSecond,
      ratio: Math.round((actions / seconds / baseline.updatesPerSecond) * 100) / 100,
      // The Temporal work of our shape alone (local activity + re-armed timer per Update): the ratio no
      // layer of ours on top of that shape could beat, and what our layer costs on top of it.
      shaped_baseline_updates_per_s: shaped.updatesPerSecond,
      shape_ratio: Math.round((shaped.updatesPerSecond / baseline.updatesPerSecond) * 100) / 100,
      ratio_to_shape: Math.round((actions / seconds / shaped.updatesPerSecond) * 100) / 100,
      // Update latency of the references at the same concurrency, unpaced.
      baseline_p50_p95_p99_ms: baseline.p50_p95_p99_ms,
      shaped_baseline_p50_p95_p99_ms: shaped.p50_p95_p99_ms,
      p50_ms: percentile(latencies, 50),
      p95_ms: percentile(latencies, 95),
      p99_ms: percentile(latencies, 99),
      p50_p95_p99_ms_by_action: Object.fromEntries(
        [...latenciesByAction].map(([action, values]) => [
          action,
          [percentile(values, 50), percentile(values, 95), percentile(values, 99)],
        ]),
      ),
      worker_peak_rss_mb: Math.max(...workers.map((child) => peakRssMb(child.pid))),
      api_peak_rss_mb: Math.max(...apis.map((child) => peakRssMb(child.pid))),
      cores: cpus().length,
      node: process.version,
      // Where the CPU goes: milliseconds of CPU per action (per Update for the baseline) by process.
      cpu_ms_per_action: cpuPerAction,
      cpu_ms_per_baseline_update: baseline.cpuMsPerUpdate,
      cpu_ms_per_shaped_baseline_update: shaped.cpuMsPerUpdate,
    };

    if (SCALE > 0) {
      log(`scale: creating ${SCALE} open measures`);
      const memory: { open: number; worker_rss_mb: number }[] = [];
      const createStarted = performance.now();
      await createMeasures(stack, organisation, Math.min(1000, SCALE), 20_000);
      result.bulk_create_1000_s = Math.round((performance.now() - createStarted) / 100) / 10;
      memory.push({
        open: Math.min(1000, SCALE),
        worker_rss_mb: Math.max(...workers.map((child) => currentRssMb(child.pid))),
      });
      for (let created = 1000; created < SCALE; created += 1000) {
        await createMeasures(stack, organisation, Math.min(1000, SCALE - created), 20_000 + created);
        memory.push({
          open: Math.min(created + 1000, SCALE),
          worker_rss_mb: Math.max(...workers.map((child) => currentRssMb(child.pid))),
        });
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
        ledger_filtered_paged: await time(
          `/measures?inspectionId=${inspection}&stage=rectify&colour=green&limit=50&offset=200`,
          'office',
        ),
        ledger_staff_search: await time(
          `/measures?inspectionId=${inspection}&q=${encodeURIComponent('措施5')}&limit=50`,
          'staff',
        ),
        dashboard: await time(`/inspections/${inspection}/dashboard`, 'office'),
        my_work: await time(`/my-work?inspectionId=${inspection}`, 'office', 20),
        worker_memory: memory,
      };
    }
    await database.end();

    const line = JSON.stringify(result);
    process.stdout.write(`${line}\n`);
    mkdirSync(join(REPOSITORY, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(REPOSITORY, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
      `${line}\n`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
