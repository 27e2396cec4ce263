/**
 * The short chaos run (`npm run chaos` is the long one), as its own process: a private stack with its
 * own PostgreSQL, Temporal dev server, worker and API processes; the worker is killed with SIGKILL,
 * Temporal and PostgreSQL are restarted, duplicate and conflicting actions are sent — and nothing is
 * lost or doubled.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { env } from './support/stack';

it('loses and doubles nothing while the worker, Temporal and PostgreSQL fail', async () => {
  const run = promisify(execFile)(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      join(__dirname, '..', 'bench', 'chaos.ts'),
      '--measures',
      '24',
      '--users',
      '6',
      '--faults',
      '3',
      '--minutes',
      '3',
    ],
    {
      cwd: join(__dirname, '..'),
      env: { ...process.env, RECTIFLOW_FROM_SOURCE: '1', WORKFLOW_BUNDLE_PATH: env().workflowBundle },
      maxBuffer: 10 * 1024 * 1024,
      timeout: 330_000,
    },
  ).then(
    (result) => ({ code: 0, stdout: result.stdout, stderr: result.stderr }),
    (error) => ({ code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string }),
  );
  const { code, stdout, stderr } = await run;
  expect({ code, stdout, stderr: code === 0 ? '' : stderr }).toMatchObject({ code: 0 });
  expect(stdout).toMatch(/faults injected 3, actions sent \d+, retries \d+, actions lost 0, duplicates 0/);
  expect(stdout).toMatch(/chain intact, measures closed 24\/24/);
  expect(stdout).not.toContain('FAILED');
}, 360_000);
