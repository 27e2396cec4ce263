/**
 * A whole private stack for the benchmark and the chaos run: embedded PostgreSQL, Temporal (the dev
 * server, history on disk so it survives a restart, or with engine 'cluster' the real server on the
 * same PostgreSQL, four service processes), worker and API processes from dist/, and an organisation
 * with one signed-in account per role. Every part can be killed and restarted; a worker, an API or a
 * Temporal service that dies is started again a second later, as a process manager would.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Organisation, measures and evidence in a stack: kept beside it, imported from here as before.
export * from './stack-organisation';
