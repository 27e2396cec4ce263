/**
 * `npm run seed:demo` (or `npm start -- --demo`): loads a demo inspection built from the seed notice
 * (../shared/seed) into a running API: departments, one person per role, and the notice's problems
 * with their 一是/二是 measures, some already under way so every role has work, and one account per role.
 */
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseNotice, problemsOf } from '@rectiflow/documents';
import { createAdministrator } from './administrator';
import { localDatabaseUrl } from './local-database';

const SEED_FILE = 'xuancheng-edz-rectification-progress-2025-07-25.txt';

/** The seed's problems as the importer reads them, with their place in the heading ladder. */
function seedProblems() {
  const parsed = parseNotice(readFileSync(findSeed(), 'utf8'));
  return parsed.sections.flatMap((section) =>
    problemsOf(section).map(({ category, group, problem }) => ({
      sectionNumber: section.number,
      sectionTitle: section.title,
      categoryNumber: category?.number ?? null,
      categoryTitle: category?.title ?? null,
      groupNumber: group?.number ?? null,
      groupTitle: group?.title ?? null,
      number: Number(problem.number),
      title: problem.title,
      measures: problem.measures.map((measure) => measure.text),
    })),
  );
}

function findSeed(): string {
  const candidates = [
    resolve(process.cwd(), '..', 'shared', 'seed', SEED_FILE),
    resolve(__dirname, '..', '..', '..', 'shared', 'seed', SEED_FILE),
    resolve(__dirname, '..', '..', 'shared', 'seed', SEED_FILE),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`seed notice not found; looked at ${candidates.join(', ')}`);
  return found;
}

