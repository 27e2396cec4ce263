/**
 * Counting and closing as offices do, over HTTP against the real stack: a measure counts as 已完成
 * on the dashboard, in the ledger filter and in the notice right after 销号, and not after a
 * rebound; a closed measure reopened by the supervisor; a cooperating department's part in the
 * lead's submission; 领办 shown, filtered and counted; batch 催办 telling each owner once; a 回头看 round.
 */
import { randomUUID } from 'node:crypto';
import { actOk, act, buildWorld, call, createProblem, measureAt, startStack, World } from './support/world';

type People = 'office' | 'reviewer' | 'leader' | 'head' | 'supervisor' | 'staff' | 'coop';
let world: World<People, 'lead' | 'coop'>;
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('lived-practice'), {
    departments: { lead: `牵头局-${tag}`, coop: `配合局-${tag}` },
    people: {
      office: { name: '整改办', roles: 'office' },
      reviewer: { name: '审核人', roles: 'reviewer' },
      leader: '责任领导',
      head: { name: '组长', roles: 'group_head' },
      supervisor: { name: '督查', roles: 'supervisor' },
      staff: { name: '牵头经办', department: 'lead' },
      coop: { name: '配合经办', department: 'coop' },
    },
    inspection: { title: `实践-${tag}` },
  });
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

const dashboard = async () => (await call(world, 'GET', `/inspections/${world.inspection}/dashboard`, 'office')).body;
let noticeId: string | undefined;
/** The notice as the public would read it now, from live figures. */
const noticeText = async () => {
  noticeId ??= (await call(world, 'POST', `/inspections/${world.inspection}/notice`, 'office')).body.id;
  const text = await call(world, 'GET', `/notices/${noticeId}/preview?format=txt`, 'office');
  return text.raw.toString('utf8');
};
const inbox = async (who: string) =>
  (await call(world, 'GET', '/notifications', who)).body.items as { kind: string; measureId: string }[];

describe('done is 销号', () => {
  it('counts the measure as done at once after 销号 on the dashboard, in the ledger and the notice; a rebound takes it out', async () => {
    const before = (await dashboard()).totals.done;
    const measure = await measureAt(world, 'signoff');
    await actOk(world, measure, 'sign_off', 'leader', { decision: 'approve' });
    expect((await dashboard()).totals.done).toBe(before + 1);
    const done = await call(
      world,
      'GET',
      `/measures?inspectionId=${world.inspection}&progress=done&limit=500`,
      'office',
    );
    expect(done.body.items.map((item: { id: string }) => item.id)).toContain(measure);
    expect(await noticeText()).toContain(`已完成整改措施${before + 1}项`);
    await actOk(world, measure, 'record_look_back', 'supervisor', { result: 'rebound', note: '问题反弹' });
    expect((await dashboard()).totals.done).toBe(before);
    expect(await noticeText()).toContain(`已完成整改措施${before}项`);
  });
});

describe('重新整改', () => {
  it('the supervisor reopens a closed measure with a reason and a new deadline; the history stays one', async () => {
    const measure = await measureAt(world, 'lookback');
    await actOk(world, measure, 'record_look_back', 'supervisor', { result: 'holds' });
    const closed = (await call(world, 'GET', `/measures/${measure}`, 'supervisor')).body;
    expect([closed.stage, closed.allowedActions]).toEqual(['closed', ['reopen']]);
    const missing = await act(world, measure, 'reopen', 'supervisor', { reason: '群众反映' });
    expect(missing.status).toBe(400);
    await actOk(world, measure, 'reopen', 'supervisor', { reason: '群众反映问题反弹', dueAt: '2099-03-31' });
    const reopened = (await call(world, 'GET', `/measures/${measure}`, 'staff')).body;
    expect(reopened).toMatchObject({ stage: 'rectify', round: 2, dueAt: '2099-03-31T15:59:59.000Z' });
    const timeline = (await call(world, 'GET', `/measures/${measure}/timeline`, 'office')).body as { action: string }[];
    expect(timeline.map((row) => row.action)).toEqual(
      expect.arrayContaining(['assign', 'sign_off', 'record_look_back', 'reopen']),
    );
    expect((await inbox('staff')).some((item) => item.measureId === measure && item.kind === 'reopened')).toBe(true);
  });
});

