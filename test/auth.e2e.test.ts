/**
 * Sign-in and the security basics, against the real API and PostgreSQL: wrong password, throttling,
 * expired, tampered and never-expiring tokens, refresh rotation, sign-out, password change; headers,
 * CORS, request limits, upload sniffing, file names, escaping, and error bodies without stack traces.
 */
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { TEST_PASSWORD, TestApi } from './support/http';
import { startApi, TEST_AUTH, uniqueTaskQueue, waitFor } from './support/stack';
import { buildWorld, startStack, World } from './support/world';

let world: World;
let api: { url: string };
let client: TestApi;
let dataSource: DataSource;
let admin: string;
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(
    await startStack('auth', {
      api: { auth: { ...TEST_AUTH, signInPerMinute: 20, lockoutAttempts: 3 }, corsOrigin: 'https://rectiflow.example' },
      worker: false,
    }),
  );
  ({ api, client, dataSource, admin } = world);
});

afterAll(async () => {
  await world?.stop();
});

async function newAccount(name: string) {
  const username = `${name}-${tag}`;
  const created = await client.call('POST', '/people/bulk', admin, {
    people: [{ name, username, password: TEST_PASSWORD }],
  });
  expect(created.status).toBe(201);
  return { personId: created.body[0].id as string, username };
}

const signIn = (username: string, password: string) =>
  client.call('POST', '/auth/sign-in', null, { username, password });

describe('sign-in', () => {
  // Lock-out per account and address, and refusals that all read the same: test/lockout.e2e.test.ts.
  it('refuses a wrong password and an unknown user alike', async () => {
    const { username } = await newAccount('locky');
    const wrong = await signIn(username, 'Wrong-password-1');
    const unknown = await signIn(`nobody-${tag}`, 'Wrong-password-1');
    expect(wrong).toMatchObject({ status: 401, body: { message: 'wrong username or password' } });
    expect(unknown).toMatchObject({ status: 401, body: { message: wrong.body.message } });
  });
});

