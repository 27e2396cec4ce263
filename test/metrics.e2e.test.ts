/**
 * Operations: the Prometheus endpoints of the API and the worker (their own ports, a bearer token),
 * counters by route pattern, Update latency by action, the per-inspection gauges against the read
 * model, and the processes' JSON log lines (pino's fields, nothing secret, no start-up route dump).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { WorkerMetricsEndpointService } from '../apps/worker/src/metrics/worker-metrics-endpoint.service';
import { MetricsEndpointService } from '../apps/api/src/metrics/metrics-endpoint.service';
import { freePort } from './support/ports';
import { env, TEST_AUTH, waitFor } from './support/stack';
import { act, actOk, buildWorld, call, createMeasure, startStack, World } from './support/world';

const TOKEN = 'metrics-token-for-the-test-suite';
const ROOT = join(__dirname, '..');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The exposition format's sample lines (comments skipped). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key] = JSON.parse(`"${value}"`);
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample with this name whose labels include these (undefined when none). */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, want]) => sample.labels[key] === want),
  )?.value;
}

async function scrape(port: number, token: string | null = TOKEN): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, text: await response.text() };
}

describe('the metrics endpoints of the API and the worker', () => {
  let world: World<'office' | 'leader' | 'staff', 'lead'>;
  let apiPort: number;
  let workerPort: number;

  beforeAll(async () => {
    const stack = await startStack('metrics', {
      api: { metrics: { port: 0, host: '127.0.0.1', token: TOKEN, gaugeCacheMs: 0 } },
      worker: { metrics: { endpoint: { port: 0, host: '127.0.0.1', token: TOKEN }, sdkPort: null } },
    });
    const tag = Date.now().toString(36);
    world = await buildWorld(stack, {
      departments: { lead: `统计局-${tag}` },
      people: {
        office: { name: `office-${tag}`, roles: 'office' },
        leader: { name: `leader-${tag}`, roles: 'group_head' },
        staff: { name: `staff-${tag}`, department: 'lead' },
      },
      inspection: {},
    });
    apiPort = stack.api.app.get(MetricsEndpointService).port!;
    workerPort = stack.worker!.get(WorkerMetricsEndpointService).port!;
  });

  afterAll(() => world?.stop());

  it('refuses a scrape without the bearer token, and is not on the public port', async () => {
    expect((await scrape(apiPort, null)).status).toBe(401);
    expect((await scrape(apiPort, 'wrong-token-of-the-same-length!!')).status).toBe(401);
    expect((await scrape(workerPort, null)).status).toBe(401);
    expect((await fetch(`${world.api.url}/metrics`)).status).toBe(404);
    // The workbench answers unknown paths with its index.html, never with metrics.
    expect(await (await fetch(`${world.origin}/metrics`)).text()).not.toContain('rectiflow_');
  });

  it('counts requests by route pattern and times each action Update by action and outcome', async () => {
    const measureId = await createMeasure(world);
    await actOk(world, measureId, 'assign', 'office');
    // Assigned already: the workflow's validator refuses a second 交办.
    expect((await act(world, measureId, 'assign', 'office')).status).toBe(409);
    await call(world, 'GET', `/measures/${measureId}`, 'office');
    const { status, text } = await scrape(apiPort);
    expect(status).toBe(200);
    const samples = parse(text);
    const route = '/api/measures/:id/actions/:action';
    expect(value(samples, 'rectiflow_http_requests_total', { method: 'POST', route, status: '200' })).toBe(1);
    expect(value(samples, 'rectiflow_http_requests_total', { method: 'POST', route, status: '409' })).toBe(1);
    expect(value(samples, 'rectiflow_http_requests_total', { method: 'GET', route: '/api/measures/:id' })).toBe(1);
    // Route patterns only: no raw URL with an id becomes a series of its own.
    expect(samples.some((sample) => sample.labels.route?.includes(measureId))).toBe(false);
    expect(
      value(samples, 'rectiflow_http_request_duration_seconds_count', { method: 'POST', route, status: '200' }),
    ).toBe(1);
    expect(value(samples, 'rectiflow_update_duration_seconds_count', { action: 'assign', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'rectiflow_update_duration_seconds_count', { action: 'assign', outcome: 'refused' })).toBe(1);
    expect(
      value(samples, 'rectiflow_update_duration_seconds_sum', { action: 'assign', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(value(samples, 'process_cpu_seconds_total', { process: 'api' })).toBeGreaterThan(0);
  });

  it('gauges open, overdue, red and escalated measures per inspection as the read model counts them', async () => {
    // Due in a few seconds: once assigned, it falls overdue and red, and the ladder escalates it (PT0S).
    const late = await createMeasure(world, { dueAt: new Date(Date.now() + 4_000).toISOString() });
    await actOk(world, late, 'assign', 'office');
    const inspection = { inspection_id: world.inspection };
    const gauges = async () => {
      const samples = parse((await scrape(apiPort)).text);
      return {
        open: value(samples, 'rectiflow_measures_open', inspection),
        overdue: value(samples, 'rectiflow_measures_overdue', inspection),
        red: value(samples, 'rectiflow_measures_red', inspection),
        escalated: value(samples, 'rectiflow_measures_escalated', inspection),
        up: value(samples, 'rectiflow_business_gauges_up'),
      };
    };
    // Two measures of this inspection are open (the earlier test's, due in 2099, and this one).
    const seen = await waitFor(
      async () => {
        const now = await gauges();
        return now.overdue === 1 && now.escalated === 1 ? now : null;
      },
      'the measure to fall overdue and escalate',
      30_000,
    );
    expect(seen).toEqual({ open: 2, overdue: 1, red: 1, escalated: 1, up: 1 });
    const count = async (filter: string) =>
      (await call(world, 'GET', `/measures?inspectionId=${world.inspection}&${filter}`, 'office')).body.total;
    expect(await count('overdue=true')).toBe(1);
    expect(await count('colour=red')).toBe(1);
    expect(await count('escalated=true')).toBe(1);
    const title = parse((await scrape(apiPort)).text).find(
      (sample) => sample.name === 'rectiflow_measures_open' && sample.labels.inspection_id === world.inspection,
    )?.labels.inspection;
    expect(title).toMatch(/^巡察整改-/);
  });

  it("times and counts the worker's activity attempts on the worker's own endpoint", async () => {
    const samples = parse((await scrape(workerPort)).text);
    expect(
      value(samples, 'rectiflow_activity_duration_seconds_count', { activity: 'projectMeasureEvent', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(3);
    expect(value(samples, 'process_cpu_seconds_total', { process: 'worker' })).toBeGreaterThan(0);
  });
});

/** Runs one app's main.ts as its own process (what npm start runs, from source) and collects its output. */
function run(app: 'api' | 'worker', extra: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'apps', app, 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: env().databaseUrl,
        TEMPORAL_ADDRESS: env().temporalAddress,
        WORKFLOW_BUNDLE_PATH: env().workflowBundle,
        JWT_SECRET: TEST_AUTH.jwtSecret,
        WEB_DIR: '',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  return { child, output: () => output };
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('the log lines of the API and worker processes with LOG_FORMAT=json', () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(children.map(stopped));
  });

  it('writes pino JSON lines from the API: start-up without the route dump, requests without secrets', async () => {
    const port = await freePort();
    const api = run('api', { PORT: String(port), LOG_REQUESTS: 'true', METRICS_PORT: '' });
    children.push(api.child);
    await waitFor(async () => api.output().includes('Rectiflow API listening'), 'the API to listen', 90_000);
    const password = 'Hunter2-not-in-any-log';
    const bearer = 'bearer-value-not-in-any-log';
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ username: 'nobody-here', password }),
    });
    expect(signIn.status).toBe(401);
    await waitFor(async () => api.output().includes('/api/auth/sign-in'), 'the request line');
    await stopped(api.child);
    const lines = api.output().trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, any>);
    for (const entry of entries) {
      expect(entry).toEqual(
        expect.objectContaining({
          level: expect.any(Number),
          time: expect.any(Number),
          pid: api.child.pid,
          hostname: expect.any(String),
          name: 'api',
          msg: expect.any(String),
        }),
      );
    }
    expect(entries.find((entry) => entry.msg.startsWith('Rectiflow API listening'))).toMatchObject({
      level: 30,
      context: 'Api',
    });
    const request = entries.find((entry) => entry.req?.url === '/api/auth/sign-in');
    expect(request).toMatchObject({ level: 40, req: { method: 'POST' }, res: { statusCode: 401 } });
    expect(request!.responseTime).toEqual(expect.any(Number));
    expect(request!.req.headers).toBeUndefined();
    const output = api.output();
    expect(output).not.toContain(password);
    expect(output).not.toContain(bearer);
    expect(output).not.toMatch(/RoutesResolver|RouterExplorer|InstanceLoader|Mapped \{/);
  }, 150_000);

  it("writes the worker's and the Temporal SDK's lines as JSON, and serves the SDK's metrics with its own", async () => {
    const [port, sdkPort] = [await freePort(), await freePort()];
    const worker = run('worker', {
      TEMPORAL_TASK_QUEUE: `test-metrics-process-${Date.now().toString(36)}`,
      WORKER_METRICS_PORT: String(port),
      WORKER_SDK_METRICS_PORT: String(sdkPort),
      METRICS_TOKEN: TOKEN,
    });
    children.push(worker.child);
    await waitFor(async () => worker.output().includes('worker polling task queue'), 'the worker to poll', 90_000);
    const samples = await waitFor(async () => {
      const scraped = parse((await scrape(port)).text);
      return scraped.some((sample) => sample.name.startsWith('temporal_')) ? scraped : null;
    }, "the Temporal SDK's metrics");
    expect(value(samples, 'process_cpu_seconds_total', { process: 'worker' })).toBeGreaterThan(0);
    // The SDK's own series, as the Grafana dashboard reads them (deploy/grafana/rectiflow.json).
    const names = [...new Set(samples.map((sample) => sample.name))];
    expect(names).toEqual(expect.arrayContaining(['temporal_worker_task_slots_available', 'temporal_num_pollers']));
    expect((await scrape(port, null)).status).toBe(401);
    await stopped(worker.child);
    const entries = worker
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, any>);
    expect(entries.every((entry) => entry.name === 'worker' && typeof entry.time === 'number')).toBe(true);
    expect(entries.find((entry) => /worker polling task queue/.test(entry.msg))).toMatchObject({
      level: 30,
      context: 'TemporalWorkerService',
    });
  }, 150_000);
});
