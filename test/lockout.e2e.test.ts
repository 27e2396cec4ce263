/**
 * Lock-out and throttles against the real API and PostgreSQL, behind a trusted proxy so each test
 * can speak from several client addresses: every refused sign-in reads the same (unknown, wrong
 * password, disabled, locked out); wrong passwords lock one address out of one account, never the
 * person at their own address; wrong current passwords at a password change count the same way;
 * the throttles answer with a standard Retry-After and name their real window.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_PASSWORD, TestApi } from './support/http';
import { startApi, TEST_AUTH, uniqueTaskQueue } from './support/stack';
import { buildWorld, startStack, World } from './support/world';

const ATTEMPTS = 3;
let world: World;
let api: { url: string };
let client: TestApi;
let dataSource: DataSource;
let admin: string;
let adminUsername: string;
const tag = Date.now().toString(36);
/** Every refused sign-in answers exactly this, whatever the cause (and its reason says no more). */
const REFUSED = {
  statusCode: 401,
  error: 'UNAUTHENTICATED',
  message: 'wrong username or password',
  reason: { code: 'WRONG_CREDENTIALS', params: {} },
};

const from = (address: string) => ({ 'X-Forwarded-For': address });
const signIn = (username: string, password: string, address: string) =>
  client.call('POST', '/auth/sign-in', null, { username, password }, from(address));

async function account(name: string) {
  const username = `${name}-${tag}`;
  const created = await client.call('POST', '/people', admin, { name, username, password: TEST_PASSWORD });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, username };
}

beforeAll(async () => {
  world = await buildWorld(
    await startStack('lockout', {
      api: { auth: { ...TEST_AUTH, lockoutAttempts: ATTEMPTS, lockoutMinutes: 15 }, trustProxy: ['loopback'] },
      worker: false,
    }),
  );
  ({ api, client, dataSource, admin, adminUsername } = world);
});

afterAll(async () => {
  await world?.stop();
});

describe('refused sign-ins', () => {
  it('read the same for an unknown user, a wrong password, a disabled account and a locked-out one', async () => {
    const real = await account('real');
    const gone = await account('gone');
    await client.call('POST', `/people/${gone.id}/account/disable`, admin);
    const address = '203.0.113.10';
    const replies = [
      await signIn(`nobody-${tag}`, 'Wrong-password-1', address),
      await signIn(gone.username, TEST_PASSWORD, address),
    ];
    for (let index = 0; index < ATTEMPTS; index += 1)
      replies.push(await signIn(real.username, `Wrong-password-${index}`, address));
    // Locked out now: even the right password gets the same answer, saying nothing of a lock.
    replies.push(await signIn(real.username, TEST_PASSWORD, address));
    for (const reply of replies)
      expect({ status: reply.status, body: reply.body }).toEqual({ status: 401, body: REFUSED });
    // Unknown usernames are counted like real ones, so locking one tells nothing either.
    for (let index = 0; index < ATTEMPTS; index += 1) await signIn(`nobody-${tag}`, 'Wrong-password-1', address);
    expect((await signIn(`nobody-${tag}`, 'Wrong-password-1', address)).body).toEqual(REFUSED);
  });
});

describe('the lock', () => {
  it('shuts out the address that guessed, not the person at their own address (administrator included)', async () => {
    const victim = await account('victim');
    const attacker = '198.51.100.66';
    for (const username of [victim.username, adminUsername]) {
      for (let index = 0; index < ATTEMPTS + 2; index += 1) await signIn(username, `Guess-number-${index}`, attacker);
      expect((await signIn(username, TEST_PASSWORD, attacker)).status).toBe(401);
    }
    expect((await signIn(victim.username, TEST_PASSWORD, '192.0.2.1')).status).toBe(200);
    expect((await signIn(adminUsername, TEST_PASSWORD, '192.0.2.2')).status).toBe(200);

    // The lock lasts LOCKOUT_MINUTES, counted in PostgreSQL for this account and address only.
    const rows: { key: string; minutes: number }[] = await dataSource.query(
      `SELECT key, round(extract(epoch FROM blocked_until - now()) / 60)::int AS minutes FROM throttle_bucket WHERE key LIKE $1 AND blocked_until > now()`,
      [`lockout:${victim.username}:%`],
    );
    expect(rows.map((row) => row.minutes)).toEqual([15]);
  });

  it("forgets a count after a correct password, and an administrator's reset lifts the lock", async () => {
    const person = await account('forgetful');
    const address = '198.51.100.70';
    for (let round = 0; round < 3; round += 1) {
      for (let index = 0; index < ATTEMPTS - 1; index += 1) await signIn(person.username, 'Forgot-it-again-1', address);
      expect((await signIn(person.username, TEST_PASSWORD, address)).status).toBe(200);
    }
    for (let index = 0; index < ATTEMPTS; index += 1) await signIn(person.username, 'Forgot-it-again-1', address);
    expect((await signIn(person.username, TEST_PASSWORD, address)).status).toBe(401);
    const reset = await client.call('POST', `/people/${person.id}/account/reset-password`, admin);
    expect(await signIn(person.username, reset.body.oneTimePassword, address)).toMatchObject({
      status: 200,
      body: { passwordChangeRequired: true },
    });
  });
});

