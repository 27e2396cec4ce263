/**
 * The findings of the hostile probe (issue 11), each through HTTP against the real API, Temporal,
 * worker and PostgreSQL: the request that froze a measure or took the API down, and the quieter ones.
 */
import {
  act,
  buildWorld,
  call,
  createProblem,
  MeasureFields,
  nextProblemNumber,
  startStack,
  World,
} from './support/world';

let world: World<'office' | 'reviewer' | 'leader' | 'staff' | 'staffLeader' | 'otherStaff', 'lead' | 'other'>;
let people: typeof world.people;
let departments: typeof world.departments;
let admin: string;
let inspectionId: string;
let api: { url: string };
let dataSource: World['dataSource'];

beforeAll(async () => {
  const tag = Date.now().toString(36);
  world = await buildWorld(await startStack('hardening-e2e'), {
    departments: { lead: `投资合作中心-${tag}`, other: `财政局-${tag}` },
    people: {
      office: { name: '王整改', roles: 'office' },
      reviewer: { name: '李审核', roles: 'reviewer' },
      leader: '赵领导',
      staff: { name: '陈经办', department: 'lead' },
      staffLeader: { name: '钱主任', department: 'lead' },
      otherStaff: { name: '孙经办', department: 'other' },
    },
    inspection: { title: `加固测试-${tag}`, inspectingBody: '市委巡察组', inspectedUnit: '经开区' },
  });
  ({ people, departments, admin, inspection: inspectionId, api, dataSource } = world);
});

afterAll(async () => {
  await world?.stop();
});

const createProblemWith = (measures: MeasureFields[]) =>
  createProblem(world, {
    title: '优化招引机制',
    measures: measures.map((measure, index) => ({ text: `措施${index + 1}`, ...measure })),
  });

it('a NUL in an action is refused with 400 naming the field, and the measure goes on', async () => {
  const { measures } = await createProblemWith([{}]);
  const measureId = measures[0].id;
  expect((await act(world, measureId, 'assign', people.office)).status).toBe(200);
  const refused = await act(world, measureId, 'request_extension', people.staff, {
    requestedDueAt: '2099-12-01T00:00:00Z',
    reason: 'a\u0000b',
  });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toMatch(/reason contains the control character U\+0000/);
  const next = await act(world, measureId, 'request_extension', people.staff, {
    requestedDueAt: '2099-12-01T00:00:00Z',
    reason: '审批未完成',
  });
  expect(next.body).toMatchObject({ stage: 'rectify', seq: 2 });
  const timeline = await call(world, 'GET', `/measures/${measureId}/timeline`, people.office);
  expect(timeline.body.map((row: { seq: number }) => row.seq)).toEqual([1, 2]);
});

it('an idempotency key repeated with another body is refused with 422; with the same body it answers the first result', async () => {
  const { measures } = await createProblemWith([{}]);
  const measureId = measures[0].id;
  const first = await act(world, measureId, 'assign', people.office, {}, 'same-key');
  expect(first.status).toBe(200);
  expect((await act(world, measureId, 'assign', people.office, {}, 'same-key')).body).toEqual({
    ...first.body,
    duplicate: true,
  });
  const changed = await act(world, measureId, 'assign', people.office, { dueAt: '2099-09-30T00:00:00Z' }, 'same-key');
  expect(changed.status).toBe(422);
  expect(changed.body).toMatchObject({
    error: 'IDEMPOTENCY_CONFLICT',
    message: expect.stringMatching(/already used for a different "assign" request/),
  });
  expect(changed.body.message).not.toMatch(/requestHash/);
});

it('交办 to an unknown department is refused naming it; a leader in the lead department is warned about', async () => {
  const { measures } = await createProblemWith([{ responsibleLeaderId: people.staffLeader }]);
  expect(measures[0].warnings).toEqual([
    {
      code: 'LEADER_IN_LEAD_DEPARTMENT',
      leader: '钱主任',
      department: expect.stringMatching(/^投资合作中心/),
      message: expect.stringMatching(/^the responsible leader 钱主任 works in the lead department 投资合作中心/),
    },
  ]);
  const unknown = await act(world, measures[0].id, 'assign', people.office, {
    leadDepartmentId: '00000000-0000-4000-8000-000000000000',
  });
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toBe('assign.leadDepartmentId names no department');
  const moved = await act(world, measures[0].id, 'assign', people.office, {
    leadDepartmentId: departments.other,
    responsibleLeaderId: people.leader,
  });
  expect(moved.status).toBe(200);
  expect(moved.body.warnings).toBeUndefined();
});

it('staff count only their own measures of a problem', async () => {
  const problem = await createProblemWith([{}, { leadDepartmentId: departments.other }]);
  const asStaff = await call(world, 'GET', `/inspections/${inspectionId}/problems`, people.otherStaff);
  expect(asStaff.body.find((row: { id: string }) => row.id === problem.id)).toMatchObject({
    measures: 1,
    measuresClosed: 0,
    closed: false,
  });
  const asOffice = await call(world, 'GET', `/inspections/${inspectionId}/problems`, people.office);
  expect(asOffice.body.find((row: { id: string }) => row.id === problem.id)).toMatchObject({ measures: 2 });
});

it('refuses dates and durations no one means, and text that is only spaces or not Unicode', async () => {
  const base = { title: '日期检查', kind: 'xuncha', inspectingBody: '巡察组', inspectedUnit: '单位' };
  const cases: [unknown, RegExp][] = [
    [
      { ...base, startedOn: '2024-03-01', endedOn: '2024-01-19' },
      /endedOn \(2024-01-19\) is before startedOn \(2024-03-01\)/,
    ],
    [{ ...base, feedbackOn: '1990-04-19' }, /feedbackOn is before 2000-01-01/],
    [{ ...base, policy: { reviewWithin: 'P1000Y' } }, /policy.reviewWithin is longer than P5Y/],
    [{ ...base, title: '\u3000 \u3000' }, /title must not be blank/],
    [{ ...base, inspectedUnit: '单位\udc00' }, /inspectedUnit contains a lone UTF-16 surrogate U\+DC00/],
  ];
  const before = await dataSource.query('SELECT count(*)::int AS n FROM inspection');
  for (const [body, message] of cases) {
    const refused = await call(world, 'POST', '/inspections', admin, body);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(message);
  }
  expect(await dataSource.query('SELECT count(*)::int AS n FROM inspection')).toEqual(before);
  for (const dueAt of ['1990-06-30', '9999-06-30']) {
    const refused = await call(world, 'POST', `/inspections/${inspectionId}/problems`, people.office, {
      number: nextProblemNumber(),
      title: '问题',
      measures: [
        {
          text: '措施',
          kind: 'deadline',
          leadDepartmentId: departments.lead,
          responsibleLeaderId: people.leader,
          dueAt,
        },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/measures\.0\.dueAt is (before 2000-01-01|after 2100-12-31)/);
  }
});

it('a deeply nested body is refused before validation (400, not 500), and a huge array before its items', async () => {
  const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  for (const path of ['/auth/refresh', `/public/notices/00000000-0000-4000-8000-000000000000/feedback`]) {
    const response = await fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
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
  const huge = await call(world, 'POST', `/inspections/${inspectionId}/problems/bulk`, people.office, { problems });
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
