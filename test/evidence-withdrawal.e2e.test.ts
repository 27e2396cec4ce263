/**
 * A wrong upload can be withdrawn (DELETE /api/evidence/{id}) by the person who uploaded it or the
 * office, while no action names it; a submitted file stays part of the record. Against the real
 * API, workflow and PostgreSQL. Also the two repository rules that keep a race between a withdrawal
 * and a submission harmless, and the audit append's answer for a repeated event.
 */
import { AuditEventRepository, EvidenceRepository } from '@rectiflow/persistence';
import { fastPolicy } from './support/stack';
import { act, actOk, buildWorld, call, measureAt, startStack, uploadEvidence, World } from './support/world';

let world: World<'office' | 'reviewer' | 'leader' | 'staff' | 'colleague' | 'outsider', 'lead' | 'other'>;
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('evidence-withdrawal'), {
    departments: { lead: `牵头部门-${tag}`, other: `其他部门-${tag}` },
    people: {
      office: { name: '办公室', roles: 'office' },
      reviewer: { name: '审核人', roles: 'reviewer' },
      leader: '责任领导',
      staff: { name: '承办人', department: 'lead' },
      colleague: { name: '同事', department: 'lead' },
      outsider: { name: '外人', department: 'other' },
    },
    inspection: { title: `撤回-${tag}`, inspectingBody: '巡察组', inspectedUnit: '单位', policy: fastPolicy() },
  });
});

afterAll(async () => {
  await world?.stop();
});

const listed = async (measureId: string): Promise<string[]> =>
  (await call(world, 'GET', `/measures/${measureId}/evidence`, 'staff')).body.map(
    (item: { fileName: string }) => item.fileName,
  );

it('lets the uploader withdraw an unsubmitted file, refuses everyone else with a reason, and then it cannot be submitted', async () => {
  const measure = await measureAt(world, 'rectify');
  const wrong = (await uploadEvidence(world, measure, 'staff', '传错了.pdf')).body.id;
  expect(await listed(measure)).toContain('传错了.pdf');

  const byColleague = await call(world, 'DELETE', `/evidence/${wrong}`, 'colleague');
  expect(byColleague.status).toBe(403);
  expect(byColleague.body.reason).toEqual({ code: 'EVIDENCE_NOT_UPLOADER', params: {} });
  expect((await call(world, 'DELETE', `/evidence/${wrong}`, 'reviewer')).status).toBe(403);
  expect((await call(world, 'DELETE', `/evidence/${wrong}`, 'outsider')).status).toBe(404);
  expect((await call(world, 'DELETE', `/evidence/${wrong}`, null)).status).toBe(401);
  expect((await call(world, 'DELETE', '/evidence/not-a-uuid', 'staff')).status).toBe(400);
  expect(await listed(measure)).toContain('传错了.pdf');

  expect((await call(world, 'DELETE', `/evidence/${wrong}`, 'staff')).status).toBe(204);
  expect(await listed(measure)).not.toContain('传错了.pdf');
  // Repeating it is harmless (a double click, a retried request).
  expect((await call(world, 'DELETE', `/evidence/${wrong}`, 'staff')).status).toBe(204);
  const submitWithdrawn = await act(world, measure, 'submit_evidence', 'staff', {
    summary: '已完成',
    evidenceIds: [wrong],
  });
  expect(submitWithdrawn.status).toBe(400);
  expect(submitWithdrawn.body.message).toMatch(/names no evidence of this measure/);
  // The bytes stay (they are stored by hash and may be shared): the file still downloads by id.
  expect((await call(world, 'GET', `/evidence/${wrong}/content`, 'staff')).status).toBe(200);
});

it('lets the office withdraw anyone’s unsubmitted file, and keeps a submitted one as part of the record', async () => {
  const measure = await measureAt(world, 'rectify');
  const stray = (await uploadEvidence(world, measure, 'staff', '多余的.pdf')).body.id;
  expect((await call(world, 'DELETE', `/evidence/${stray}`, 'office')).status).toBe(204);
  const kept = (await uploadEvidence(world, measure, 'staff', '整改报告.pdf')).body.id;
  await actOk(world, measure, 'submit_evidence', 'staff', { summary: '已完成', evidenceIds: [kept] });
  for (const who of ['staff', 'office']) {
    const refused = await call(world, 'DELETE', `/evidence/${kept}`, who);
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toEqual({ code: 'EVIDENCE_SUBMITTED', params: { fileName: '整改报告.pdf' } });
  }
  expect(await listed(measure)).toEqual(['整改报告.pdf']);
});

it('lets an action recorded with a file win over a withdrawal that raced it, and appends an audit event once', async () => {
  const measure = await measureAt(world, 'rectify');
  const raced = (await uploadEvidence(world, measure, 'staff', '竞态.pdf')).body.id;
  const evidence = new EvidenceRepository(world.dataSource);
  await world.dataSource.transaction((tx) => evidence.withdraw(raced, world.people.staff, tx));
  expect(await listed(measure)).not.toContain('竞态.pdf');
  // The projection reads the hashes of the files an action names: that takes the withdrawal back.
  const [hash] = await evidence.hashes([raced]);
  expect(hash.id).toBe(raced);
  expect(hash.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(await listed(measure)).toContain('竞态.pdf');

  const audit = new AuditEventRepository(world.dataSource);
  const content = {
    eventKey: `${measure}:9000`,
    measureId: measure,
    inspectionId: world.inspection,
    seq: 9000,
    kind: 'action',
    action: 'report_progress',
    actorId: world.people.staff,
    idempotencyKey: `withdrawal-test-${tag}`,
    fromStage: 'rectify',
    toStage: 'rectify',
    round: 1,
    detail: {},
    occurredAt: new Date().toISOString(),
  } as Parameters<AuditEventRepository['append']>[0];
  expect(await audit.append(content)).toBe(true);
  expect(await audit.append(content)).toBe(false);
  expect((await audit.verifyChains(world.inspection)).breaks).toEqual([]);
});