describe('配合反馈 and 领办', () => {
  it("a cooperating department's part appears in the lead's submission; the leader claims and it is counted", async () => {
    const measure = await measureAt(world, 'assign');
    await actOk(world, measure, 'assign', 'office', { cooperatingDepartmentIds: [world.departments.coop] });
    const coopView = (await call(world, 'GET', `/measures/${measure}`, 'coop')).body;
    expect(coopView.allowedActions).toEqual(['contribute']);
    await actOk(world, measure, 'contribute', 'coop', { summary: '已提供2024年度数据' });
    expect((await inbox('staff')).some((item) => item.measureId === measure && item.kind === 'contribution')).toBe(
      true,
    );
    const claimedBefore = (await dashboard()).totals.claimed;
    await actOk(world, measure, 'claim', 'leader', { note: '亲自领办' });
    const claimed = (await call(world, 'GET', `/measures/${measure}`, 'office')).body;
    expect([claimed.claimedBy, claimed.claimedByName]).toEqual([world.people.leader, '责任领导']);
    expect((await dashboard()).totals.claimed).toBe(claimedBefore + 1);
    const filtered = await call(world, 'GET', `/measures?inspectionId=${world.inspection}&claimed=true`, 'office');
    expect(filtered.body.items.map((item: { id: string }) => item.id)).toContain(measure);
    const work = (await call(world, 'GET', '/my-work', 'leader')).body.groups as {
      action: string;
      items: { id: string }[];
    }[];
    expect(work.find((group) => group.action === 'claim')?.items.map((item) => item.id)).toContain(measure);
    const evidence = await world.client.upload(
      `/measures/${measure}/evidence`,
      world.people.staff,
      '纪要.pdf',
      Buffer.from('%PDF-1.4 纪要'),
      'application/pdf',
    );
    await actOk(world, measure, 'submit_evidence', 'staff', { summary: '已完成', evidenceIds: [evidence.body.id] });
    const timeline = (await call(world, 'GET', `/measures/${measure}/timeline`, 'reviewer')).body as {
      action: string;
      detail: Record<string, unknown>;
    }[];
    expect(timeline.find((row) => row.action === 'submit_evidence')?.detail).toMatchObject({
      contributions: [{ departmentId: world.departments.coop, summary: '已提供2024年度数据' }],
      missingContributions: [],
    });
  });
});

