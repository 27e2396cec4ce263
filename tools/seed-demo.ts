/**
 * `npm run seed:demo` (or `npm start -- --demo`): loads a demo inspection built from the seed notice
 * (../shared/seed) into a running API: departments, one person per role, and the notice's problems
 * with their 一是/二是 measures. Prints the people's ids to use as X-Actor-Id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SEED_FILE = 'xuancheng-edz-rectification-progress-2025-07-25.txt';
const CHINESE_DIGITS = '一二三四五六七八九十';

interface DemoProblem {
  sectionNumber: string;
  sectionTitle: string;
  categoryNumber: string | null;
  categoryTitle: string | null;
  groupNumber: string | null;
  groupTitle: string | null;
  number: number;
  title: string;
  measures: string[];
}

/** A small reader of the seed's heading ladder, enough for demo data (the general importer is its own feature). */
export function readSeedProblems(text: string): DemoProblem[] {
  const problems: DemoProblem[] = [];
  let section = { number: '', title: '' };
  let category: { number: string; title: string } | null = null;
  let group: { number: string; title: string } | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    let match: RegExpExecArray | null;
    if ((match = new RegExp(`^([${CHINESE_DIGITS}]+)、(.*)$`).exec(line))) {
      section = { number: match[1], title: match[2].trim() };
      category = null;
      group = null;
    } else if ((match = new RegExp(`^[（(]([${CHINESE_DIGITS}]+)[）)](.*)$`).exec(line))) {
      category = { number: match[1], title: match[2].replace(/。.*$/, '').trim() };
      group = null;
    } else if ((match = /^(\d+)[.．、](.*)$/.exec(line))) {
      group = { number: match[1], title: match[2].trim() };
    } else if ((match = /^[（(](\d+)[）)](.*)$/.exec(line))) {
      const body = match[2];
      const firstStop = body.indexOf('。');
      const title = (firstStop >= 0 ? body.slice(0, firstStop) : body).trim();
      const rest = firstStop >= 0 ? body.slice(firstStop + 1) : '';
      const measures = rest
        .split(new RegExp(`(?=[${CHINESE_DIGITS}]+是)`))
        .map((item) => item.replace(new RegExp(`^[${CHINESE_DIGITS}]+是`), '').trim())
        .filter(Boolean);
      problems.push({
        sectionNumber: section.number,
        sectionTitle: section.title,
        categoryNumber: category?.number ?? null,
        categoryTitle: category?.title ?? null,
        groupNumber: group?.number ?? null,
        groupTitle: group?.title ?? null,
        number: Number(match[1]),
        title,
        measures,
      });
    }
  }
  return problems;
}

function findSeed(): string {
  const candidates = [resolve(process.cwd(), '..', 'shared', 'seed', SEED_FILE), resolve(__dirname, '..', '..', '..', 'shared', 'seed', SEED_FILE), resolve(__dirname, '..', '..', 'shared', 'seed', SEED_FILE)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`seed notice not found; looked at ${candidates.join(', ')}`);
  return found;
}

async function call<T>(api: string, method: string, path: string, actor: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(actor ? { 'x-actor-id': actor } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export async function seedDemo(api: string): Promise<void> {
  const problems = readSeedProblems(readFileSync(findSeed(), 'utf8')).filter((problem) => problem.sectionNumber === '二');
  const departmentNames = ['整改办', '投资合作中心', '经济发展局', '财政局', '党群工作部', '纪工委', '建设管理局', '自然资源局'];
  const existingPeople = await fetch(`${api}/people`).then((response) => response.status);
  if (existingPeople !== 401) throw new Error('the database already has people; seed the demo into an empty database');
  const departments = await call<{ id: string; name: string }[]>(api, 'POST', '/departments/bulk', null, { departments: departmentNames.map((name) => ({ name })) });
  const department = (name: string) => departments.find((item) => item.name === name)!.id;
  const peopleSpec = [
    { key: 'office', name: '王整改(整改办)', departmentId: department('整改办') },
    { key: 'reviewer', name: '李审核(审核人)', departmentId: department('整改办') },
    { key: 'leader', name: '赵领导(责任领导)', departmentId: null },
    { key: 'groupHead', name: '孙组长(领导小组组长)', departmentId: null },
    { key: 'supervisor', name: '周督查(纪工委)', departmentId: department('纪工委') },
    ...departmentNames.slice(1, 8).filter((name) => name !== '纪工委').map((name) => ({ key: `staff:${name}`, name: `${name}经办人`, departmentId: department(name) })),
  ];
  const created = await call<{ id: string; name: string }[]>(api, 'POST', '/people/bulk', null, { people: peopleSpec.map(({ name, departmentId }) => ({ name, ...(departmentId ? { departmentId } : {}) })) });
  const person = (key: string) => created[peopleSpec.findIndex((item) => item.key === key)].id;
  const office = person('office');
  const inspection = await call<{ id: string }>(api, 'POST', '/inspections', office, {
    title: '五届市委第六轮第一巡察组巡察宣城经开区党工委反馈问题整改',
    kind: 'xuncha',
    inspectingBody: '五届市委第六轮第一巡察组',
    inspectedUnit: '宣城经开区党工委',
    startedOn: '2023-11-28',
    endedOn: '2024-01-19',
    feedbackOn: '2024-04-19',
  });
  await call(api, 'POST', `/inspections/${inspection.id}/roles`, office, {
    roles: [
      { personId: office, role: 'office' },
      { personId: person('reviewer'), role: 'reviewer' },
      { personId: person('groupHead'), role: 'group_head' },
      { personId: person('supervisor'), role: 'supervisor' },
    ],
  });
  const workDepartments = departmentNames.slice(1).filter((name) => name !== '纪工委');
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
  await call(api, 'POST', `/inspections/${inspection.id}/problems/bulk`, office, { problems: payload });
  console.log(`[rectiflow] demo inspection ${inspection.id}: ${problems.length} problems, ${count} measures`);
  console.log('[rectiflow] people (use as the X-Actor-Id header):');
  for (const [index, spec] of peopleSpec.entries()) console.log(`  ${spec.key.padEnd(22)} ${created[index].id}  ${spec.name}`);
}

if (require.main === module) {
  const api = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api`;
  seedDemo(api).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
