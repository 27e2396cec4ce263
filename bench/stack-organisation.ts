/**
 * What the benchmark and the chaos runs set up in a private stack: an administrator, a department,
 * one signed-in account per role and an inspection; measures in bulk; evidence files.
 */
import bcrypt from 'bcryptjs';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { TimerPolicy } from '@rectiflow/domain';
import { HttpError, PrivateStack, Role, ROLES } from './private-stack';

export interface Organisation {
  inspection: string;
  department: string;
  ids: Record<Role, string>;
  tokens: Record<Role, string>;
}

/** An administrator, a department, one account per role, and an inspection with the given policy. */
export async function setUpOrganisation(stack: PrivateStack, policy: Partial<TimerPolicy>): Promise<Organisation> {
  const password = `Stack-${randomBytes(6).toString('hex')}`;
  const database = new PgClient({ connectionString: stack.postgres.url });
  await database.connect();
  const { rows } = await database.query(`INSERT INTO person (name) VALUES ('administrator') RETURNING id`);
  await database.query('INSERT INTO account (person_id, username, password_hash, is_admin) VALUES ($1, $2, $3, true)', [
    rows[0].id,
    'admin',
    await bcrypt.hash(password, 4),
  ]);
  await database.end();
  const signIn = async (username: string) =>
    (await stack.call('POST', '/auth/sign-in', null, { username, password })).accessToken as string;
  const admin = await signIn('admin');
  const department = (await stack.call('POST', '/departments', admin, { name: `部门-${randomUUID().slice(0, 6)}` })).id;
  const people = await stack.call('POST', '/people/bulk', admin, {
    people: ROLES.map((role) => ({
      name: role,
      username: role,
      password,
      ...(role === 'staff' ? { departmentId: department } : {}),
    })),
  });
  const ids = Object.fromEntries(ROLES.map((role, index) => [role, people[index].id])) as Record<Role, string>;
  const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await signIn(role)]))) as Record<
    Role,
    string
  >;
  const inspection = (
    await stack.call('POST', '/inspections', admin, {
      title: 'private stack',
      kind: 'xuncha',
      inspectingBody: 'a',
      inspectedUnit: 'b',
      policy,
    })
  ).id;
  await stack.call('POST', `/inspections/${inspection}/roles`, admin, {
    roles: [
      { personId: ids.office, role: 'office' },
      { personId: ids.reviewer, role: 'reviewer' },
      { personId: ids.reviewer2, role: 'reviewer' },
      { personId: ids.supervisor, role: 'supervisor' },
    ],
  });
  return { inspection, department, ids, tokens };
}

/** Problems with one measure each, created in bulk (1,000 per request). */
export async function createMeasures(
  stack: PrivateStack,
  organisation: Organisation,
  count: number,
  offset = 0,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, index) => ({
      number: offset + start + index + 1,
      title: `问题${offset + start + index + 1}`,
      measures: [
        {
          text: `措施${offset + start + index + 1}`,
          kind: 'deadline',
          leadDepartmentId: organisation.department,
          responsibleLeaderId: organisation.ids.leader,
          dueAt: '2099-06-30',
        },
      ],
    }));
    const created = await stack.call(
      'POST',
      `/inspections/${organisation.inspection}/problems/bulk`,
      organisation.tokens.office,
      { problems: batch },
    );
    ids.push(...created.map((problem: { measures: { id: string }[] }) => problem.measures[0].id));
  }
  return ids;
}

export async function uploadEvidence(
  stack: PrivateStack,
  organisation: Organisation,
  measure: string,
  bytes: Buffer,
): Promise<{ id: string; sha256: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), '纪要.pdf');
  const response = await fetch(`${stack.urls[0]}/measures/${measure}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${organisation.tokens.staff}` },
    body: form,
  });
  if (!response.ok) throw new HttpError(response.status, await response.text());
  return (await response.json()) as { id: string; sha256: string };
}
