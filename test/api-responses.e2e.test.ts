/**
 * The API document's response schemas against what the endpoints really answer: every main read
 * (and the writes the workbench reads an answer from) is called on a real stack, and its JSON must
 * fit the schema GET /api/docs-json declares for that status — types, formats, nullability, and
 * no property the document leaves out. The generated web client is typed from these schemas.
 */
import { randomUUID } from 'node:crypto';
import { OpenApi, responseSchema, schemaProblems } from './support/openapi-check';
import { TEST_AUTH } from './support/stack';
import {
  act,
  actOk,
  bringTo,
  buildWorld,
  call,
  createMeasure,
  createProblem,
  startStack,
  Stack,
  submitEvidence,
  upload,
  World,
} from './support/world';

type Who = 'office' | 'reviewer' | 'leader' | 'groupHead' | 'supervisor' | 'staff' | 'spare';
let stack: Stack;
let world: World<Who, 'a' | 'b'>;
let document: OpenApi;

beforeAll(async () => {
  stack = await startStack('responses', { api: { auth: { ...TEST_AUTH, feedbackPerTenMinutes: 1000 } } });
  const tag = randomUUID().slice(0, 8);
  world = await buildWorld(stack, {
    departments: { a: `响应甲-${tag}`, b: `响应乙-${tag}` },
    people: {
      office: { name: '办公室', roles: 'office' },
      reviewer: { name: '审核人', roles: 'reviewer' },
      leader: '责任领导',
      groupHead: { name: '组长', roles: 'group_head' },
      supervisor: { name: '督查人', roles: 'supervisor' },
      staff: { name: '经办人', department: 'a' },
      spare: '备用',
    },
    inspection: { title: `响应-${tag}`, startedOn: '2025-01-02' },
  });
  document = (await call(world, 'GET', '/docs-json', null)).body;
}, 120_000);

afterAll(() => stack?.stop());

/** Calls the API and checks the answer's status and body against the document; answers the body. */
async function expectDocumented(
  operation: string,
  path: string,
  who: string | null,
  status: number,
  body?: unknown,
): Promise<any> {
  const [method] = operation.split(' ');
  const reply = await call(world, method, path, who, body);
  expect({ operation, status: reply.status }).toEqual({ operation, status });
  expect({
    operation,
    problems: schemaProblems(document, responseSchema(document, operation, status), reply.body),
  }).toEqual({ operation, problems: [] });
  return reply.body;
}

