/**
 * Settings read from the environment: a value that is not a usable number stops the process with the
 * variable's name instead of running with NaN.
 */
import { apiConfig, workerConfig } from '../libs/platform/src';

const base = { DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 'x'.repeat(32) };

it('refuses a workflow start concurrency that is not a whole number from 1 to 1000', () => {
  expect(apiConfig(base).workflowStartConcurrency).toBe(100);
  expect(apiConfig({ ...base, WORKFLOW_START_CONCURRENCY: '32' }).workflowStartConcurrency).toBe(32);
  // NaN here started no workflow at all: Array.from({ length: NaN }) makes no runners.
  for (const wrong of ['0', 'many', '1.5', '5000']) {
    expect(() => apiConfig({ ...base, WORKFLOW_START_CONCURRENCY: wrong })).toThrow(`WORKFLOW_START_CONCURRENCY must be a whole number from 1 to 1000 (got "${wrong}")`);
  }
});

it('refuses a worker cache size that is not a whole number, and leaves it to the SDK when unset', () => {
  const worker = { DATABASE_URL: 'postgres://localhost/x' };
  expect(workerConfig(worker).maxCachedWorkflows).toBeNull();
  expect(workerConfig({ ...worker, WORKER_MAX_CACHED_WORKFLOWS: '500' }).maxCachedWorkflows).toBe(500);
  for (const wrong of ['-1', 'lots', '2.5']) {
    expect(() => workerConfig({ ...worker, WORKER_MAX_CACHED_WORKFLOWS: wrong })).toThrow(`WORKER_MAX_CACHED_WORKFLOWS must be a whole number from 0 to 1000000 (got "${wrong}")`);
  }
});