describe('tokens', () => {
  it('accepts a fresh token, and refuses a missing, expired, tampered or foreign one', async () => {
    const { personId } = await newAccount('tokeny');
    const good = new JwtService({ secret: TEST_AUTH.jwtSecret, signOptions: { expiresIn: 900 } });
    const me = (token: string | null) =>
      client.call('GET', '/auth/me', null, undefined, token ? { authorization: `Bearer ${token}` } : {});
    expect((await me(await good.signAsync({ sub: personId, ver: 0 }))).status).toBe(200);
    // Signed with the real secret but without exp: jsonwebtoken would take it as valid for ever.
    const forever = await new JwtService({ secret: TEST_AUTH.jwtSecret }).signAsync({ sub: personId, ver: 0 });
    expect(JSON.parse(Buffer.from(forever.split('.')[1], 'base64url').toString()).exp).toBeUndefined();
    expect(await me(forever)).toMatchObject({ status: 401, body: { message: 'the access token is not valid' } });
    expect((await me(await good.signAsync({ sub: 'not-a-uuid', ver: 0 }))).status).toBe(401);
    expect((await me(null)).body.message).toMatch(/sign in first/);
    const expired = await me(
      await new JwtService({ secret: TEST_AUTH.jwtSecret }).signAsync({
        sub: personId,
        ver: 0,
        exp: Math.floor(Date.now() / 1000) - 60,
      }),
    );
    expect(expired).toMatchObject({ status: 401, body: { message: 'the access token has expired; refresh it' } });
    const token = await good.signAsync({ sub: personId, ver: 0 });
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: admin, ver: 0 })).toString('base64url');
    expect((await me(`${header}.${forged}.${signature}`)).body.message).toBe('the access token is not valid');
    expect((await me(`${header}.${payload}.${signature.slice(0, -2)}xx`)).status).toBe(401);
    const foreign = new JwtService({
      secret: 'another-secret-another-secret-another',
      signOptions: { expiresIn: 900 },
    });
    expect((await me(await foreign.signAsync({ sub: personId, ver: 0 }))).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect((await me(none)).status).toBe(401);
  });

  it('rotates refresh tokens, treats reuse as theft, signs out, and ends sessions on a password change', async () => {
    const { personId, username } = await newAccount('sessiony');
    const first = await signIn(username, TEST_PASSWORD);
    expect(first.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const rotated = await client.call('POST', '/auth/refresh', null, { refreshToken: first.body.refreshToken });
    expect(rotated.status).toBe(200);
    const reused = await client.call('POST', '/auth/refresh', null, { refreshToken: first.body.refreshToken });
    expect(reused).toMatchObject({
      status: 401,
      body: { message: expect.stringMatching(/already used; all sessions are signed out/) },
    });
    // Reuse revoked the whole family: the rotated tokens are dead too.
    expect((await client.call('POST', '/auth/refresh', null, { refreshToken: rotated.body.refreshToken })).status).toBe(
      401,
    );
    expect(
      (await client.call('GET', '/auth/me', null, undefined, { authorization: `Bearer ${rotated.body.accessToken}` }))
        .status,
    ).toBe(401);

    const session = await signIn(username, TEST_PASSWORD);
    await client.call('POST', '/auth/sign-out', null, { refreshToken: session.body.refreshToken });
    expect((await client.call('POST', '/auth/refresh', null, { refreshToken: session.body.refreshToken })).status).toBe(
      401,
    );

    const before = await signIn(username, TEST_PASSWORD);
    const bearer = { authorization: `Bearer ${before.body.accessToken}` };
    const weak = await client.call(
      'POST',
      '/auth/password',
      null,
      { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      bearer,
    );
    expect(weak).toMatchObject({ status: 400, body: { message: 'password must be at least 10 characters' } });
    const wrongCurrent = await client.call(
      'POST',
      '/auth/password',
      null,
      { currentPassword: 'Not-the-password-1', newPassword: 'Brand-new-password-2' },
      bearer,
    );
    expect(wrongCurrent.status).toBe(403);
    const changed = await client.call(
      'POST',
      '/auth/password',
      null,
      { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-password-2' },
      bearer,
    );
    expect(changed.status).toBe(200);
    expect((await client.call('GET', '/auth/me', null, undefined, bearer)).status).toBe(401);
    expect(
      (await client.call('GET', '/auth/me', null, undefined, { authorization: `Bearer ${changed.body.accessToken}` }))
        .body.id,
    ).toBe(personId);
    expect((await signIn(username, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(username, 'Brand-new-password-2')).status).toBe(200);
  });

  it('stores only password hashes and refresh-token hashes', async () => {
    const { personId } = await newAccount('hashy');
    const [account] = await dataSource.query('SELECT password_hash FROM account WHERE person_id = $1', [personId]);
    expect(account.password_hash).toMatch(/^\$2[aby]\$04\$/);
    const tokens = await dataSource.query('SELECT token_hash FROM refresh_token WHERE person_id = $1', [personId]);
    for (const row of tokens) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes the first administrator only through the CLI or another administrator', async () => {
    const { personId, username } = await newAccount('plain');
    await client.signIn(personId, username);
    const attempt = await client.call('POST', '/people', personId, {
      name: 'x',
      username: `x-${tag}`,
      password: TEST_PASSWORD,
      isAdmin: true,
    });
    expect(attempt.status).toBe(403);
    expect(
      (
        await client.call('POST', '/inspections', personId, {
          title: 't',
          kind: 'xuncha',
          inspectingBody: 'a',
          inspectedUnit: 'b',
        })
      ).status,
    ).toBe(403);
  });
});

describe('bulk organisation import', () => {
  it('imports departments and people with accounts from CSV, naming bad rows', async () => {
    const departments = `名称,上级部门\n纪工委-${tag},\n第一纪检组-${tag},纪工委-${tag}\n`;
    const form = (text: string) => Buffer.from(`\ufeff${text}`);
    const createdDepartments = await client.upload(
      '/organisation/departments/csv',
      admin,
      'departments.csv',
      form(departments),
      'text/csv',
    );
    expect(createdDepartments.status).toBe(201);
    expect(createdDepartments.body[1].parentId).toBe(createdDepartments.body[0].id);
    const bad = await client.upload(
      '/organisation/people/csv',
      admin,
      'people.csv',
      form(`姓名,部门\n张三,不存在的部门-${tag}\n,纪工委-${tag}\n`),
      'text/csv',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe(
      `row 2: 部门 "不存在的部门-${tag}" is not a department; row 3: 姓名 must not be blank`,
    );
    const people = await client.upload(
      '/organisation/people/csv',
      admin,
      'people.csv',
      form(
        `姓名,部门,用户名,初始密码,邮箱\n"李四, 纪检员",第一纪检组-${tag},lisi-${tag},${TEST_PASSWORD},lisi@example.test\n`,
      ),
      'text/csv',
    );
    expect(people.status).toBe(201);
    expect(people.body[0]).toMatchObject({
      name: '李四, 纪检员',
      departmentId: createdDepartments.body[1].id,
      email: 'lisi@example.test',
    });
    expect((await signIn(`lisi-${tag}`, TEST_PASSWORD)).status).toBe(200);
  });
});

describe('security basics', () => {
  it('sends security headers, locks CORS to the configured origin, and limits request size', async () => {
    const response = await fetch(`${api.url}/health`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(`${api.url}/health`, { headers: { origin: 'https://rectiflow.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://rectiflow.example');
    const big = await client.call('POST', '/departments', admin, { name: 'x'.repeat(3 * 1024 * 1024) });
    expect(big.status).toBe(413);
  });

  it('answers malformed JSON with a 400 and never a stack trace', async () => {
    const response = await fetch(`${api.url}/departments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.tokens.get(admin)}` },
      body: '{"name": ',
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+|node_modules/);
  });
});

// Last: it uses up this address's sign-in allowance.
describe('throttling', () => {
  const signInFrom = (api: TestApi, forwardedFor: string) =>
    api.call(
      'POST',
      '/auth/sign-in',
      null,
      { username: `flood-${tag}`, password: 'Wrong-password-1' },
      { 'X-Forwarded-For': forwardedFor },
    );

  it('behind a trusted proxy (TRUST_PROXY), throttles each client address, not the proxy', async () => {
    // Behind a load balancer every request comes from the balancer's address: without trusting its
    // X-Forwarded-For, the whole city would share one sign-in allowance.
    const proxied = await startApi(uniqueTaskQueue('auth-proxy'), {
      auth: { ...TEST_AUTH, signInPerMinute: 3 },
      trustProxy: ['loopback'],
    });
    try {
      const behindProxy = new TestApi(proxied.url);
      const first = [];
      for (let index = 0; index < 4; index += 1) first.push((await signInFrom(behindProxy, '203.0.113.7')).status);
      expect(first).toEqual([401, 401, 401, 429]);
      expect((await signInFrom(behindProxy, '203.0.113.8')).status).toBe(401);
    } finally {
      await proxied.app.close();
    }
  });

  it('counts one allowance across API processes, so replicas do not multiply it', async () => {
    const limits = { auth: { ...TEST_AUTH, signInPerMinute: 3 }, trustProxy: ['loopback'] };
    const first = await startApi(uniqueTaskQueue('auth-replica-a'), limits);
    const second = await startApi(uniqueTaskQueue('auth-replica-b'), limits);
    try {
      const replicas = [new TestApi(first.url), new TestApi(second.url)];
      const statuses = [];
      // A balancer taking turns: each process alone has seen only two attempts when the fourth comes.
      for (let index = 0; index < 4; index += 1)
        statuses.push((await signInFrom(replicas[index % 2], '203.0.113.20')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect((await signInFrom(replicas[0], '203.0.113.20')).status).toBe(429);
      expect((await signInFrom(replicas[0], '203.0.113.21')).status).toBe(401);
    } finally {
      await first.app.close();
      await second.app.close();
    }
  });

  it('forgets counts whose window and block are over, and keeps a block that is still on', async () => {
    const fresh = await startApi(uniqueTaskQueue('auth-sweep'));
    try {
      await dataSource.query(
        `INSERT INTO throttle_bucket (key, hits, window_ends_at, blocked_until) VALUES
           ('sweep-stale', 3, now() - interval '1 hour', NULL),
           ('sweep-block-over', 9, now() - interval '1 hour', now() - interval '1 minute'),
           ('sweep-still-blocked', 9, now() - interval '1 hour', now() + interval '1 hour')`,
      );
      // A process sweeps on its first throttled request, then at most once a minute.
      await signInFrom(new TestApi(fresh.url), '203.0.113.30');
      const left = await waitFor(async () => {
        const rows: { key: string }[] = await dataSource.query(
          `SELECT key FROM throttle_bucket WHERE key LIKE 'sweep-%' ORDER BY key`,
        );
        return rows.length === 1 ? rows.map((row) => row.key) : undefined;
      }, 'the sweep of stale throttle rows');
      expect(left).toEqual(['sweep-still-blocked']);
    } finally {
      await fresh.app.close();
    }
  });

  it('throttles sign-in attempts per address, and a forged X-Forwarded-For does not escape it', async () => {
    const replies: { status: number; body: { error: string; message: string } }[] = [];
    // TRUST_PROXY is not set here: the header is the client's own words and must not count.
    for (let index = 0; index < 24; index += 1) replies.push(await signInFrom(client, `198.51.100.${index}`));
    const throttled = replies.find((reply) => reply.status === 429);
    expect(throttled?.body).toMatchObject({
      statusCode: 429,
      error: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^too many requests from this address \(at most 20 in 1 minute\); try again in /),
    });
  });
});
