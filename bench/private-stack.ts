/**
 * A whole private stack for the benchmark and the chaos run: embedded PostgreSQL, Temporal (the dev
 * server, history on disk so it survives a restart, or with engine 'cluster' the real server on the
 * same PostgreSQL, four service processes), worker and API processes from dist/, and an organisation
 * with one signed-in account per role. Every part can be killed and restarted; a worker, an API or a
 * Temporal service that dies is started again a second later, as a process manager would.
 */
import bcrypt from 'bcryptjs';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { TimerPolicy } from '@rectiflow/domain';
import { runMigrations } from '@rectiflow/persistence';
import {
  RunningPostgres,
  RunningTemporal,
  startEmbeddedPostgres,
  startTemporalDevServer,
  waitForPort,
} from '../tools/local-services';
import { RunningTemporalCluster, startTemporalCluster } from '../tools/temporal-cluster';
import { databaseFromUrl, Engine, historyShards, TemporalService } from '../tools/temporal-config';

export const REPOSITORY = existsSync(join(__dirname, '..', 'package.json'))
  ? join(__dirname, '..')
  : join(__dirname, '..', '..');
export const ROLES = ['office', 'reviewer', 'reviewer2', 'leader', 'supervisor', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** `--name N` from the command line, or the fallback (the bench and chaos commands). */
export function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface PrivateStack {
  directory: string;
  postgres: RunningPostgres;
  temporal: RunningTemporal;
  workers: ChildProcess[];
  apis: ChildProcess[];
  urls: string[];
  env: NodeJS.ProcessEnv;
  call(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<any>;
  startWorker(index: number): ChildProcess;
  engine: Engine;
  restartTemporal(): Promise<void>;
  /** kill -9 one Temporal service (engine 'cluster' only); it comes back a second later. */
  killTemporalService(name: TemporalService): Promise<void>;
  restartPostgres(): Promise<void>;
  stop(): Promise<void>;
}

/** A process that exits before it listens fails the start at once, with its exit code. */
function listening(child: ChildProcess, port: number, name: string): Promise<void> {
  return Promise.race([
    waitForPort(port, 60_000),
    new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before listening on port ${port}`)),
      ),
    ),
  ]);
}

/** `apiEnv` adds to the API processes' environment (the tests use it to make one fail). */
export async function startPrivateStack(options: {
  workers: number;
  apis: number;
  apiEnv?: Record<string, string>;
  engine?: Engine;
}): Promise<PrivateStack> {
  const directory = mkdtempSync(join(tmpdir(), 'rectiflow-stack-'));
  const engine = options.engine ?? 'dev';
  const pgPort = 55_000 + Math.floor(Math.random() * 1000);
  const temporalPort = pgPort + 1000;
  let postgres = await startEmbeddedPostgres({ dataDir: join(directory, 'pg'), port: pgPort });
  const temporalOptions = { port: temporalPort, uiPort: null, dbFile: join(directory, 'temporal.db') };
  // The cluster's membership ports must stay below 32768 (see clusterPorts).
  const clusterOptions = () => ({
    directory: join(directory, 'temporal-cluster'),
    database: databaseFromUrl(postgres.url),
    basePort: 20_000 + (pgPort % 1000) * 12,
    shards: historyShards(),
    logFile: join(directory, 'temporal-cluster', 'temporal.log'),
  });
  const startTemporal = (): Promise<RunningTemporal | RunningTemporalCluster> =>
    engine === 'cluster' ? startTemporalCluster(clusterOptions()) : startTemporalDevServer(temporalOptions);
  let temporal: RunningTemporal | RunningTemporalCluster;
  try {
    temporal = await startTemporal();
    await runMigrations(postgres.url).catch(async (error) => {
      await temporal.stop();
      throw error;
    });
  } catch (error) {
    await postgres.stop();
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WORKFLOW_BUNDLE_PATH: join(REPOSITORY, 'dist', 'workflow-bundle.js'),
    EVIDENCE_DIR: join(directory, 'evidence'),
    LOG_REQUESTS: 'false',
    LOG_LEVEL: 'error',
    TEMPORAL_LOG_LEVEL: 'ERROR',
    BCRYPT_ROUNDS: '4',
    SIGN_IN_PER_MINUTE: '100000',
    WEB_DIR: '',
  };
  // From dist/ (npm run build) normally; from source through ts-node inside the test suite.
  const fromSource = process.env.RECTIFLOW_FROM_SOURCE === '1';
  // STACK_NODE_ARGS (e.g. "--prof") reaches the worker and API processes only, for profiling them.
  const nodeArgs = (process.env.STACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const entry = (app: 'api' | 'worker') => [
    ...nodeArgs,
    ...(fromSource
      ? ['-r', 'ts-node/register/transpile-only', join(REPOSITORY, 'apps', app, 'src', 'main.ts')]
      : [join(REPOSITORY, 'dist', 'apps', app, 'src', 'main.js')]),
  ];
  if (fromSource && process.env.WORKFLOW_BUNDLE_PATH) env.WORKFLOW_BUNDLE_PATH = process.env.WORKFLOW_BUNDLE_PATH;
  const workers: ChildProcess[] = [];
  let stopping = false;
  // Like a process manager (systemd, docker's restart policy): a worker that dies is started again.
  const startWorker = (index: number) => {
    const child = spawn(process.execPath, entry('worker'), {
      cwd: REPOSITORY,
      env,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    workers[index] = child;
    child.once('exit', () => {
      if (!stopping && workers[index] === child)
        setTimeout(() => !stopping && workers[index] === child && startWorker(index), 1000);
    });
    return child;
  };
  for (let index = 0; index < options.workers; index += 1) startWorker(index);
  const apiPorts = Array.from({ length: options.apis }, (_, index) => pgPort + 2000 + index);
  const apis: ChildProcess[] = [];
  let listeningOnce = false;
  // APIs are restarted like workers once the stack is up (a failed start must still fail the start).
  const startApi = (index: number) => {
    const child = spawn(process.execPath, entry('api'), {
      cwd: REPOSITORY,
      env: { ...env, ...options.apiEnv, PORT: String(apiPorts[index]) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    apis[index] = child;
    child.once('exit', () => {
      if (listeningOnce && !stopping && apis[index] === child)
        setTimeout(() => !stopping && apis[index] === child && startApi(index), 1000);
    });
    return child;
  };
  apiPorts.forEach((_, index) => startApi(index));
  const stop = async () => {
    stopping = true;
    for (const child of [...workers, ...apis]) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const child of [...workers, ...apis]) if (child.exitCode === null) child.kill('SIGKILL');
    await temporal.stop();
    await postgres.stop();
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await Promise.all(apis.map((child, index) => listening(child, apiPorts[index], `API ${index + 1}`)));
    listeningOnce = true;
  } catch (error) {
    // Nothing started here may outlive a failed start: no orphaned worker keeps polling a dead server.
    await stop();
    throw error;
  }
  const urls = apiPorts.map((port) => `http://127.0.0.1:${port}/api`);
  let turn = 0;

  const call = async (
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${urls[turn++ % urls.length]}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new HttpError(response.status, `${method} ${path} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  return {
    directory,
    get postgres() {
      return postgres;
    },
    get temporal() {
      return temporal;
    },
    workers,
    apis,
    urls,
    env,
    call,
    startWorker,
    engine,
    async restartTemporal() {
      await temporal.stop();
      temporal = await startTemporal();
    },
    async killTemporalService(name: TemporalService) {
      if (!('kill' in temporal)) throw new Error('only the cluster has separate Temporal services');
      await temporal.kill(name);
    },
    async restartPostgres() {
      await postgres.stop();
      postgres = await startEmbeddedPostgres({ dataDir: join(directory, 'pg'), port: pgPort });
    },
    stop,
  } as PrivateStack;
}

export interface Organisation {
  inspection: string;
  department: string;
  ids: Record<Role, string>;
  tokens: Record<Role, string>;
}

/** An administrator, a department, one account per role, and an inspection with the given policy. */
export async function setUpOrganisation(stack: PrivateStack, policy: Partial<TimerPolicy>): Promise<Organisation> {
  const password = `Stack-${randomBytes(6).toString('hex')}`;
  const database = new PgClient({ connectionString: stack.postgres.url });
  await database.connect();
  const { rows } = await database.query(`INSERT INTO person (name) VALUES ('administrator') RETURNING id`);
  await database.query('INSERT INTO account (person_id, username, password_hash, is_admin) VALUES ($1, $2, $3, true)', [
    rows[0].id,
    'admin',
    await bcrypt.hash(password, 4),
  ]);
  await database.end();
  const signIn = async (username: string) =>
    (await stack.call('POST', '/auth/sign-in', null, { username, password })).accessToken as string;
  const admin = await signIn('admin');
  const department = (await stack.call('POST', '/departments', admin, { name: `部门-${randomUUID().slice(0, 6)}` })).id;
  const people = await stack.call('POST', '/people/bulk', admin, {
    people: ROLES.map((role) => ({
      name: role,
      username: role,
      password,
      ...(role === 'staff' ? { departmentId: department } : {}),
    })),
  });
  const ids = Object.fromEntries(ROLES.map((role, index) => [role, people[index].id])) as Record<Role, string>;
  const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await signIn(role)]))) as Record<
    Role,
    string
  >;
  const inspection = (
    await stack.call('POST', '/inspections', admin, {
      title: 'private stack',
      kind: 'xuncha',
      inspectingBody: 'a',
      inspectedUnit: 'b',
      policy,
    })
  ).id;
  await stack.call('POST', `/inspections/${inspection}/roles`, admin, {
    roles: [
      { personId: ids.office, role: 'office' },
      { personId: ids.reviewer, role: 'reviewer' },
      { personId: ids.reviewer2, role: 'reviewer' },
      { personId: ids.supervisor, role: 'supervisor' },
    ],
  });
  return { inspection, department, ids, tokens };
}

/** Problems with one measure each, created in bulk (1,000 per request). */
export async function createMeasures(
  stack: PrivateStack,
  organisation: Organisation,
  count: number,
  offset = 0,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, index) => ({
      number: offset + start + index + 1,
      title: `问题${offset + start + index + 1}`,
      measures: [
        {
          text: `措施${offset + start + index + 1}`,
          kind: 'deadline',
          leadDepartmentId: organisation.department,
          responsibleLeaderId: organisation.ids.leader,
          dueAt: '2099-06-30',
        },
      ],
    }));
    const created = await stack.call(
      'POST',
      `/inspections/${organisation.inspection}/problems/bulk`,
      organisation.tokens.office,
      { problems: batch },
    );
    ids.push(...created.map((problem: { measures: { id: string }[] }) => problem.measures[0].id));
  }
  return ids;
}

export async function uploadEvidence(
  stack: PrivateStack,
  organisation: Organisation,
  measure: string,
  bytes: Buffer,
): Promise<{ id: string; sha256: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), '纪要.pdf');
  const response = await fetch(`${stack.urls[0]}/measures/${measure}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${organisation.tokens.staff}` },
    body: form,
  });
  if (!response.ok) throw new HttpError(response.status, await response.text());
  return (await response.json()) as { id: string; sha256: string };
}
