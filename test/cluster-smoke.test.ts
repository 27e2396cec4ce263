/**
 * The real Temporal server (`--engine cluster`: temporal-server v1.29.1 on PostgreSQL, history,
 * matching, frontend and worker as separate processes) carries one measure from 交办 to 办结 while
 * its history service is killed with SIGKILL half-way and comes back (bench/cluster-smoke.ts, as its
 * own process). The binaries are built once (`npm run temporal:server`, which .ci/run does first)
 * and cached in ~/.cache/rectiflow/bin.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { env } from './support/stack';

it('drives a measure to closed while the history service is killed and restarted', async () => {
  const { code, stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'bench', 'cluster-smoke.ts')],
    {
      cwd: join(__dirname, '..'),
      env: { ...process.env, RECTIFLOW_FROM_SOURCE: '1', WORKFLOW_BUNDLE_PATH: env().workflowBundle },
      maxBuffer: 10 * 1024 * 1024,
      timeout: 150_000,
    },
  ).then(
    (result) => ({ code: 0, stdout: result.stdout, stderr: result.stderr }),
    (error) => ({ code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string }),
  );
  expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
  const result = JSON.parse(stdout.trim().split('\n').pop()!);
  expect(result.stages).toEqual(['rectify', 'review', 'signoff', 'lookback', 'closed']);
  expect(result.historyReplaced).toBe(true);
  // Each action exactly once, though one of them was sent into a dead history service.
  for (const action of ['assign', 'submit_evidence', 'review', 'sign_off', 'record_look_back'])
    expect(result.actions.filter((entry: string) => entry === action)).toHaveLength(1);
}, 170_000);