async function call<T>(
  api: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function signIn(api: string, username: string, password: string): Promise<string> {
  return (await call<{ accessToken: string }>(api, 'POST', '/auth/sign-in', null, { username, password })).accessToken;
}

/**
 * Demo data in an empty database: an administrator and one account per role (one shared password,
 * generated and printed once, or RECTIFLOW_DEMO_PASSWORD), and an inspection from the seed notice.
 */
export async function seedDemo(api: string, databaseUrl: string): Promise<void> {
  const problems = seedProblems();
  const password = process.env.RECTIFLOW_DEMO_PASSWORD ?? `Demo-${randomBytes(6).toString('base64url')}`;
  await createAdministrator(
    databaseUrl,
    { name: '系统管理员', username: 'admin', passwordHash: await bcrypt.hash(password, 10) },
    async (accounts, tx) => {
      if ((await accounts.count(tx)) > 0)
        throw new Error(
          'the database already has accounts; load the demo into an empty database (delete .data/ to start over)',
        );
    },
  );
  const admin = await signIn(api, 'admin', password);
  const departmentNames = [
    '整改办',
    '投资合作中心',
    '经济发展局',
    '财政局',
    '党群工作部',
    '纪工委',
    '建设管理局',
    '自然资源局',
  ];
  const departments = await call<{ id: string; name: string }[]>(api, 'POST', '/departments/bulk', admin, {
    departments: departmentNames.map((name) => ({ name })),
  });
  const department = (name: string) => departments.find((item) => item.name === name)!.id;
  const workDepartments = departmentNames.slice(1).filter((name) => name !== '纪工委');
  const peopleSpec = [
    { key: 'office', username: 'office', name: '王整改', role: '整改办', departmentId: department('整改办') },
    { key: 'reviewer', username: 'reviewer', name: '李审核', role: '审核人', departmentId: department('整改办') },
    { key: 'leader', username: 'leader', name: '赵领导', role: '责任领导', departmentId: null },
    { key: 'groupHead', username: 'head', name: '孙组长', role: '领导小组组长', departmentId: null },
    {
      key: 'supervisor',
      username: 'supervisor',
      name: '周督查',
      role: '纪工委/督查',
      departmentId: department('纪工委'),
    },
    ...workDepartments.map((name, index) => ({
      key: `staff${index + 1}`,
      username: `staff${index + 1}`,
      name: `${name}经办人`,
      role: `${name}经办人`,
      departmentId: department(name),
    })),
  ];
  const created = await call<{ id: string }[]>(api, 'POST', '/people/bulk', admin, {
    people: peopleSpec.map(({ name, username, departmentId }) => ({
      name,
      username,
      password,
      ...(departmentId ? { departmentId } : {}),
    })),
  });
  const person = (key: string) => created[peopleSpec.findIndex((item) => item.key === key)].id;
  const inspection = await call<{ id: string }>(api, 'POST', '/inspections', admin, {
    title: '五届市委第六轮第一巡察组巡察宣城经开区党工委反馈问题整改',
    kind: 'xuncha',
    inspectingBody: '五届市委第六轮第一巡察组',
    inspectedUnit: '宣城经开区党工委',
    startedOn: '2023-11-28',
    endedOn: '2024-01-19',
    feedbackOn: '2024-04-19',
  });
  await call(api, 'POST', `/inspections/${inspection.id}/roles`, admin, {
    roles: [
      { personId: person('office'), role: 'office' },
      { personId: person('reviewer'), role: 'reviewer' },
      { personId: person('groupHead'), role: 'group_head' },
      { personId: person('supervisor'), role: 'supervisor' },
    ],
  });
  const office = await signIn(api, 'office', password);
  const now = Date.now();
  let count = 0;
  const payload = problems.map((problem, index) => ({
    sectionNumber: problem.sectionNumber,
    sectionTitle: problem.sectionTitle,
    ...(problem.categoryNumber ? { categoryNumber: problem.categoryNumber, categoryTitle: problem.categoryTitle } : {}),
    ...(problem.groupNumber ? { groupNumber: problem.groupNumber, groupTitle: problem.groupTitle } : {}),
    number: problem.number,
    title: problem.title,
    measures: problem.measures.map((text, measureIndex) => {
      count += 1;
      const days = [3, 10, 30, 60, 120][(index + measureIndex) % 5];
      return {
        text,
        kind: measureIndex === 0 && index % 7 === 0 ? 'ongoing' : days <= 10 ? 'immediate' : 'deadline',
        leadDepartmentId: department(workDepartments[(index + measureIndex) % workDepartments.length]),
        responsibleLeaderId: person('leader'),
        dueAt: new Date(now + days * 86_400_000).toISOString(),
      };
    }),
  }));
  const createdProblems = await call<{ measures: { id: string; leadDepartmentId: string; kind: string }[] }[]>(
    api,
    'POST',
    `/inspections/${inspection.id}/problems/bulk`,
    office,
    { problems: payload },
  );
  await stageDemoWork(
    api,
    password,
    office,
    createdProblems.flatMap((problem) => problem.measures),
    (departmentId) => `staff${workDepartments.findIndex((name) => department(name) === departmentId) + 1}`,
  );
  console.log(`[rectiflow] demo inspection ${inspection.id}: ${problems.length} problems, ${count} measures`);
  console.log(`[rectiflow] demo accounts (password for all: ${password}):`);
  console.log(`  admin        系统管理员 (system administrator)`);
  for (const spec of peopleSpec) console.log(`  ${spec.username.padEnd(12)} ${spec.name} (${spec.role})`);
}

/**
 * Gives every role something to do: most measures assigned (staff submit evidence), some already
 * submitted (reviewers review), some reviewed (the leader signs off); ten left for the office to assign.
 */
async function stageDemoWork(
  api: string,
  password: string,
  office: string,
  measures: { id: string; leadDepartmentId: string; kind: string }[],
  staffOf: (departmentId: string) => string,
) {
  const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
    call(api, 'POST', `/measures/${id}/actions/${action}`, token, body, {
      'Idempotency-Key': randomBytes(12).toString('hex'),
    });
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) =>
    tokens.get(username) ?? tokens.set(username, await signIn(api, username, password)).get(username)!;
  const reviewer = await tokenOf('reviewer');
  const toAssign = measures.slice(10);
  for (const [index, measure] of toAssign.entries()) {
    await act(office, measure.id, 'assign', {});
    if (index % 6 !== 0 && index % 6 !== 1) continue;
    const staff = await tokenOf(staffOf(measure.leadDepartmentId));
    if (measure.kind === 'ongoing') {
      await act(staff, measure.id, 'report_progress', { summary: '本期已召开调度会议,持续推进。' });
      continue;
    }
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 demo evidence')], { type: 'application/pdf' }), '整改佐证.pdf');
    const uploaded = (await (
      await fetch(`${api}/measures/${measure.id}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staff}` },
        body: form,
      })
    ).json()) as { id: string };
    await act(staff, measure.id, 'submit_evidence', {
      summary: '已按要求完成整改,佐证材料见附件。',
      evidenceIds: [uploaded.id],
    });
    if (index % 6 === 1) await act(reviewer, measure.id, 'review', { decision: 'approve' });
  }
}

if (require.main === module) {
  const api = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api`;
  seedDemo(api, localDatabaseUrl()).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
