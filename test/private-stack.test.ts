/**
 * The benchmark's and chaos run's private stack: a start that fails part-way (here an API that
 * refuses its configuration) fails at once with the reason, and leaves no process behind — an
 * orphaned worker would keep polling a Temporal server that is gone.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { env } from './support/stack';

const SCRIPT = `
const { readdirSync, readFileSync } = require('node:fs');
const { startPrivateStack } = require('./bench/private-stack');
const children = () => readdirSync('/proc').filter((entry) => /^\\d+$/.test(entry)).filter((entry) => {
  try {
    const stat = readFileSync('/proc/' + entry + '/stat', 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === String(process.pid);
  } catch { return false; }
});
startPrivateStack({ workers: 1, apis: 1, apiEnv: { JWT_SECRET: 'too-short' } }).then(
  () => { console.log(JSON.stringify({ started: true })); process.exit(3); },
  async (error) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(JSON.stringify({ error: error.message, children: children().length }));
    process.exit(0);
  },
);
`;

it('stops everything it started when a part fails to start, and says which part', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-e', SCRIPT],
    {
      cwd: join(__dirname, '..'),
      env: { ...process.env, RECTIFLOW_FROM_SOURCE: '1', WORKFLOW_BUNDLE_PATH: env().workflowBundle },
      timeout: 120_000,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop()!);
  // The reason is the API's exit, not "nothing listens after 60 s"; and no child is left running.
  expect(result).toEqual({
    error: expect.stringMatching(/^API 1 exited \(code 1\) before listening on port \d+$/),
    children: 0,
  });
}, 130_000);
