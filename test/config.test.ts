/**
 * Settings read from the environment: a value that is not a usable number stops the process with the
 * variable's name instead of running with NaN.
 */
import { dataSourceOptions } from '@rectiflow/persistence';
import { apiConfig, bcryptRounds, workerConfig } from '@rectiflow/platform';

const base = { DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 'x'.repeat(32) };

it('refuses a workflow start concurrency that is not a whole number from 1 to 1000', () => {
  expect(apiConfig(base).workflowStartConcurrency).toBe(100);
  expect(apiConfig({ ...base, WORKFLOW_START_CONCURRENCY: '32' }).workflowStartConcurrency).toBe(32);
  // NaN here started no workflow at all: Array.from({ length: NaN }) makes no runners.
  for (const wrong of ['0', 'many', '1.5', '5000']) {
    expect(() => apiConfig({ ...base, WORKFLOW_START_CONCURRENCY: wrong })).toThrow(
      `WORKFLOW_START_CONCURRENCY must be a whole number from 1 to 1000 (got "${wrong}")`,
    );
  }
});

it('refuses a worker cache size that is not a whole number, and leaves it to the SDK when unset', () => {
  const worker = { DATABASE_URL: 'postgres://localhost/x' };
  expect(workerConfig(worker).maxCachedWorkflows).toBeNull();
  expect(workerConfig({ ...worker, WORKER_MAX_CACHED_WORKFLOWS: ' ' }).maxCachedWorkflows).toBeNull();
  expect(workerConfig({ ...worker, WORKER_MAX_CACHED_WORKFLOWS: '500' }).maxCachedWorkflows).toBe(500);
  for (const wrong of ['-1', 'lots', '2.5']) {
    expect(() => workerConfig({ ...worker, WORKER_MAX_CACHED_WORKFLOWS: wrong })).toThrow(
      `WORKER_MAX_CACHED_WORKFLOWS must be a whole number from 0 to 1000000 (got "${wrong}")`,
    );
  }
});

describe('the API and authentication settings', () => {
  // Read with Number(), "ten" became NaN: `hits > NaN` and `failures >= NaN` are false, so a typo in
  // SIGN_IN_PER_MINUTE or LOCKOUT_ATTEMPTS switched throttling or lock-out off without a word.
  const settings: [
    variable: string,
    read: (env: NodeJS.ProcessEnv) => unknown,
    min: number,
    max: number,
    fallback: number,
  ][] = [
    ['SIGN_IN_PER_MINUTE', (env) => apiConfig(env).auth.signInPerMinute, 1, 1000000, 10],
    ['FEEDBACK_PER_TEN_MINUTES', (env) => apiConfig(env).auth.feedbackPerTenMinutes, 1, 1000000, 5],
    ['LOCKOUT_ATTEMPTS', (env) => apiConfig(env).auth.lockoutAttempts, 1, 100, 5],
    ['LOCKOUT_MINUTES', (env) => apiConfig(env).auth.lockoutMinutes, 1, 10080, 15],
    ['ACCESS_TOKEN_SECONDS', (env) => apiConfig(env).auth.accessTokenSeconds, 60, 86400, 900],
    ['REFRESH_TOKEN_DAYS', (env) => apiConfig(env).auth.refreshTokenDays, 1, 365, 14],
    ['BCRYPT_ROUNDS', (env) => apiConfig(env).auth.bcryptRounds, 4, 20, 12],
    ['BCRYPT_ROUNDS', (env) => bcryptRounds(env), 4, 20, 12],
    ['PORT', (env) => apiConfig(env).port, 0, 65535, 3000],
    ['EVIDENCE_MAX_BYTES', (env) => apiConfig(env).evidenceMaxBytes, 1, 1073741824, 20971520],
  ];

  it.each(settings)(
    '%s: a default, a value in range, and a clear refusal of anything else',
    (variable, read, min, max, fallback) => {
      expect(read(base)).toBe(fallback);
      expect(read({ ...base, [variable]: String(max) })).toBe(max);
      for (const wrong of ['ten', '', ' ', String(min - 1), String(max + 1), '2.5']) {
        if (wrong.trim() === '') {
          expect(read({ ...base, [variable]: wrong })).toBe(fallback);
          continue;
        }
        expect(() => read({ ...base, [variable]: wrong })).toThrow(
          `${variable} must be a whole number from ${min} to ${max} (got "${wrong}")`,
        );
      }
    },
  );
});

it('refuses a database pool size that is not a whole number from 1 to 1000', () => {
  const saved = process.env.DATABASE_POOL_SIZE;
  try {
    process.env.DATABASE_POOL_SIZE = '25';
    expect((dataSourceOptions('postgres://localhost/x') as { extra: { max: number } }).extra.max).toBe(25);
    // NaN here meant a pool without a limit: pg compares `clients >= NaN`, which is never true.
    process.env.DATABASE_POOL_SIZE = 'big';
    expect(() => dataSourceOptions('postgres://localhost/x')).toThrow(
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "big")',
    );
  } finally {
    if (saved === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = saved;
  }
});

it('reads TRUST_PROXY as no proxy, a number of hops or a list of addresses, and refuses "true" and nonsense', () => {
  expect(apiConfig(base).trustProxy).toBe(false);
  expect(apiConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  expect(apiConfig({ ...base, TRUST_PROXY: '0' }).trustProxy).toBe(false);
  expect(apiConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
  expect(apiConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual([
    'loopback',
    '10.0.0.0/8',
    'fd00::1',
  ]);
  expect(() => apiConfig({ ...base, TRUST_PROXY: 'true' })).toThrow('TRUST_PROXY=true would believe any client');
  expect(() => apiConfig({ ...base, TRUST_PROXY: '11' })).toThrow(
    'TRUST_PROXY must be a whole number from 0 to 10 (got "11")',
  );
  for (const wrong of ['the-balancer', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1']) {
    expect(() => apiConfig({ ...base, TRUST_PROXY: `loopback,${wrong}` })).toThrow(
      `TRUST_PROXY must be false, a number of proxies (0–10), or addresses, subnets and loopback/linklocal/uniquelocal separated by commas (got "${wrong}")`,
    );
  }
});