it('answers the reads of measures, problems, inspections and the workbench as documented', async () => {
  const inspection = world.inspection;
  const created = await createProblem(world, {
    sectionNumber: '二',
    sectionTitle: '问题整改情况',
    categoryNumber: '一',
    categoryTitle: '类别',
    measures: [{}, { kind: 'ongoing' }],
  });
  const [reviewing, ongoing] = created.measures.map((measure) => measure.id);
  await bringTo(world, reviewing, 'review');
  await actOk(world, ongoing, 'assign', 'office');
  const waiting = await createMeasure(world, { text: '待交办' });
  await actOk(world, waiting, 'assign', 'office', { dueAt: '2099-12-31T00:00:00.000Z' });
  await actOk(world, waiting, 'request_extension', 'staff', {
    requestedDueAt: '2100-06-30T00:00:00.000Z',
    reason: '需要更多时间',
  });

  await expectDocumented('GET /api/health', '/health', null, 200);
  await expectDocumented('GET /api/client-config', '/client-config', null, 200);
  await expectDocumented('GET /api/auth/me', '/auth/me', 'office', 200);
  await expectDocumented('GET /api/auth/me', '/auth/me', 'staff', 200);
  await expectDocumented('GET /api/departments', '/departments', 'staff', 200);
  for (const who of ['admin', 'office', 'staff']) await expectDocumented('GET /api/people', '/people', who, 200);
  await expectDocumented('GET /api/inspections', '/inspections', 'office', 200);
  await expectDocumented('GET /api/inspections/{id}', `/inspections/${inspection}`, 'staff', 200);
  await expectDocumented('GET /api/inspections/{id}/roles', `/inspections/${inspection}/roles`, 'office', 200);
  await expectDocumented('GET /api/inspections/{id}/problems', `/inspections/${inspection}/problems`, 'office', 200);
  const page = await expectDocumented('GET /api/measures', `/measures?inspectionId=${inspection}`, 'office', 200);
  expect(page.items.length).toBeGreaterThanOrEqual(3);
  for (const id of [reviewing, ongoing, waiting]) {
    await expectDocumented('GET /api/measures/{id}', `/measures/${id}`, 'office', 200);
    await expectDocumented('GET /api/measures/{id}/timeline', `/measures/${id}/timeline`, 'office', 200);
  }
  expect(
    (await expectDocumented('GET /api/measures/{id}', `/measures/${waiting}`, 'leader', 200)).pendingExtension,
  ).toMatchObject({ reason: '需要更多时间' });
  await expectDocumented('GET /api/measures/{id}/evidence', `/measures/${reviewing}/evidence`, 'reviewer', 200);
  for (const who of ['staff', 'reviewer', 'leader', 'office'])
    await expectDocumented('GET /api/my-work', `/my-work?inspectionId=${inspection}`, who, 200);
  await expectDocumented('GET /api/inspections/{id}/dashboard', `/inspections/${inspection}/dashboard`, 'office', 200);
  await expectDocumented('GET /api/notifications', '/notifications', 'reviewer', 200);
  await expectDocumented('GET /api/notifications/unread-count', '/notifications/unread-count', 'reviewer', 200);
  await expectDocumented('GET /api/notifications/settings', '/notifications/settings', 'reviewer', 200);
  await expectDocumented('PUT /api/notifications/settings', '/notifications/settings', 'reviewer', 200, {
    emailDigest: 'default',
  });
});

it('answers the writes the workbench reads back as documented', async () => {
  const tag = randomUUID().slice(0, 8);
  await expectDocumented('POST /api/auth/sign-in', '/auth/sign-in', null, 200, {
    username: world.users.spare.username,
    password: 'Rectiflow-test-1',
  });
  await expectDocumented('POST /api/departments', '/departments', 'admin', 201, { name: `新部门-${tag}` });
  await expectDocumented('POST /api/people/bulk', '/people/bulk', 'admin', 201, {
    people: [{ name: '新人', username: `new-${tag}`, password: 'Rectiflow-test-1' }],
  });
  await expectDocumented('POST /api/inspections', '/inspections', 'admin', 201, {
    title: `新巡察-${tag}`,
    kind: 'audit',
    inspectingBody: '审计局',
    inspectedUnit: '单位',
  });
  await expectDocumented('POST /api/inspections/{id}/roles', `/inspections/${world.inspection}/roles`, 'admin', 201, {
    roles: [{ personId: world.people.spare, role: 'reviewer' }],
  });
  const problem = await expectDocumented(
    'POST /api/inspections/{id}/problems',
    `/inspections/${world.inspection}/problems`,
    'office',
    201,
    {
      number: 900,
      title: '新问题',
      measures: [
        {
          text: '新措施',
          kind: 'deadline',
          leadDepartmentId: world.departments.a,
          responsibleLeaderId: world.people.staff,
          dueAt: '2099-06-30',
        },
      ],
    },
  );
  expect(problem.measures[0].warnings).toHaveLength(1);
  await expectDocumented('POST /api/problems/{id}/measures', `/problems/${problem.id}/measures`, 'office', 201, {
    text: '又一措施',
    kind: 'immediate',
    leadDepartmentId: world.departments.b,
    responsibleLeaderId: world.people.leader,
    dueAt: '2099-06-30',
  });
  const measure = problem.measures[0].id;
  await expectDocumented(
    'POST /api/measures/{id}/actions/{action}',
    `/measures/${measure}/actions/assign`,
    'office',
    200,
    { idempotencyKey: `assign-${tag}` },
  );
  expect(
    (
      await expectDocumented(
        'POST /api/measures/{id}/actions/{action}',
        `/measures/${measure}/actions/assign`,
        'office',
        200,
        { idempotencyKey: `assign-${tag}` },
      )
    ).duplicate,
  ).toBe(true);
  const evidence = await upload(
    world,
    `/measures/${measure}/evidence`,
    'staff',
    '纪要.pdf',
    Buffer.from('%PDF-1.4 纪要'),
    'application/pdf',
  );
  expect(
    schemaProblems(document, responseSchema(document, 'POST /api/measures/{id}/evidence', 201), evidence.body),
  ).toEqual([]);
  expect((await submitEvidence(world, measure)).status).toBe(200);
  const refused = await act(world, measure, 'review', 'reviewer', { decision: 'reject' });
  expect(
    schemaProblems(document, responseSchema(document, 'POST /api/measures/{id}/actions/{action}', 400), refused.body),
  ).toEqual([]);
});