describe('password change', () => {
  it('counts wrong current passwords toward the lock of that account and address, then refuses with 429', async () => {
    const person = await account('changer');
    const address = '198.51.100.80';
    const session = await signIn(person.username, TEST_PASSWORD, address);
    const change = (current: string) =>
      client.call(
        'POST',
        '/auth/password',
        null,
        { currentPassword: current, newPassword: 'Another-password-7' },
        { ...from(address), authorization: `Bearer ${session.body.accessToken}` },
      );
    const statuses = [];
    for (let index = 0; index < ATTEMPTS; index += 1) statuses.push((await change(`Not-it-${index}-xxxx`)).status);
    expect(statuses).toEqual([403, 403, 403]);
    const throttled = await change(TEST_PASSWORD);
    expect(throttled).toMatchObject({
      status: 429,
      body: {
        error: 'TOO_MANY_REQUESTS',
        message: 'too many wrong passwords from this address; try again in 15 minutes',
      },
    });
    // The same count as sign-in: this address is locked out of the account, another is not.
    expect((await signIn(person.username, TEST_PASSWORD, address)).status).toBe(401);
    expect((await signIn(person.username, TEST_PASSWORD, '198.51.100.81')).status).toBe(200);
  });
});

// Last: a new API process clears the throttle table when it starts.
describe('throttles', () => {
  it('answer sign-in floods with a standard Retry-After in seconds and the real window', async () => {
    const throttled = await startApi(uniqueTaskQueue('lockout-throttle'), {
      auth: { ...TEST_AUTH, signInPerMinute: 2 },
    });
    try {
      const attempt = () =>
        fetch(`${throttled.url}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `flood-${tag}`, password: 'Wrong-password-1' }),
        });
      const allowed = await attempt();
      expect(allowed.status).toBe(401);
      await attempt();
      const refused = await attempt();
      expect(refused.status).toBe(429);
      const retryAfter = refused.headers.get('retry-after');
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      const names = [...refused.headers.keys(), ...allowed.headers.keys()];
      expect(names.filter((name) => /retry-after-|ratelimit/i.test(name))).toEqual([]);
      const wait = Number(retryAfter) === 60 ? '1 minute' : `${retryAfter} seconds`;
      expect(await refused.json()).toEqual({
        statusCode: 429,
        error: 'TOO_MANY_REQUESTS',
        message: `too many requests from this address (at most 2 in 1 minute); try again in ${wait}`,
      });
    } finally {
      await throttled.app.close();
    }
  });

  it('say the public feedback window is ten minutes, not a minute', async () => {
    const notice = randomUUID();
    const send = () =>
      fetch(`${api.url}/public/notices/${notice}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from('198.51.100.90') },
        body: JSON.stringify({ content: '意见' }),
      });
    const statuses = [];
    for (let index = 0; index < TEST_AUTH.feedbackPerTenMinutes; index += 1) statuses.push((await send()).status);
    expect(statuses.every((status) => status === 404)).toBe(true);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590);
    expect(refused.headers.get('retry-after-feedback')).toBeNull();
    expect(((await refused.json()) as { message: string }).message).toBe(
      'too many requests from this address (at most 5 in 10 minutes); try again in 10 minutes',
    );
  });
});
