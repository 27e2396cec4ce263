/** Helpers that run the product's real parts against the suite's PostgreSQL and Temporal. */
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TimerPolicy } from '@rectiflow/domain';
import { dataSourceOptions } from '@rectiflow/persistence';
import { ApiConfig, importConfig, PlatformConfig, WorkerConfig } from '@rectiflow/platform';
import { createApiApp } from '../../apps/api/src/app.factory';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { TestApi } from './http';

export const env = () => ({
  databaseUrl: process.env.TEST_DATABASE_URL!,
  temporalAddress: process.env.TEST_TEMPORAL_ADDRESS!,
  workflowBundle: process.env.TEST_WORKFLOW_BUNDLE!,
  directory: process.env.TEST_DIRECTORY!,
});

/** Every test file uses its own task queue so workers of different files never share work. */
export function uniqueTaskQueue(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

function platform(taskQueue: string): PlatformConfig {
  return {
    databaseUrl: env().databaseUrl,
    temporalAddress: env().temporalAddress,
    temporalNamespace: 'default',
    taskQueue,
    temporalUiUrl: null,
  };
}

export function workerConfig(taskQueue: string): WorkerConfig {
  return {
    ...platform(taskQueue),
    workflowBundlePath: env().workflowBundle,
    maxCachedWorkflows: null,
    // Applied by the worker process's main.ts only (a process-wide V8 flag); not inside jest.
    workflowStackTraceLimit: 3,
    mail: { smtpUrl: null, from: 'Rectiflow <test@rectiflow.local>' },
    exitOnFailure: false,
  };
}

export async function startWorker(
  taskQueue: string,
  overrides: Partial<WorkerConfig> = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ ...workerConfig(taskQueue), ...overrides }),
    { logger: ['error', 'warn'] },
  );
  await app.init();
  return app;
}

/** The worker as its own OS process (what `npm start` runs), so a test can kill -9 it. */
export function spawnWorker(taskQueue: string): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', '..', 'apps', 'worker', 'src', 'main.ts')],
    {
      env: {
        ...process.env,
        DATABASE_URL: env().databaseUrl,
        TEMPORAL_ADDRESS: env().temporalAddress,
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_BUNDLE_PATH: env().workflowBundle,
        // The suites quiet their in-process logs (LOG_LEVEL=warn); a spawned worker is waited on by its start-up line.
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${seen}`)),
      timeoutMs,
    );
    const listen = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!pattern.test(seen)) reject(new Error(`process exited with ${code} before ${pattern}; output:\n${seen}`));
    });
  });
}

/** Low bcrypt cost keeps sign-ins fast in tests; everything else as in production. */
export const TEST_AUTH = {
  jwtSecret: 'test-secret-only-for-the-test-suite-0123456789',
  accessTokenSeconds: 900,
  refreshTokenDays: 14,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  bcryptRounds: 4,
  signInPerMinute: 1000,
  feedbackPerTenMinutes: 5,
};

export function apiConfig(taskQueue: string, overrides: Partial<ApiConfig> = {}): ApiConfig {
  const evidenceDir = join(env().directory, `evidence-${taskQueue}`);
  mkdirSync(evidenceDir, { recursive: true });
  return {
    ...platform(taskQueue),
    port: 0,
    evidenceDir,
    evidenceMaxBytes: 1024 * 1024,
    corsOrigin: null,
    auth: TEST_AUTH,
    webDir: process.env.TEST_WEB_DIR ?? null,
    workflowStartConcurrency: 100,
    trustProxy: false,
    imports: importConfig({}),
    ...overrides,
  };
}

export async function startApi(
  taskQueue: string,
  overrides: Partial<ApiConfig> = {},
): Promise<{ app: INestApplication; url: string }> {
  // Quiet for the in-process API only: set while its logger is made, then put back, so processes the
  // suites spawn (a worker, npm start) log at their own level.
  const saved = { requests: process.env.LOG_REQUESTS, level: process.env.LOG_LEVEL };
  process.env.LOG_REQUESTS = 'false';
  process.env.LOG_LEVEL = 'warn';
  let app: INestApplication;
  try {
    app = await createApiApp(apiConfig(taskQueue, overrides));
  } finally {
    for (const [key, value] of [
      ['LOG_REQUESTS', saved.requests],
      ['LOG_LEVEL', saved.level],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
  // Throttle counts live in the shared database: each suite starts without the previous ones' sign-ins.
  await app.get(DataSource).query('DELETE FROM throttle_bucket');
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  return { app, url: `http://127.0.0.1:${address.port}/api` };
}

export async function openDataSource(url = env().databaseUrl): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 4 } }));
  return dataSource.initialize();
}

export interface Stack {
  taskQueue: string;
  api: { app: INestApplication; url: string };
  /** Where the workbench is served (the API's URL without /api). */
  origin: string;
  client: TestApi;
  dataSource: DataSource;
  worker: INestApplicationContext | null;
  /** Closes the worker, the API and the data source, in that order. */
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Overrides of the API's configuration (limits, auth settings, proxies). */
  api?: Partial<ApiConfig>;
  /** The worker in this process: true (the default), false (the suite needs none or runs its own), or overrides of its configuration (mail). */
  worker?: boolean | Partial<WorkerConfig>;
  /** PostgreSQL and Temporal of the suite's own instead of the shared ones (a backup restored into a fresh stack), and the task queue to reuse. */
  services?: { databaseUrl: string; temporalAddress: string; taskQueue?: string };
}

/** Starts the API (and a worker) on a task queue of its own, with a data source for the suite's own checks. */
export async function startStack(name: string, options: StackOptions = {}): Promise<Stack> {
  const taskQueue = options.services?.taskQueue ?? uniqueTaskQueue(name);
  const services = options.services
    ? { databaseUrl: options.services.databaseUrl, temporalAddress: options.services.temporalAddress }
    : {};
  const dataSource = await openDataSource(options.services?.databaseUrl);
  let api: Stack['api'] | undefined;
  let worker: INestApplicationContext | null = null;
  const stop = async () => {
    await worker?.close();
    await api?.app.close();
    await dataSource.destroy();
  };
  try {
    api = await startApi(taskQueue, { ...services, ...options.api });
    if (options.worker !== false)
      worker = await startWorker(taskQueue, { ...services, ...(options.worker === true ? {} : options.worker) });
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return {
    taskQueue,
    api,
    origin: api.url.replace(/\/api$/, ''),
    client: new TestApi(api.url),
    dataSource,
    worker,
    stop,
  };
}

export async function temporalClient(): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: env().temporalAddress });
  return { client: new Client({ connection }), connection };
}

/** Weeks compressed to seconds; the due dates of each test decide which timers fire. */
export function fastPolicy(overrides: Partial<TimerPolicy> = {}): TimerPolicy {
  return {
    remindBefore: ['PT2S', 'PT1S'],
    escalateAfter: ['PT0S', 'PT1S', 'PT2S', 'PT3S'],
    reviewWithin: 'PT10M',
    signOffWithin: 'PT10M',
    lookBackAfter: 'PT2S',
    lookBackWithin: 'PT10M',
    yellowWithin: 'PT10S',
    reportEvery: 'PT10M',
    reboundRectifyWithin: 'PT10M',
    // A closed measure's workflow waits this long for a reopen before it ends (tests await its result).
    reopenableFor: 'PT2S',
    ...overrides,
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
