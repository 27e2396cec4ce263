/**
 * Account administration against the real API, PostgreSQL and Temporal: the system administrator
 * disables and enables an account (its tokens stop working at once) and resets a password to a
 * one-time password that must be changed at the next sign-in; each is audited; only administrators
 * may, and not on themselves. Also who sees whom in the people list, and e-mail addresses.
 */
import { DataSource } from 'typeorm';
import { TEST_PASSWORD } from './support/http';
import { buildWorld, call, startStack, World } from './support/world';

let world: World<'office' | 'leader' | 'staff' | 'colleague' | 'stranger' | 'target', 'a' | 'b'>;
let dataSource: DataSource;
let admin: string;
const tag = Date.now().toString(36);
let people: Record<string, { id: string; username: string }>;
let departmentA: string;

const signIn = (username: string, password: string) =>
  call(world, 'POST', '/auth/sign-in', null, { username, password });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const REFUSED = { statusCode: 401, error: 'UNAUTHENTICATED', message: 'wrong username or password' };

const events = async (personId: string) =>
  (await call(world, 'GET', `/admin/account-events?personId=${personId}`, admin)).body as {
    action: string;
    actorId: string;
    detail: unknown;
  }[];

beforeAll(async () => {
  world = await buildWorld(await startStack('accounts'), {
    departments: { a: `甲-${tag}`, b: `乙-${tag}` },
    people: {
      office: { name: '王整改', email: 'office@example.test' },
      leader: { name: '赵领导', email: 'leader@example.test' },
      staff: { name: '陈经办', department: 'a', email: 'staff@example.test' },
      colleague: { name: '孙同事', department: 'a' },
      stranger: { name: '吴无关', department: 'b', email: 'stranger@example.test' },
      target: '钱离职',
    },
  });
  ({ dataSource, admin, users: people } = world);
  departmentA = world.departments.a;
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

describe('disable and enable', () => {
  it('ends the sessions at once, refuses sign-in as a wrong password would, and lets the person back in when enabled', async () => {
    const { id, username } = people.target;
    const session = await signIn(username, TEST_PASSWORD);
    expect((await call(world, 'GET', '/auth/me', null, undefined, bearer(session.body.accessToken))).status).toBe(200);

    const disabled = await call(world, 'POST', `/people/${id}/account/disable`, admin);
    expect(disabled).toMatchObject({ status: 200, body: { personId: id, username, disabled: true } });
    // The access token issued a moment ago stops working at once, not when it expires.
    expect((await call(world, 'GET', '/auth/me', null, undefined, bearer(session.body.accessToken))).status).toBe(401);
    expect((await call(world, 'POST', '/auth/refresh', null, { refreshToken: session.body.refreshToken })).status).toBe(
      401,
    );
    const refused = await signIn(username, TEST_PASSWORD);
    expect(refused).toMatchObject({ status: 401, body: REFUSED });
    expect((await signIn(username, 'Wrong-password-9')).body).toEqual(refused.body);
    const listed = (await call(world, 'GET', '/people', admin)).body.find((row: { id: string }) => row.id === id);
    expect(listed.account).toEqual({ username, isAdmin: false, disabled: true, passwordChangeRequired: false });
    // Disabling twice changes and records nothing more.
    expect((await call(world, 'POST', `/people/${id}/account/disable`, admin)).status).toBe(200);

    const enabled = await call(world, 'POST', `/people/${id}/account/enable`, admin);
    expect(enabled).toMatchObject({ status: 200, body: { disabled: false } });
    expect((await signIn(username, TEST_PASSWORD)).status).toBe(200);
    expect((await events(id)).map((event) => [event.action, event.actorId])).toEqual([
      ['account.enable', admin],
      ['account.disable', admin],
    ]);
  });

  it('does not let an administrator disable or reset himself, and answers 404 for a person without an account', async () => {
    expect(await call(world, 'POST', `/people/${admin}/account/disable`, admin)).toMatchObject({
      status: 403,
      body: { message: 'an administrator cannot disable his own account' },
    });
    expect((await call(world, 'POST', `/people/${admin}/account/reset-password`, admin)).status).toBe(403);
    expect((await call(world, 'GET', '/auth/me', admin)).status).toBe(200);
    const nobody = await call(world, 'POST', '/people', admin, { name: '无账号' });
    expect((await call(world, 'POST', `/people/${nobody.body.id}/account/disable`, admin)).status).toBe(404);
    expect((await call(world, 'POST', '/people/not-a-uuid/account/disable', admin)).status).toBe(400);
  });

  it('refuses everyone but a system administrator', async () => {
    const target = people.colleague.id;
    for (const path of [
      `/people/${target}/account/disable`,
      `/people/${target}/account/enable`,
      `/people/${target}/account/reset-password`,
    ]) {
      for (const key of ['office', 'staff', 'leader'])
        expect({ path, key, status: (await call(world, 'POST', path, people[key].id)).status }).toEqual({
          path,
          key,
          status: 403,
        });
      expect((await call(world, 'POST', path, null)).status).toBe(401);
    }
    expect((await call(world, 'GET', '/admin/account-events', people.office.id)).status).toBe(403);
    expect((await signIn(people.colleague.username, TEST_PASSWORD)).status).toBe(200);
    expect(await events(target)).toEqual([]);
  });
});

describe('password reset', () => {
  it('gives a one-time password once, which signs in only to change it; everything else answers 403 until then', async () => {
    const { id, username } = people.staff;
    const before = await signIn(username, TEST_PASSWORD);
    const reset = await call(world, 'POST', `/people/${id}/account/reset-password`, admin);
    expect(reset).toMatchObject({ status: 200, body: { personId: id, username, passwordChangeRequired: true } });
    expect(reset.body.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const oneTime: string = reset.body.oneTimePassword;
    // Every session ends; the old password no longer works.
    expect((await call(world, 'GET', '/auth/me', null, undefined, bearer(before.body.accessToken))).status).toBe(401);
    expect((await call(world, 'POST', '/auth/refresh', null, { refreshToken: before.body.refreshToken })).status).toBe(
      401,
    );
    expect(await signIn(username, TEST_PASSWORD)).toMatchObject({ status: 401, body: REFUSED });

    const signedIn = await signIn(username, oneTime);
    expect(signedIn).toMatchObject({ status: 200, body: { passwordChangeRequired: true } });
    const token = bearer(signedIn.body.accessToken);
    for (const [method, path] of [
      ['GET', '/auth/me'],
      ['GET', '/people'],
      ['GET', '/measures'],
      ['GET', '/notifications'],
      ['POST', '/departments'],
    ]) {
      const reply = await call(world, method, path, null, method === 'POST' ? { name: 'x' } : undefined, token);
      expect({ path, status: reply.status, body: reply.body }).toEqual({
        path,
        status: 403,
        body: {
          statusCode: 403,
          error: 'PASSWORD_CHANGE_REQUIRED',
          message: 'the password was reset by an administrator: change it first (POST /api/auth/password)',
        },
      });
    }
    // A refreshed token is under the same rule.
    const refreshed = await call(world, 'POST', '/auth/refresh', null, { refreshToken: signedIn.body.refreshToken });
    expect(refreshed.body.passwordChangeRequired).toBe(true);
    expect((await call(world, 'GET', '/auth/me', null, undefined, bearer(refreshed.body.accessToken))).status).toBe(
      403,
    );

    const same = await call(
      world,
      'POST',
      '/auth/password',
      null,
      { currentPassword: oneTime, newPassword: oneTime },
      bearer(refreshed.body.accessToken),
    );
    expect(same).toMatchObject({ status: 400, body: { message: 'the new password must differ from the current one' } });
    const changed = await call(
      world,
      'POST',
      '/auth/password',
      null,
      { currentPassword: oneTime, newPassword: 'Chosen-by-me-42' },
      bearer(refreshed.body.accessToken),
    );
    expect(changed).toMatchObject({ status: 200, body: { passwordChangeRequired: false } });
    expect((await call(world, 'GET', '/auth/me', null, undefined, bearer(changed.body.accessToken))).body.id).toBe(id);
    expect(await signIn(username, oneTime)).toMatchObject({ status: 401, body: REFUSED });
    expect(await signIn(username, 'Chosen-by-me-42')).toMatchObject({
      status: 200,
      body: { passwordChangeRequired: false },
    });

    const audit = await events(id);
    expect(audit.map((event) => event.action)).toEqual(['account.reset_password']);
    expect(JSON.stringify(audit)).not.toContain(oneTime);
    const [stored] = await dataSource.query('SELECT password_hash FROM account WHERE person_id = $1', [id]);
    expect(stored.password_hash).toMatch(/^\$2[aby]\$/);
    await world.client.signIn(id, username, 'Chosen-by-me-42');
  });
});

describe('the people list', () => {
  it('shows e-mail addresses only to administrators and to each person their own, and to staff only the people they work with', async () => {
    const inspection = await call(world, 'POST', '/inspections', admin, {
      title: `账号-${tag}`,
      kind: 'xuncha',
      inspectingBody: '巡察组',
      inspectedUnit: '单位',
    });
    await call(world, 'POST', `/inspections/${inspection.body.id}/roles`, admin, {
      roles: [{ personId: people.office.id, role: 'office' }],
    });
    const problem = await call(world, 'POST', `/inspections/${inspection.body.id}/problems`, people.office.id, {
      number: 1,
      title: '问题',
      measures: [
        {
          text: '措施',
          kind: 'deadline',
          leadDepartmentId: departmentA,
          responsibleLeaderId: people.leader.id,
          dueAt: '2099-06-30',
        },
      ],
    });
    expect(problem.status).toBe(201);
    expect(
      (
        await call(
          world,
          'POST',
          `/measures/${problem.body.measures[0].id}/actions/assign`,
          people.office.id,
          {},
          { 'Idempotency-Key': `accounts-${tag}` },
        )
      ).status,
    ).toBe(200);

    const list = async (key: string | null) =>
      (await call(world, 'GET', '/people', key === null ? admin : people[key].id)).body as {
        id: string;
        email: string | null;
        account?: unknown;
      }[];
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

    // The office chooses leaders among everyone, but reads nobody's e-mail address but its own.
    const office = await list('office');
    expect(office.filter((row) => row.email !== null).map((row) => row.id)).toEqual([people.office.id]);
    expect(office.every((row) => row.account === undefined)).toBe(true);
    const all = byId(await list(null));
    expect(office.length).toBe(all.size);
    expect(all.get(people.stranger.id)).toMatchObject({
      email: 'stranger@example.test',
      account: { username: people.stranger.username },
    });

    // Staff: themselves, their department, and the leader and actors of the measures they see.
    const staff = await list('staff');
    expect(staff.map((row) => row.id).sort()).toEqual(
      [people.staff.id, people.colleague.id, people.leader.id, people.office.id].sort(),
    );
    expect(byId(staff).get(people.staff.id)!.email).toBe('staff@example.test');
    expect(byId(staff).get(people.leader.id)!.email).toBeNull();

    // Someone with no role and no measure sees only themselves (and their department).
    expect((await list('stranger')).map((row) => row.id)).toEqual([people.stranger.id]);
  });
});
