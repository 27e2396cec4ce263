/** An HTTP client for the API under test that signs people in and remembers their access tokens. */
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface Reply<T = any> {
  status: number;
  type: string;
  raw: Buffer;
  body: T;
}

export const TEST_PASSWORD = 'Rectiflow-test-1';

export class TestApi {
  readonly tokens = new Map<string, string>();

  constructor(readonly url: string) {}

  async signIn(personId: string, username: string, password = TEST_PASSWORD): Promise<string> {
    const reply = await this.call('POST', '/auth/sign-in', null, { username, password });
    if (reply.status !== 200)
      throw new Error(`sign-in of ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    this.tokens.set(personId, reply.body.accessToken);
    return reply.body.accessToken;
  }

  private headers(personId: string | null): Record<string, string> {
    if (!personId) return {};
    const token = this.tokens.get(personId);
    if (!token) throw new Error(`person ${personId} has not signed in in this test`);
    return { authorization: `Bearer ${token}` };
  }

  async call<T = any>(
    method: string,
    path: string,
    personId: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...this.headers(personId),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return reply(response);
  }

  async upload(
    path: string,
    personId: string,
    name: string,
    bytes: Buffer,
    type = 'application/octet-stream',
  ): Promise<Reply> {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    return reply(await fetch(`${this.url}${path}`, { method: 'POST', headers: this.headers(personId), body: form }));
  }

  /** Creates people with accounts (and e-mail addresses) through the API as the administrator, signs each one in, and answers their ids and usernames. */
  async createAccounts<K extends string>(
    adminId: string,
    spec: readonly { key: K; name: string; departmentId?: string | null; email?: string }[],
  ): Promise<{ ids: Record<K, string>; usernames: Record<K, string> }> {
    const usernames = {} as Record<K, string>;
    for (const { key } of spec) usernames[key] = `${key}-${randomUUID().slice(0, 8)}`.toLowerCase();
    const created = await this.call('POST', '/people/bulk', adminId, {
      people: spec.map(({ key, name, departmentId, email }) => ({
        name,
        username: usernames[key],
        password: TEST_PASSWORD,
        ...(departmentId ? { departmentId } : {}),
        ...(email ? { email } : {}),
      })),
    });
    if (created.status !== 201)
      throw new Error(`creating people failed: ${created.status} ${JSON.stringify(created.body)}`);
    const ids = {} as Record<K, string>;
    for (const [index, { key }] of spec.entries()) {
      ids[key] = created.body[index].id;
      await this.signIn(ids[key], usernames[key]);
    }
    return { ids, usernames };
  }
}

async function reply(response: Response): Promise<Reply> {
  const type = response.headers.get('content-type') ?? '';
  const raw = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    type,
    raw,
    body: type.includes('json') && raw.length ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8'),
  };
}

/** The first administrator, written straight into the database as `npm run cli -- create-admin` does. */
export async function createAdmin(dataSource: DataSource, api: TestApi): Promise<string> {
  return (await createAdminAccount(dataSource, api)).id;
}

/** The same, answering the administrator's username too (for signing in elsewhere, e.g. in a browser). */
export async function createAdminAccount(
  dataSource: DataSource,
  api: TestApi,
): Promise<{ id: string; username: string }> {
  const username = `admin-${randomUUID().slice(0, 8)}`;
  const [person] = await dataSource.query(`INSERT INTO person (name) VALUES ('系统管理员') RETURNING id`);
  await dataSource.query(
    'INSERT INTO account (person_id, username, password_hash, is_admin) VALUES ($1, $2, $3, true)',
    [person.id, username, await bcrypt.hash(TEST_PASSWORD, 4)],
  );
  await api.signIn(person.id, username);
  return { id: person.id, username };
}
