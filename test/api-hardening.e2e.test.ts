/**
 * The findings of the hostile probe (issue 11), each through HTTP against the real API, Temporal,
 * worker and PostgreSQL: the request that froze a measure or took the API down, and the quieter ones.
 */
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createAdmin, TestApi } from './support/http';
import { fastPolicy, openDataSource, startApi, startWorker, uniqueTaskQueue } from './support/stack';

const taskQueue = uniqueTaskQueue('hardening-e2e');
let api: { app: INestApplication; url: string };
let worker: INestApplicationContext;
let dataSource: DataSource;
let client: TestApi;
let admin: string;
let people: Record<'office' | 'reviewer' | 'leader' | 'staff' | 'staffLeader' | 'otherStaff', string>;
let departments: { lead: string; other: string };
let inspectionId: string;
let keys = 0;

const call = (method: string, path: string, personId: string | null, body?: unknown, headers: Record<string, string> = {}) => client.call(method, path, personId, body, headers);
const act = (measureId: string, action: string, personId: string, body: Record<string, unknown> = {}, key = `hardening-${++keys}`) =>
  call('POST', `/measures/${measureId}/actions/${action}`, personId, body, { 'Idempotency-Key': key });

beforeAll(async () => {
  dataSource = await openDataSource();
  api = await startApi(taskQueue);
  worker = await startWorker(taskQueue);
  client = new TestApi(api.url);
  admin = await createAdmin(dataSource, client);
  const tag = Date.now().toString(36);
  const created = await call('POST', '/departments/bulk', admin, { departments: [{ name: `投资合作中心-${tag}` }, { name: `财政局-${tag}` }] });
  departments = { lead: created.body[0].id, other: created.body[1].id };
  people = await client.createPeople(admin, [
    ['office', '王整改', null],
    ['reviewer', '李审核', null],
    ['leader', '赵领导', null],
    ['staff', '陈经办', departments.lead],
    ['staffLeader', '钱主任', departments.lead],
    ['otherStaff', '孙经办', departments.other],
  ] as const);
  const inspection = await call('POST', '/inspections', admin, { title: `加固测试-${tag}`, kind: 'xuncha', inspectingBody: '市委巡察组', inspectedUnit: '经开区', policy: fastPolicy() });
  inspectionId = inspection.body.id;
  await call('POST', `/inspections/${inspectionId}/roles`, admin, {
    roles: [
      { personId: people.office, role: 'office' },
      { personId: people.reviewer, role: 'reviewer' },
    ],
  });
});

afterAll(async () => {
  await worker?.close();
  await api?.app.close();
  await dataSource?.destroy();
});

let problemNumber = 0;
async function createProblem(measures: { leadDepartmentId?: string; responsibleLeaderId?: string }[]) {
  problemNumber += 1;
  const created = await call('POST', `/inspections/${inspectionId}/problems`, people.office, {
    number: problemNumber,
    title: '优化招引机制',
    measures: measures.map((measure, index) => ({
      text: `措施${index + 1}`,
      kind: 'deadline',
      leadDepartmentId: measure.leadDepartmentId ?? departments.lead,
      responsibleLeaderId: measure.responsibleLeaderId ?? people.leader,
      dueAt: '2099-06-30',
    })),
  });
  expect(created.status).toBe(201);
  return created.body;
}

it('a NUL in an action is refused with 400 naming the field, and the measure goes on', async () => {
  const { measures } = await createProblem([{}]);
  const measureId = measures[0].id;
  expect((await act(measureId, 'assign', people.office)).status).toBe(200);
  const refused = await act(measureId, 'request_extension', people.staff, { requestedDueAt: '2099-12-01T00:00:00Z', reason: 'a\u0000b' });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toMatch(/reason contains the control character U\+0000/);
  const next = await act(measureId, 'request_extension', people.staff, { requestedDueAt: '2099-12-01T00:00:00Z', reason: '审批未完成' });
  expect(next.body).toMatchObject({ stage: 'rectify', seq: 2 });
  const timeline = await call('GET', `/measures/${measureId}/timeline`, people.office);
  expect(timeline.body.map((row: { seq: number }) => row.seq)).toEqual([1, 2]);
});

it('an idempotency key repeated with another body is refused with 422; with the same body it answers the first result', async () => {
  const { measures } = await createProblem([{}]);
  const measureId = measures[0].id;
  const first = await act(measureId, 'assign', people.office, {}, 'same-key');
  expect(first.status).toBe(200);
  expect((await act(measureId, 'assign', people.office, {}, 'same-key')).body).toEqual({ ...first.body, duplicate: true });
  const changed = await act(measureId, 'assign', people.office, { dueAt: '2099-09-30T00:00:00Z' }, 'same-key');
  expect(changed.status).toBe(422);
  expect(changed.body).toMatchObject({ error: 'IDEMPOTENCY_CONFLICT', message: expect.stringMatching(/already used for a different "assign" request/) });
  expect(changed.body.message).not.toMatch(/requestHash/);
});