it('answers the imports, the notice and its feedback as documented', async () => {
  const inspection = world.inspection;
  const text = Buffer.from(
    '二、整改情况\n(一)类别甲\n1.组一\n(1)问题甲。一是措施一。二是措施二。\n(2)问题乙。一是措施三。',
  );
  const preview = await upload(world, `/inspections/${inspection}/imports/document`, 'office', 'plan.md', text);
  expect(preview.status).toBe(201);
  expect(
    schemaProblems(
      document,
      responseSchema(document, 'POST /api/inspections/{id}/imports/document', 201),
      preview.body,
    ),
  ).toEqual([]);
  await expectDocumented('GET /api/imports/{id}', `/imports/${preview.body.id}`, 'office', 200);
  await expectDocumented(
    'PUT /api/imports/documents/{id}/structure',
    `/imports/documents/${preview.body.id}/structure`,
    'office',
    200,
    { sections: preview.body.content.sections },
  );
  const ledger = await call(world, 'GET', `/inspections/${inspection}/ledger.xlsx`, 'office');
  const ledgerPreview = await upload(
    world,
    `/inspections/${inspection}/imports/ledger`,
    'office',
    '台账.xlsx',
    ledger.raw,
  );
  expect(ledgerPreview.status).toBe(201);
  expect(
    schemaProblems(
      document,
      responseSchema(document, 'POST /api/inspections/{id}/imports/ledger', 201),
      ledgerPreview.body,
    ),
  ).toEqual([]);
  await expectDocumented('GET /api/imports/{id}', `/imports/${ledgerPreview.body.id}`, 'office', 200);

  await expectDocumented('POST /api/inspections/{id}/records', `/inspections/${inspection}/records`, 'office', 201, {
    kind: 'meeting',
    title: '调度会议',
    heldOn: '2025-03-01',
  });
  await expectDocumented('GET /api/inspections/{id}/records', `/inspections/${inspection}/records`, 'office', 200);
  const corrected = await call(world, 'POST', `/inspections/${inspection}/records`, 'office', {
    kind: 'rule',
    title: '制度',
  });
  await expectDocumented('PATCH /api/records/{id}', `/records/${corrected.body.id}`, 'office', 200, {
    title: '整改资金管理办法',
    heldOn: null,
  });
  expect((await call(world, 'DELETE', `/records/${corrected.body.id}`, 'office')).status).toBe(204);
  const notice = await expectDocumented(
    'POST /api/inspections/{id}/notice',
    `/inspections/${inspection}/notice`,
    'office',
    201,
  );
  await expectDocumented('PUT /api/notices/{id}', `/notices/${notice.id}`, 'office', 200, {
    contact: { phone: '0563-1234567' },
  });
  await expectDocumented('GET /api/notices/{id}/preview', `/notices/${notice.id}/preview`, 'office', 200);
  await expectDocumented('GET /api/notices/{id}/publish-check', `/notices/${notice.id}/publish-check`, 'office', 200);
  await expectDocumented('POST /api/notices/{id}/publish', `/notices/${notice.id}/publish`, 'office', 200);
  await expectDocumented('GET /api/notices/{id}/versions', `/notices/${notice.id}/versions`, 'office', 200);
  await expectDocumented('POST /api/inspections/{id}/notice', `/inspections/${inspection}/notice`, 'office', 201);
  await expectDocumented(
    'GET /api/public/notices/{id}/content.json',
    `/public/notices/${notice.id}/content.json`,
    null,
    200,
  );
  await expectDocumented('POST /api/public/notices/{id}/feedback', `/public/notices/${notice.id}/feedback`, null, 201, {
    name: '群众',
    content: '建议加快进度',
  });
  await expectDocumented('GET /api/inspections/{id}/feedback', `/inspections/${inspection}/feedback`, 'office', 200);
});

