/**
 * The worker process keeps WORKFLOW_STACK_TRACE_LIMIT frames in its workflow threads' stack traces
 * (the SDK records one for every promise a workflow creates), and refuses a limit that is not a
 * whole number in range. Run against a private stack whose worker is a real process, because the
 * limit is applied by the worker's entry point, not inside jest.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workerConfig } from '@rectiflow/platform';
import { env } from './support/stack';

const SCRIPT = `
const { Client, Connection } = require('@temporalio/client');
const { startPrivateStack, setUpOrganisation, createMeasures } = require('./bench/private-stack');
const { actionUpdates, measureWorkflowId } = require('./workflows/measure.contract');
(async () => {
  const stack = await startPrivateStack({ workers: 1, apis: 1 });
  try {
    const organisation = await setUpOrganisation(stack, {});
    const [measure] = await createMeasures(stack, organisation, 1);
    const connection = await Connection.connect({ address: stack.temporal.address });
    const handle = new Client({ connection }).workflow.getHandle(measureWorkflowId(measure));
    // Refused by the workflow's Update validator: the failure carries the workflow thread's stack trace.
    const stranger = { personId: 'stranger', departmentId: null, inspectionRoles: [] };
    const error = await handle.executeUpdate(actionUpdates.assign, { args: [{ idempotencyKey: 'probe', actor: stranger, input: {} }] }).then(() => null, (failure) => failure);
    await connection.close();
    console.log(JSON.stringify({ type: error && error.cause && error.cause.type, stack: error && error.cause && error.cause.stack }));
  } finally {
    await stack.stop();
  }
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** The stack frames of a refusal raised inside the worker process's workflow thread. */
async function refusalFrames(limit: string | undefined): Promise<string[]> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    RECTIFLOW_FROM_SOURCE: '1',
    WORKFLOW_BUNDLE_PATH: env().workflowBundle,
  };
  if (limit === undefined) delete childEnv.WORKFLOW_STACK_TRACE_LIMIT;
  else childEnv.WORKFLOW_STACK_TRACE_LIMIT = limit;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-e', SCRIPT],
    {
      cwd: join(__dirname, '..'),
      env: childEnv,
      timeout: 150_000,
    },
  );
  const refusal = JSON.parse(stdout.trim().split('\n').pop()!);
  expect(refusal.type).toBe('FORBIDDEN');
  return (refusal.stack as string).split('\n').filter((line) => line.trim().startsWith('at '));
}

it('keeps the configured number of frames in the workflow threads of the worker process', async () => {
  expect(await refusalFrames('1')).toEqual([expect.stringContaining('failure.ts')]);
  // The default of 3 still names the workflow code that refused (the SDK cuts its own frames below it).
  const byDefault = await refusalFrames(undefined);
  expect(byDefault).toHaveLength(3);
  // (Function names depend on the bundle's source map; the places do not. The refusal is built in
  // the workflow's failure translation, measure-failures.ts, called from measure.workflow.ts.)
  expect(byDefault.slice(1)).toEqual([
    expect.stringMatching(/workflows\/measure-failures\.ts:\d+:\d+\)$/),
    expect.stringMatching(/workflows\/measure\.workflow\.ts:\d+:\d+\)$/),
  ]);
}, 320_000);

it('refuses a stack trace limit that is not a whole number from 1 to 100', () => {
  const base = { DATABASE_URL: 'postgres://localhost/x' };
  expect(workerConfig(base).workflowStackTraceLimit).toBe(3);
  expect(workerConfig({ ...base, WORKFLOW_STACK_TRACE_LIMIT: '10' }).workflowStackTraceLimit).toBe(10);
  for (const wrong of ['0', '2.5', 'ten', '101']) {
    expect(() => workerConfig({ ...base, WORKFLOW_STACK_TRACE_LIMIT: wrong })).toThrow(
      `WORKFLOW_STACK_TRACE_LIMIT must be a whole number from 1 to 100 (got "${wrong}")`,
    );
  }
});
