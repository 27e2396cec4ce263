/**
 * Settings read from the environment: a value that is not a usable number stops the process with the
 * variable's name instead of running with NaN.
 */
import { apiConfig } from '../libs/platform/src';

const base = { DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 'x'.repeat(32) };

it('refuses a workflow start concurrency that is not a whole number from 1 to 1000', () => {
  expect(apiConfig(base).workflowStartConcurrency).toBe(100);
  expect(apiConfig({ ...base, WORKFLOW_START_CONCURRENCY: '32' }).workflowStartConcurrency).toBe(32);
  // NaN here started no workflow at all: Array.from({ length: NaN }) makes no runners.
  for (const wrong of ['0', 'many', '1.5', '5000']) {
    expect(() => apiConfig({ ...base, WORKFLOW_START_CONCURRENCY: wrong })).toThrow(`WORKFLOW_START_CONCURRENCY must be a whole number from 1 to 1000 (got "${wrong}")`);
  }
});