it('交办 to an unknown department is refused naming it; a leader in the lead department is warned about', async () => {
  const { measures } = await createProblem([{ responsibleLeaderId: people.staffLeader }]);
  expect(measures[0].warnings).toEqual([
    { code: 'LEADER_IN_LEAD_DEPARTMENT', leader: '钱主任', department: expect.stringMatching(/^投资合作中心/), message: expect.stringMatching(/^the responsible leader 钱主任 works in the lead department 投资合作中心/) },
  ]);
  const unknown = await act(measures[0].id, 'assign', people.office, { leadDepartmentId: '00000000-0000-4000-8000-000000000000' });
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toBe('assign.leadDepartmentId names no department');
  const moved = await act(measures[0].id, 'assign', people.office, { leadDepartmentId: departments.other, responsibleLeaderId: people.leader });
  expect(moved.status).toBe(200);
  expect(moved.body.warnings).toBeUndefined();
});

it('staff count only their own measures of a problem', async () => {
  const problem = await createProblem([{}, { leadDepartmentId: departments.other }]);
  const asStaff = await call('GET', `/inspections/${inspectionId}/problems`, people.otherStaff);
  expect(asStaff.body.find((row: { id: string }) => row.id === problem.id)).toMatchObject({ measures: 1, measuresClosed: 0, closed: false });
  const asOffice = await call('GET', `/inspections/${inspectionId}/problems`, people.office);
  expect(asOffice.body.find((row: { id: string }) => row.id === problem.id)).toMatchObject({ measures: 2 });
});

it('refuses dates and durations no one means, and text that is only spaces or not Unicode', async () => {
  const base = { title: '日期检查', kind: 'xuncha', inspectingBody: '巡察组', inspectedUnit: '单位' };
  const cases: [unknown, RegExp][] = [
    [{ ...base, startedOn: '2024-03-01', endedOn: '2024-01-19' }, /endedOn \(2024-01-19\) is before startedOn \(2024-03-01\)/],
    [{ ...base, feedbackOn: '1990-04-19' }, /feedbackOn is before 2000-01-01/],
    [{ ...base, policy: { reviewWithin: 'P1000Y' } }, /policy.reviewWithin is longer than P5Y/],
    [{ ...base, title: '\u3000 \u3000' }, /title must not be blank/],
    [{ ...base, inspectedUnit: '单位\udc00' }, /inspectedUnit contains a lone UTF-16 surrogate U\+DC00/],
  ];
  const before = await dataSource.query('SELECT count(*)::int AS n FROM inspection');
  for (const [body, message] of cases) {
    const refused = await call('POST', '/inspections', admin, body);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(message);
  }
  expect(await dataSource.query('SELECT count(*)::int AS n FROM inspection')).toEqual(before);
  for (const dueAt of ['1990-06-30', '9999-06-30']) {
    problemNumber += 1;
    const refused = await call('POST', `/inspections/${inspectionId}/problems`, people.office, {
      number: problemNumber,
      title: '问题',
      measures: [{ text: '措施', kind: 'deadline', leadDepartmentId: departments.lead, responsibleLeaderId: people.leader, dueAt }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/measures\.0\.dueAt is (before 2000-01-01|after 2100-12-31)/);
  }
});

it('a deeply nested body is refused before validation (400, not 500), and a huge array before its items', async () => {
  const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  for (const path of ['/auth/refresh', `/public/notices/00000000-0000-4000-8000-000000000000/feedback`]) {
    const response = await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/nested more than 32 levels deep/);
  }
  const problems = Array.from({ length: 50_000 }, (_, index) => ({ number: index + 1, title: 'x' }));
  const health = (async () => {
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const response = await fetch(`${api.url}/health`);
    return { status: response.status, ms: Date.now() - started };
  })();
  const huge = await call('POST', `/inspections/${inspectionId}/problems/bulk`, people.office, { problems });
  expect(huge.status).toBe(400);
  expect(huge.body.message).toBe('problems has 50000 items; at most 5000 in one request');
  expect((await health).status).toBe(200);
});

it('sends a content security policy that lets no inline script run', async () => {
  const response = await fetch(`${api.url}/health`);
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy).toMatch(/script-src 'self'(;|$)/);
  expect(policy).not.toMatch(/unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
});
