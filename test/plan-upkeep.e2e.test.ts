/**
 * Keeping the plan up to date through the measures' workflows, over HTTP against the real stack:
 * 交办 with content, 调整责任 moving visibility and telling both sides, 调整时限 keeping the
 * original deadline, 修改措施, 作废 leaving every count, batch 交办, deletion before 交办 and a
 * problem's title, each recorded; and the done rule counting a measure at 销号.
 */
import {
  actOk,
  act,
  buildWorld,
  call,
  createMeasure,
  createProblem,
  measureAt,
  startStack,
  World,
} from './support/world';

type People = 'office' | 'reviewer' | 'leader' | 'leader2' | 'head' | 'staffA' | 'clerkA' | 'staffB';
let world: World<People, 'departmentA' | 'departmentB'>;
const tag = Date.now().toString(36);

const inbox = async (who: string) =>
  (await call(world, 'GET', '/notifications', who)).body.items as { kind: string; body: string; measureId: string }[];

beforeAll(async () => {
  world = await buildWorld(await startStack('plan-upkeep'), {
    departments: { departmentA: `甲局-${tag}`, departmentB: `乙局-${tag}` },
    people: {
      office: { name: '整改办', roles: 'office' },
      reviewer: { name: '审核人', roles: 'reviewer' },
      leader: '责任领导',
      leader2: '分管领导',
      head: { name: '组长', roles: 'group_head' },
      staffA: { name: '甲局经办', department: 'departmentA' },
      clerkA: { name: '甲局承办人', department: 'departmentA' },
      staffB: { name: '乙局经办', department: 'departmentB' },
    },
    inspection: { title: `计划维护-${tag}` },
  });
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

describe('交办 with content', () => {
  it('carries 承办人, 交办要求 and a confirmed deadline; the 承办人 is told and sees the measure', async () => {
    const measure = await createMeasure(world, { responsibleLeaderId: world.people.leader });
    await actOk(world, measure, 'assign', 'office', {
      assigneeId: world.people.clerkA,
      instructions: '每月5日前报送进展。',
      dueAt: '2099-09-30',
      coLeaderIds: [world.people.leader2],
    });
    const detail = (await call(world, 'GET', `/measures/${measure}`, 'clerkA')).body;
    expect(detail).toMatchObject({
      assigneeId: world.people.clerkA,
      assigneeName: '甲局承办人',
      instructions: '每月5日前报送进展。',
      coLeaderNames: ['分管领导'],
      dueAt: '2099-09-30T15:59:59.000Z',
      originalDueAt: '2099-09-30T15:59:59.000Z',
    });
    const told = (await inbox('clerkA')).filter((item) => item.measureId === measure && item.kind === 'assignment');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('交办要求:每月5日前报送进展。');
    expect(told[0].body).not.toContain('。。');
    expect((await call(world, 'GET', `/measures/${measure}`, 'leader2')).status).toBe(200);
  });

  it('refuses a 承办人 outside the lead department and a deadline before today, naming the field', async () => {
    const measure = await createMeasure(world);
    const outsider = await act(world, measure, 'assign', 'office', { assigneeId: world.people.staffB });
    expect(outsider.status).toBe(400);
    expect(outsider.body.reason).toEqual({ code: 'ASSIGNEE_OUTSIDE_LEAD', params: { name: '乙局经办' } });
    expect(outsider.body.message).toMatch(/assigneeId names 乙局经办, who does not work in the lead department/);
    const past = await act(world, measure, 'assign', 'office', { dueAt: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/dueAt must not be before today/);
    expect(past.body.reason).toEqual({ code: 'DATE_BEFORE_TODAY', params: { field: 'dueAt' } });
    expect((await call(world, 'GET', `/measures/${measure}`, 'office')).body.stage).toBe('assign');
  });
});

describe('调整责任 (reassign)', () => {
  it('moves the measure to the new department: the old one loses sight of it, both are told', async () => {
    const measure = await measureAt(world, 'rectify');
    expect((await call(world, 'GET', `/measures/${measure}`, 'staffA')).status).toBe(200);
    await actOk(world, measure, 'reassign', 'office', {
      leadDepartmentId: world.departments.departmentB,
      reason: '职能划转',
    });
    expect((await call(world, 'GET', `/measures/${measure}`, 'staffA')).status).toBe(404);
    const moved = await call(world, 'GET', `/measures/${measure}`, 'staffB');
    expect(moved.status).toBe(200);
    expect(moved.body.leadDepartmentId).toBe(world.departments.departmentB);
    const kinds = async (who: string) =>
      (await inbox(who)).filter((item) => item.measureId === measure).map((item) => item.kind);
    expect(await kinds('staffA')).toContain('released');
    expect(await kinds('staffB')).toContain('reassigned');
    const timeline = (await call(world, 'GET', `/measures/${measure}/timeline`, 'office')).body as {
      action: string;
      detail: Record<string, unknown>;
    }[];
    const entry = timeline.find((row) => row.action === 'reassign')!;
    expect(entry.detail).toMatchObject({
      reason: '职能划转',
      previous: { leadDepartmentId: world.departments.departmentA },
      participants: { leadDepartmentId: world.departments.departmentB },
    });
  });

  it('refuses the same owners, an unknown department and a missing reason, changing nothing', async () => {
    const measure = await measureAt(world, 'rectify');
    const same = await act(world, measure, 'reassign', 'office', {
      leadDepartmentId: world.departments.departmentA,
      reason: '重复',
    });
    expect([same.status, same.body.message]).toEqual([400, expect.stringMatching(/already has these owners/)]);
    expect(same.body.reason).toEqual({ code: 'NOTHING_TO_CHANGE', params: {} });
    const unknown = await act(world, measure, 'reassign', 'office', {
      leadDepartmentId: '00000000-0000-4000-8000-000000000000',
      reason: '调整',
    });
    expect([unknown.status, unknown.body.message]).toEqual([
      400,
      expect.stringMatching(/leadDepartmentId names no department/),
    ]);
    const bare = await act(world, measure, 'reassign', 'office', { leadDepartmentId: world.departments.departmentB });
    expect([bare.status, bare.body.message]).toEqual([400, 'reason is required']);
    expect(bare.body.reason).toEqual({ code: 'FIELD_REQUIRED', params: { field: 'reason' } });
    const staff = await act(world, measure, 'reassign', 'staffA', {
      leadDepartmentId: world.departments.departmentB,
      reason: '想换',
    });
    expect(staff.status).toBe(403);
    expect(staff.body.reason).toEqual({ code: 'ROLE_NEEDED', params: { action: 'reassign', roles: ['office'] } });
    expect((await call(world, 'GET', `/measures/${measure}`, 'office')).body.leadDepartmentId).toBe(
      world.departments.departmentA,
    );
  });
});

describe('调整时限 (change_deadline)', () => {
  it('keeps the original deadline through two changes; the office needs the leader named, the group head not', async () => {
    const measure = await measureAt(world, 'rectify', { dueAt: '2099-06-30' });
    const withoutConsent = await act(world, measure, 'change_deadline', 'office', {
      dueAt: '2099-08-31',
      reason: '调整',
    });
    expect(withoutConsent.status).toBe(400);
    expect(withoutConsent.body.message).toMatch(/approvedById must name the responsible leader/);
    await actOk(world, measure, 'change_deadline', 'office', {
      dueAt: '2099-08-31',
      reason: '上级要求',
      approvedById: world.people.leader,
    });
    await actOk(world, measure, 'change_deadline', 'head', { dueAt: '2099-10-31', reason: '再次调整' });
    const detail = (await call(world, 'GET', `/measures/${measure}`, 'office')).body;
    expect(detail.originalDueAt).toBe('2099-06-30T15:59:59.000Z');
    expect(detail.dueAt).toBe('2099-10-31T15:59:59.000Z');
    expect(detail.stageDueAt).toBe('2099-10-31T15:59:59.000Z');
    const told = (await inbox('staffA')).filter(
      (item) => item.measureId === measure && item.kind === 'deadline_changed',
    );
    expect(told.map((item) => item.body)).toEqual(
      expect.arrayContaining([expect.stringContaining('由 2099-06-30 调整为 2099-08-31')]),
    );
  });
});

describe('调整时限 of the kind (措施类型)', () => {
  it('reaches the read model, the ledger and its export, and the notice names the kind, not an unmoved deadline', async () => {
    const text = `改为长期坚持的措施-${tag}`;
    const measure = await measureAt(world, 'rectify', { text, dueAt: '2099-06-15' });
    await actOk(world, measure, 'change_deadline', 'head', { kind: 'ongoing', reason: '需长期坚持' });
    expect((await call(world, 'GET', `/measures/${measure}`, 'office')).body).toMatchObject({
      kind: 'ongoing',
      dueAt: '2099-06-15T15:59:59.000Z',
    });
    const ledger = await call(world, 'GET', `/measures?inspectionId=${world.inspection}&limit=500`, 'office');
    expect(ledger.body.items.find((item: { id: string }) => item.id === measure)).toMatchObject({ kind: 'ongoing' });
    const csv = (await call(world, 'GET', `/inspections/${world.inspection}/ledger.csv`, 'office')).body as string;
    const line = csv.split('\r\n').find((row) => row.includes(text))!;
    expect(line.split(',')).toEqual(expect.arrayContaining(['长期坚持']));
    expect(line.split(',')).not.toContain('限期整改');
    const told = (await inbox('staffA')).filter(
      (item) => item.measureId === measure && item.kind === 'deadline_changed',
    );
    expect(told.map((item) => item.body)).toEqual([expect.stringContaining('措施类型由 限期整改 调整为 长期坚持')]);
    expect(told[0].body).not.toContain('整改时限由');
  });
});

describe('修改措施, 作废, deletion and the problem title', () => {
  it('edits the text, the earlier wording in the trail', async () => {
    const measure = await measureAt(world, 'rectify', { text: '原措施文字' });
    await actOk(world, measure, 'edit_text', 'office', { text: '修订后的措施文字', reason: '表述更准确' });
    expect((await call(world, 'GET', `/measures/${measure}`, 'staffA')).body.text).toBe('修订后的措施文字');
    const timeline = (await call(world, 'GET', `/measures/${measure}/timeline`, 'office')).body as {
      action: string;
      detail: Record<string, unknown>;
    }[];
    expect(timeline.find((row) => row.action === 'edit_text')?.detail).toMatchObject({
      previousText: '原措施文字',
      text: '修订后的措施文字',
      reason: '表述更准确',
    });
    await actOk(world, measure, 'edit_text', 'office', { text: '第三稿', reason: '再改' });
    const again = (await call(world, 'GET', `/measures/${measure}/timeline`, 'office')).body as {
      action: string;
      detail: Record<string, unknown>;
    }[];
    expect(again.filter((row) => row.action === 'edit_text').map((row) => row.detail.previousText)).toEqual(
      expect.arrayContaining(['原措施文字', '修订后的措施文字']),
    );
  });

  it('a voided measure leaves every count and takes no further action', async () => {
    const inspection = world.inspection;
    const before = (await call(world, 'GET', `/inspections/${inspection}/dashboard`, 'office')).body.totals;
    const counts = (await call(world, 'GET', `/inspections/${inspection}`, 'office')).body.counts;
    const measure = await measureAt(world, 'rectify');
    const bare = await act(world, measure, 'void', 'office', {});
    expect([bare.status, bare.body.message]).toEqual([400, 'reason is required']);
    await actOk(world, measure, 'void', 'office', { reason: '与其他措施重复' });
    const after = (await call(world, 'GET', `/inspections/${inspection}/dashboard`, 'office')).body.totals;
    expect(after.measures).toBe(before.measures);
    expect(after.voided).toBe(before.voided + 1);
    expect((await call(world, 'GET', `/inspections/${inspection}`, 'office')).body.counts.measures).toBe(
      counts.measures,
    );
    const detail = (await call(world, 'GET', `/measures/${measure}`, 'office')).body;
    expect([detail.stage, detail.allowedActions]).toEqual(['voided', []]);
    const late = await act(world, measure, 'supervise', 'office', { reason: '督办' });
    expect([late.status, late.body.reason]).toEqual([
      409,
      { code: 'STAGE_NOT_ALLOWED', params: { action: 'supervise', stage: 'voided', allowed: [] } },
    ]);
  });

  it('deletes a measure only before 交办, and records it and a problem retitled', async () => {
    const problem = await createProblem(world, { measures: [{ text: '待删除的措施' }, {}] });
    const [doomed, kept] = problem.measures.map((measure) => measure.id);
    const added = await call(world, 'POST', `/problems/${problem.id}/measures`, 'office', {
      text: '新增的措施',
      kind: 'deadline',
      leadDepartmentId: world.departments.departmentA,
      responsibleLeaderId: world.people.leader,
      dueAt: '2099-06-30',
    });
    expect(added.status).toBe(201);
    await actOk(world, kept, 'assign', 'office');
    expect((await call(world, 'DELETE', `/measures/${kept}`, 'office')).status).toBe(409);
    expect((await call(world, 'DELETE', `/measures/${doomed}`, 'staffA')).status).toBe(403);
    expect((await call(world, 'DELETE', `/measures/${doomed}`, 'office')).status).toBe(204);
    expect((await call(world, 'GET', `/measures/${doomed}`, 'office')).status).toBe(404);
    const retitled = await call(world, 'PATCH', `/problems/${problem.id}`, 'office', {
      title: '新标题',
      reason: '准确',
    });
    expect([retitled.status, retitled.body]).toEqual([200, expect.objectContaining({ title: '新标题' })]);
    const changes = (
      await call(world, 'GET', `/inspections/${world.inspection}/plan-changes?problemId=${problem.id}`, 'office')
    ).body as { action: string; detail: Record<string, unknown> }[];
    expect(changes.map((change) => change.action)).toEqual(['problem.edit', 'measure.delete', 'measure.add']);
    expect(changes[0].detail).toMatchObject({ after: '新标题', reason: '准确' });
    expect(changes[1].detail).toMatchObject({ text: '待删除的措施' });
    expect(changes[2]).toMatchObject({ measureId: added.body.id, detail: { number: 3, text: '新增的措施' } });
  });
});

describe('batch 交办 and the done rule', () => {
  it('hands out a selection in one request, a result per measure, repeatable without acting twice', async () => {
    const problem = await createProblem(world, { measures: [{}, {}, {}] });
    const ids = problem.measures.map((measure) => measure.id);
    await actOk(world, ids[2], 'assign', 'office');
    const body = { measureIds: ids, instructions: '按期完成', dueAt: '2099-12-31' };
    const first = await call(world, 'POST', '/batch-actions/assign', 'office', body, { 'Idempotency-Key': `b-${tag}` });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(first.body.results.map((row: { status: number }) => row.status)).toEqual([200, 200, 409]);
    const again = await call(world, 'POST', '/batch-actions/assign', 'office', body, { 'Idempotency-Key': `b-${tag}` });
    expect(again.body.results.map((row: { result?: { duplicate?: boolean } }) => row.result?.duplicate)).toEqual([
      true,
      true,
      undefined,
    ]);
    const staff = await call(world, 'POST', '/batch-actions/assign', 'staffA', body, { 'Idempotency-Key': `c-${tag}` });
    expect(staff.body.results.map((row: { status: number }) => row.status)).toEqual([409, 409, 409]);
  });

  it('counts a measure as 已完成 right after 销号, on the dashboard and in the ledger filter', async () => {
    const dashboard = async () =>
      (await call(world, 'GET', `/inspections/${world.inspection}/dashboard`, 'office')).body;
    const before = (await dashboard()).totals.done;
    const measure = await measureAt(world, 'signoff', { staff: 'staffA' });
    await actOk(world, measure, 'sign_off', 'leader', { decision: 'approve' });
    const after = await dashboard();
    expect(after.totals.done).toBe(before + 1);
    expect(after.totals.completionRate).toBeCloseTo(after.totals.done / after.totals.measures);
    const done = await call(
      world,
      'GET',
      `/measures?inspectionId=${world.inspection}&progress=done&limit=500`,
      'office',
    );
    expect(done.body.items.map((item: { id: string }) => item.id)).toContain(measure);
  });
});