describe('领办 of a whole problem', () => {
  it('claims each open measure of the problem the leader sees, once; the group head then claims what is left', async () => {
    const problem = await createProblem(world, {
      measures: [{}, {}, { responsibleLeaderId: world.people.head }],
    });
    const [first, second, others] = problem.measures.map((measure: { id: string }) => measure.id);
    const claimedBefore = (await dashboard()).totals.claimed;
    const byLeader = await call(world, 'POST', `/problems/${problem.id}/claim`, 'leader', {
      idempotencyKey: `problem-claim-${tag}`,
      note: '亲自领办本问题',
    });
    expect(byLeader.status).toBe(200);
    // The third measure has another responsible leader: this leader does not see it, so it is not his to claim.
    expect(byLeader.body).toMatchObject({ action: 'claim', succeeded: 2, failed: 0 });
    expect(byLeader.body.results.map((result: { measureId: string }) => result.measureId)).toEqual([first, second]);
    for (const id of [first, second])
      expect((await call(world, 'GET', `/measures/${id}`, 'office')).body.claimedBy).toBe(world.people.leader);
    expect((await dashboard()).totals.claimed).toBe(claimedBefore + 2);

    // The same request again (a retry after a timeout) gets the first answer back, and claims nothing twice.
    const repeated = await call(world, 'POST', `/problems/${problem.id}/claim`, 'leader', {
      idempotencyKey: `problem-claim-${tag}`,
      note: '亲自领办本问题',
    });
    expect(repeated.body).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await dashboard()).totals.claimed).toBe(claimedBefore + 2);
    // A new request: his measures answer that they are claimed, with the reason for the screen.
    const again = await call(world, 'POST', `/problems/${problem.id}/claim`, 'leader', {
      idempotencyKey: `problem-claim-again-${tag}`,
    });
    expect(again.body).toMatchObject({
      succeeded: 0,
      failed: 2,
      results: [{ reason: { code: 'ALREADY_CLAIMED' } }, { reason: { code: 'ALREADY_CLAIMED' } }],
    });
    // A staff member of the lead department sees the measure left but may not claim it: refused there, by its workflow.
    const byStaff = await call(world, 'POST', `/problems/${problem.id}/claim`, 'staff', { idempotencyKey: `s-${tag}` });
    expect(byStaff.body).toMatchObject({
      succeeded: 0,
      failed: 1,
      results: [{ measureId: others, status: 403, reason: { code: 'ROLE_NEEDED' } }],
    });
    const byHead = await call(world, 'POST', `/problems/${problem.id}/claim`, 'head', {
      idempotencyKey: `problem-claim-head-${tag}`,
    });
    expect(byHead.body).toMatchObject({ succeeded: 1, failed: 0, results: [{ measureId: others, ok: true }] });
    expect((await call(world, 'GET', `/measures/${others}`, 'office')).body.claimedBy).toBe(world.people.head);
    // Nothing is left for the office to ask for: every open measure is someone else's.
    const none = await call(world, 'POST', `/problems/${problem.id}/claim`, 'office', { idempotencyKey: `o-${tag}` });
    expect({ status: none.status, reason: none.body.reason?.code }).toEqual({ status: 409, reason: 'ALREADY_CLAIMED' });

    const missing = await call(world, 'POST', `/problems/${randomUUID()}/claim`, 'leader', {
      idempotencyKey: `m-${tag}`,
    });
    expect(missing.status).toBe(404);
    const noKey = await call(world, 'POST', `/problems/${problem.id}/claim`, 'head', {});
    expect({ status: noKey.status, reason: noKey.body.reason }).toEqual({
      status: 400,
      reason: { code: 'FIELD_REQUIRED', params: { field: 'idempotencyKey' } },
    });
  });
});

describe('batch work from the ledger', () => {
  it('催办 tells each owner of the selected measures once', async () => {
    const measures = [await measureAt(world, 'rectify'), await measureAt(world, 'rectify')];
    const reply = await call(
      world,
      'POST',
      '/batch-actions/urge',
      'office',
      { measureIds: measures, message: '请于本周内报送' },
      { 'Idempotency-Key': `urge-${tag}` },
    );
    expect(reply.body).toMatchObject({ succeeded: 2, failed: 0 });
    await call(
      world,
      'POST',
      '/batch-actions/urge',
      'office',
      { measureIds: measures, message: '请于本周内报送' },
      {
        'Idempotency-Key': `urge-${tag}`,
      },
    );
    const urged = (await inbox('staff')).filter((item) => item.kind === 'urge' && measures.includes(item.measureId));
    expect(urged.map((item) => item.measureId).sort()).toEqual([...measures].sort());
  });

  it('a 回头看 round records holds and rebound in one request', async () => {
    const [holds, rebounds] = [await measureAt(world, 'lookback'), await measureAt(world, 'lookback')];
    const round = await call(world, 'POST', '/look-back-rounds', 'supervisor', {
      idempotencyKey: `round-${tag}`,
      items: [
        { measureId: holds, result: 'holds' },
        { measureId: rebounds, result: 'rebound', note: '整改不到位' },
      ],
    });
    expect(round.body).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await call(world, 'GET', `/measures/${holds}`, 'office')).body.stage).toBe('closed');
    // A rebound is no longer signed off: no 销号时间 on it, out of 已完成 and the 销号 count.
    expect((await call(world, 'GET', `/measures/${rebounds}`, 'office')).body).toMatchObject({
      stage: 'rectify',
      round: 2,
      signedOffAt: null,
    });
  });
});
