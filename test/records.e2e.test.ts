/**
 * The office's records (调度会议, 内部督查, 建章立制, 专项整治) are corrected and linked to measures after
 * they were entered (PATCH /api/records/{id}), and one entered by mistake is deleted; the notice's
 * figures follow. Bad input is refused naming the field and changes nothing. Against the real API and
 * PostgreSQL.
 */
import { fastPolicy } from './support/stack';
import { buildWorld, call, createInspection, createMeasure, startStack, World } from './support/world';

let world: World<'office' | 'reviewer' | 'leader' | 'staff', 'lead'>;
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('records'), {
    departments: { lead: `牵头部门-${tag}` },
    people: {
      office: { name: '办公室', roles: 'office' },
      reviewer: { name: '审核人', roles: 'reviewer' },
      leader: '责任领导',
      staff: { name: '承办人', department: 'lead' },
    },
    inspection: { title: `记录-${tag}`, inspectingBody: '巡察组', inspectedUnit: '单位', policy: fastPolicy() },
  });
});

afterAll(async () => {
  await world?.stop();
});

type RecordRow = { id: string; kind: string; title: string; heldOn: string | null; measureIds: string[] };

const records = async (): Promise<RecordRow[]> =>
  (await call(world, 'GET', `/inspections/${world.inspection}/records`, 'office')).body;

/** The notice's part one as it reads now (its default narrative counts meetings and supervisions). */
async function partOne(): Promise<string> {
  const notice = (await call(world, 'POST', `/inspections/${world.inspection}/notice`, 'office')).body;
  const preview = (await call(world, 'GET', `/notices/${notice.id}/preview`, 'office')).body;
  return JSON.stringify(preview.part1);
}

it('corrects a record and its measures, clears its day, and the notice counts it by its new kind', async () => {
  const first = await createMeasure(world);
  const second = await createMeasure(world);
  const created = await call(world, 'POST', `/inspections/${world.inspection}/records`, 'office', {
    kind: 'meeting',
    title: '调度会',
    heldOn: '2026-03-02',
    measureIds: [first],
  });
  expect(created.status).toBe(201);
  expect(await partOne()).toContain('调度会议1次');

  const corrected = await call(world, 'PATCH', `/records/${created.body.id}`, 'office', {
    kind: 'supervision',
    title: '  第一轮内部督查  ',
    measureIds: [first, second, second],
  });
  expect(corrected.status).toBe(200);
  expect(corrected.body).toMatchObject({
    id: created.body.id,
    kind: 'supervision',
    title: '第一轮内部督查',
    heldOn: '2026-03-02',
    measureIds: [first, second],
  });
  expect(await partOne()).toContain('调度会议0次');
  expect(await partOne()).toContain('开展内部督查1次');

  const cleared = await call(world, 'PATCH', `/records/${created.body.id}`, 'office', { heldOn: null, measureIds: [] });
  expect(cleared.status).toBe(200);
  expect(cleared.body).toMatchObject({ heldOn: null, measureIds: [], title: '第一轮内部督查' });
});

it('refuses bad corrections naming the field and keeps the record as it was', async () => {
  const measure = await createMeasure(world);
  const otherInspection = await createInspection(world, { title: `另一轮-${tag}` });
  const foreign = await createMeasure(world, { inspection: otherInspection });
  const created = (
    await call(world, 'POST', `/inspections/${world.inspection}/records`, 'office', {
      kind: 'rule',
      title: '整改资金管理办法',
      measureIds: [measure],
    })
  ).body as RecordRow;

  const cases: [unknown, string, Record<string, unknown>][] = [
    [{}, 'NOTHING_TO_CHANGE', {}],
    [{ measureIds: [measure, foreign] }, 'UNKNOWN_REFERENCE', { field: 'measureIds' }],
    [{ title: '   ' }, 'FIELD_REQUIRED', { field: 'title' }],
    [{ title: '制'.repeat(301) }, 'FIELD_TOO_LONG', { field: 'title', limit: 300 }],
    [{ kind: 'party' }, 'FIELD_INVALID', { field: 'kind' }],
    [{ heldOn: '2026-02-30' }, 'FIELD_INVALID', { field: 'heldOn' }],
    [{ measureIds: ['not-a-uuid'] }, 'FIELD_INVALID', { field: 'measureIds' }],
    [{ inspectionId: otherInspection }, 'FIELD_UNKNOWN', { field: 'inspectionId' }],
    // Null clears only the day; a record keeps its kind and title, and an empty list unlinks (null answered 500 before).
    [{ title: null }, 'FIELD_REQUIRED', { field: 'title' }],
    [{ kind: null }, 'FIELD_REQUIRED', { field: 'kind' }],
    [{ measureIds: null }, 'FIELD_REQUIRED', { field: 'measureIds' }],
  ];
  for (const [body, code, params] of cases) {
    const refused = await call(world, 'PATCH', `/records/${created.id}`, 'office', body);
    expect({ body, status: refused.status, reason: refused.body.reason }).toEqual({
      body,
      status: 400,
      reason: { code, params: expect.objectContaining(params) },
    });
  }
  expect((await records()).find((record) => record.id === created.id)).toEqual(created);
});

it('lets only the office correct or delete, and a deleted record leaves the list and the figures', async () => {
  const created = (
    await call(world, 'POST', `/inspections/${world.inspection}/records`, 'office', {
      kind: 'campaign',
      title: '录错的专项整治',
    })
  ).body as RecordRow;
  for (const who of ['reviewer', 'staff', 'leader'] as const) {
    expect((await call(world, 'PATCH', `/records/${created.id}`, who, { title: '改' })).status).toBe(403);
    expect((await call(world, 'DELETE', `/records/${created.id}`, who)).status).toBe(403);
  }
  expect((await call(world, 'DELETE', `/records/${created.id}`, null)).status).toBe(401);
  expect((await records()).some((record) => record.id === created.id)).toBe(true);

  expect((await call(world, 'DELETE', `/records/${created.id}`, 'office')).status).toBe(204);
  expect((await records()).some((record) => record.id === created.id)).toBe(false);
  const again = await call(world, 'DELETE', `/records/${created.id}`, 'office');
  expect({ status: again.status, reason: again.body.reason }).toEqual({
    status: 404,
    reason: { code: 'NOT_FOUND', params: { entity: 'record' } },
  });
  expect((await call(world, 'PATCH', `/records/${created.id}`, 'office', { title: '改' })).status).toBe(404);
  expect((await call(world, 'PATCH', '/records/not-a-uuid', 'office', { title: '改' })).status).toBe(400);
});