it('answers the administrator as documented', async () => {
  await expectDocumented(
    'POST /api/people/{id}/account/disable',
    `/people/${world.people.spare}/account/disable`,
    'admin',
    200,
  );
  await expectDocumented(
    'POST /api/people/{id}/account/enable',
    `/people/${world.people.spare}/account/enable`,
    'admin',
    200,
  );
  await expectDocumented(
    'POST /api/people/{id}/account/reset-password',
    `/people/${world.people.spare}/account/reset-password`,
    'admin',
    200,
  );
  await expectDocumented(
    'GET /api/admin/account-events',
    `/admin/account-events?personId=${world.people.spare}`,
    'admin',
    200,
  );
  await expectDocumented(
    'GET /api/admin/audit/verify',
    `/admin/audit/verify?inspectionId=${world.inspection}`,
    'admin',
    200,
  );
  await expectDocumented('GET /api/measures/{id}', `/measures/${randomUUID()}`, 'office', 404);
  await expectDocumented('GET /api/measures', '/measures?limit=0', 'office', 400);
  await expectDocumented(
    'GET /api/inspections/{id}/dashboard',
    `/inspections/${world.inspection}/dashboard`,
    null,
    401,
  );
});

it('answers the formal papers as documented: the 督办单 with its status, the report with its 报送', async () => {
  const inspection = world.inspection;
  const supervised = await createMeasure(world, { text: '督办的措施' });
  await actOk(world, supervised, 'assign', 'office');
  await actOk(world, supervised, 'supervise', 'supervisor', { reason: '请说明进度' });
  const notices = await expectDocumented(
    'GET /api/inspections/{id}/supervision-notices',
    `/inspections/${inspection}/supervision-notices`,
    'supervisor',
    200,
  );
  expect(notices.at(-1)).toMatchObject({ measureId: supervised, status: 'open' });
  await expectDocumented(
    'GET /api/supervision-notices/{id}',
    `/supervision-notices/${notices.at(-1).id}`,
    'staff',
    200,
  );
  await expectDocumented('GET /api/inspections/{id}/report', `/inspections/${inspection}/report`, 'office', 200);
  await expectDocumented(
    'POST /api/inspections/{id}/report/versions',
    `/inspections/${inspection}/report/versions`,
    'office',
    201,
  );
  const submitted = await expectDocumented(
    'POST /api/inspections/{id}/report/versions/{version}/submit',
    `/inspections/${inspection}/report/versions/1/submit`,
    'office',
    200,
  );
  expect(submitted).toMatchObject({ version: 1, submittedById: world.people.office });
  await expectDocumented(
    'GET /api/inspections/{id}/report/versions',
    `/inspections/${inspection}/report/versions`,
    'office',
    200,
  );
  const dashboard = await expectDocumented(
    'GET /api/inspections/{id}/dashboard',
    `/inspections/${inspection}/dashboard`,
    'office',
    200,
  );
  expect(dashboard.totals.supervisionIssued).toBeGreaterThanOrEqual(1);
});
