/**
 * Notifications (in-app inbox and e-mail through a local SMTP sink started by the test, sent once
 * even when the projection activity is retried) and the tamper-evident audit trail (an altered or
 * removed row is named by the admin endpoint and by `npm run audit:verify`).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { MeasureProjectionActivities } from '../apps/worker/src/activities/measure-projection.activities';
import { measureWorkflowId, snapshotQuery } from '@rectiflow/workflows/measure.contract';
import { startSmtpSink } from './support/smtp';
import { env, temporalClient, waitFor } from './support/stack';
import {
  actOk,
  buildWorld,
  call,
  createInspection,
  measureAt,
  startStack,
  uploadEvidence,
  World,
} from './support/world';

let world: World<'office' | 'reviewer' | 'leader' | 'head' | 'supervisor' | 'staff', 'departmentA'>;
let dataSource: DataSource;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const mails: { to: string; subject: string }[] = [];
let admin: string;
let people: typeof world.people;
let inspectionId: string;
const tag = Date.now().toString(36);

const inbox = async (person: string) =>
  (await call(world, 'GET', '/notifications', person)).body as {
    unread: number;
    items: { id: string; kind: string; title: string; body: string; measureId: string }[];
  };

beforeAll(async () => {
  smtp = await startSmtpSink((raw, recipients, accept) => {
    const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
    for (const recipient of recipients) mails.push({ to: recipient, subject });
    accept();
  });
  process.env.MAIL_POLL_MS = '200';
  const stack = await startStack('notify', {
    worker: { mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Rectiflow <noreply@test>' } },
  });
  world = await buildWorld(stack, {
    departments: { departmentA: `通知部门-${tag}` },
    people: {
      office: { name: '整改办', roles: 'office' },
      reviewer: { name: '审核人', roles: 'reviewer' },
      leader: { name: '责任领导', email: `leader-${tag}@example.test` },
      head: { name: '组长', roles: 'group_head' },
      supervisor: { name: '督查', roles: 'supervisor' },
      staff: { name: '经办人', department: 'departmentA', email: `staff-${tag}@example.test` },
    },
    inspection: { title: `通知-${tag}`, kind: 'supervision', inspectingBody: '督查组', inspectedUnit: '单位' },
  });
  ({ dataSource, admin, people, inspection: inspectionId } = world);
});

afterAll(async () => {
  await world?.stop();
  await smtp?.close();
});

describe('notifications', () => {
  it('puts an assignment in the inbox of the department and the leader, and e-mails each once', async () => {
    const measure = await measureAt(world, 'rectify');
    const staffInbox = await waitFor(
      async () =>
        (await inbox(people.staff)).items.some((item) => item.measureId === measure) ? inbox(people.staff) : null,
      'the assignment notification',
    );
    expect(staffInbox.unread).toBeGreaterThanOrEqual(1);
    expect(staffInbox.items.find((item) => item.measureId === measure)).toMatchObject({
      kind: 'assignment',
      title: expect.stringContaining('【新交办】'),
    });
    expect(
      (await inbox(people.leader)).items.some((item) => item.measureId === measure && item.kind === 'assignment'),
    ).toBe(true);
    expect((await inbox(people.office)).items.some((item) => item.measureId === measure)).toBe(false);
    await waitFor(
      async () =>
        mails.filter((mail) => mail.to === `staff-${tag}@example.test`).length >= 1 &&
        mails.filter((mail) => mail.to === `leader-${tag}@example.test`).length >= 1,
      'both e-mails',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mails.filter((mail) => mail.to === `staff-${tag}@example.test`)).toHaveLength(1);
    expect(mails.filter((mail) => mail.to === `leader-${tag}@example.test`)).toHaveLength(1);

    const item = staffInbox.items.find((entry) => entry.measureId === measure)!;
    expect((await call(world, 'POST', `/notifications/${item.id}/read`, people.leader)).status).toBe(404);
    expect((await call(world, 'POST', `/notifications/${item.id}/read`, people.staff)).status).toBe(204);
    expect((await call(world, 'GET', '/notifications/unread-count', people.staff)).body.unread).toBe(
      staffInbox.unread - 1,
    );
  });

  it('asks the office to review where the inspection has no reviewer, and tells the supervisor when a look-back falls due', async () => {
    const withoutReviewer = await createInspection(
      world,
      { title: `无审核人-${tag}`, kind: 'audit', inspectingBody: '审计组', inspectedUnit: '单位' },
      { office: 'office', supervisor: 'supervisor' },
    );
    const measure = await measureAt(world, 'review', { inspection: withoutReviewer, summary: '完成' });
    expect(
      (await inbox(people.office)).items.filter((item) => item.measureId === measure).map((item) => item.kind),
    ).toEqual(['review_requested']);
    expect((await inbox(people.reviewer)).items.some((item) => item.measureId === measure)).toBe(false);
    // The actor is never told about their own action: the staff member who submitted hears nothing of it.
    expect(
      (await inbox(people.staff)).items.filter((item) => item.measureId === measure).map((item) => item.kind),
    ).toEqual(['assignment']);
    await actOk(world, measure, 'review', people.office, { decision: 'approve' });
    await actOk(world, measure, 'sign_off', people.leader, { decision: 'approve' });
    await waitFor(
      async () =>
        (await inbox(people.supervisor)).items.some(
          (item) => item.measureId === measure && item.kind === 'look_back_due',
        ),
      'the look-back notice',
    );
  });

  it('tells the submitter about a rejection, with the reason, and the whole chain about a 督办单', async () => {
    const measure = await measureAt(world, 'review', { summary: '完成' });
    expect(
      (await inbox(people.reviewer)).items.some(
        (item) => item.measureId === measure && item.kind === 'review_requested',
      ),
    ).toBe(true);
    await actOk(world, measure, 'review', people.reviewer, { decision: 'reject', reason: '缺少会议纪要' });
    const rejection = (await inbox(people.staff)).items.find(
      (item) => item.measureId === measure && item.kind === 'rejection',
    );
    expect(rejection?.body).toContain('缺少会议纪要');
    await actOk(world, measure, 'supervise', people.supervisor, { reason: '进度严重滞后' });
    for (const person of [people.staff, people.leader, people.head]) {
      expect(
        (await inbox(person)).items.find((item) => item.measureId === measure && item.kind === 'supervision_notice')
          ?.title,
      ).toContain('【督办单】');
    }
    expect((await call(world, 'GET', `/measures/${measure}`, people.office)).body.escalationLevel).toBe(4);
  });

  it('sends nothing twice when the projection activity is retried', async () => {
    const measure = await measureAt(world, 'rectify');
    const { client: temporal, connection } = await temporalClient();
    const { state } = await temporal.workflow.getHandle(measureWorkflowId(measure)).query(snapshotQuery);
    await connection.close();
    const activities = world.worker!.get(MeasureProjectionActivities);
    const event = {
      eventKey: `${measure}:900`,
      measureId: measure,
      inspectionId,
      seq: 900,
      kind: 'action' as const,
      action: 'supervise',
      actorId: people.supervisor,
      idempotencyKey: 'retried',
      fromStage: state.stage,
      toStage: state.stage,
      round: state.round,
      occurredAt: new Date().toISOString(),
      detail: { reason: '重试', notice: '督办单' },
      state: { ...state, escalationLevel: 4 },
      yellowFrom: null,
    };
    // Let the e-mails of earlier tests go out first, so only this event's are counted.
    await waitFor(
      async () =>
        (await dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE email_status = 'pending'`))[0].n ===
        0,
      'earlier e-mails to go out',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mailsBefore = mails.length;
    await activities.projectMeasureEvent(event);
    await activities.projectMeasureEvent(event);
    await activities.projectMeasureEvent(event);
    const rows = await dataSource.query(
      `SELECT recipient_id, count(*)::int AS n FROM notification WHERE dedupe_key LIKE $1 GROUP BY recipient_id`,
      [`${measure}:900:%`],
    );
    expect(rows.map((row: { n: number }) => row.n)).toEqual([1, 1, 1]);
    expect(
      (await dataSource.query('SELECT count(*)::int AS n FROM audit_event WHERE event_key = $1', [`${measure}:900`]))[0]
        .n,
    ).toBe(1);
    await waitFor(async () => mails.length >= mailsBefore + 2, 'the e-mails');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mails.length).toBe(mailsBefore + 2);
  });
});

describe('tamper-evident audit trail', () => {
  const verifyCli = () =>
    promisify(execFile)(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'tools', 'audit-verify.ts')],
      { env: { ...process.env, DATABASE_URL: env().databaseUrl } },
    ).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error) => ({ code: error.code as number, stdout: error.stdout as string }),
    );

  it('chains every row, keeps evidence hashes in the chain, and names the first altered or removed row', async () => {
    const measure = await measureAt(world, 'rectify');
    const upload = await uploadEvidence(
      world,
      measure,
      people.staff,
      '报告.pdf',
      Buffer.from('%PDF-1.4 evidence bytes'),
    );
    await actOk(world, measure, 'submit_evidence', people.staff, { summary: '完成', evidenceIds: [upload.body.id] });
    await actOk(world, measure, 'review', people.reviewer, { decision: 'approve' });
    const rows = await dataSource.query(
      'SELECT id, chain_seq, event_key, action, detail, prev_hash, hash FROM audit_event WHERE inspection_id = $1 ORDER BY chain_seq',
      [inspectionId],
    );
    expect(rows.map((row: { chain_seq: string }) => Number(row.chain_seq))).toEqual(
      rows.map((_: unknown, index: number) => index + 1),
    );
    for (let index = 1; index < rows.length; index += 1) expect(rows[index].prev_hash).toBe(rows[index - 1].hash);
    const submitted = rows.find(
      (row: { event_key: string; action: string }) =>
        row.event_key.startsWith(measure) && row.action === 'submit_evidence',
    );
    expect(submitted.detail.evidence).toEqual([{ id: upload.body.id, sha256: upload.body.sha256 }]);

    const verify = () => call(world, 'GET', `/admin/audit/verify?inspectionId=${inspectionId}`, admin);
    expect((await verify()).body).toMatchObject({ ok: true, rows: rows.length, breaks: [] });
    expect((await verifyCli()).code).toBe(0);

    // Alter the evidence hash recorded in one row.
    const target = rows[rows.length - 2];
    const forged = { ...submitted.detail, evidence: [{ id: upload.body.id, sha256: 'f'.repeat(64) }] };
    await dataSource.query('UPDATE audit_event SET detail = $2 WHERE id = $1', [submitted.id, JSON.stringify(forged)]);
    const altered = await verify();
    expect(altered.body.ok).toBe(false);
    expect(altered.body.breaks[0]).toMatchObject({
      chainSeq: Number(submitted.chain_seq),
      eventKey: submitted.event_key,
      problem: expect.stringMatching(/was altered/),
    });
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`row ${submitted.chain_seq} (${submitted.event_key}, submit_evidence) was altered`);
    await dataSource.query('UPDATE audit_event SET detail = $2 WHERE id = $1', [
      submitted.id,
      JSON.stringify(submitted.detail),
    ]);
    expect((await verify()).body.ok).toBe(true);

    // Remove a row in the middle, then the last one.
    const [[removed]] = await dataSource.query('DELETE FROM audit_event WHERE id = $1 RETURNING *', [target.id]);
    expect((await verify()).body.breaks[0]).toMatchObject({
      chainSeq: Number(target.chain_seq),
      problem: expect.stringMatching(/missing/),
    });
    await dataSource.query(
      `INSERT INTO audit_event (id, event_key, measure_id, inspection_id, seq, kind, action, actor_id, idempotency_key, from_stage, to_stage, round, detail, occurred_at, recorded_at, chain_seq, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        removed.id,
        removed.event_key,
        removed.measure_id,
        removed.inspection_id,
        removed.seq,
        removed.kind,
        removed.action,
        removed.actor_id,
        removed.idempotency_key,
        removed.from_stage,
        removed.to_stage,
        removed.round,
        JSON.stringify(removed.detail),
        removed.occurred_at,
        removed.recorded_at,
        removed.chain_seq,
        removed.prev_hash,
        removed.hash,
      ],
    );
    expect((await verify()).body.ok).toBe(true);
    const last = rows[rows.length - 1];
    const [[lastRow]] = await dataSource.query('DELETE FROM audit_event WHERE id = $1 RETURNING *', [last.id]);
    expect((await verify()).body.breaks[0].problem).toMatch(/last row\(s\) were removed/);
    await dataSource.query(
      `INSERT INTO audit_event (id, event_key, measure_id, inspection_id, seq, kind, action, actor_id, idempotency_key, from_stage, to_stage, round, detail, occurred_at, recorded_at, chain_seq, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        lastRow.id,
        lastRow.event_key,
        lastRow.measure_id,
        lastRow.inspection_id,
        lastRow.seq,
        lastRow.kind,
        lastRow.action,
        lastRow.actor_id,
        lastRow.idempotency_key,
        lastRow.from_stage,
        lastRow.to_stage,
        lastRow.round,
        JSON.stringify(lastRow.detail),
        lastRow.occurred_at,
        lastRow.recorded_at,
        lastRow.chain_seq,
        lastRow.prev_hash,
        lastRow.hash,
      ],
    );
    expect((await verify()).body.ok).toBe(true);
    expect((await call(world, 'GET', '/admin/audit/verify', people.office)).status).toBe(403);
  });
});

describe('bad input', () => {
  it('refuses a disguised executable (415), strips a traversal file name, and keeps script text inert', async () => {
    const measure = await measureAt(world, 'rectify');
    const exe = await uploadEvidence(
      world,
      measure,
      people.staff,
      '整改报告.pdf',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]),
      'application/pdf',
    );
    expect(exe).toMatchObject({ status: 415, body: { message: expect.stringMatching(/executable/) } });
    const fakeDocx = await uploadEvidence(
      world,
      measure,
      people.staff,
      '方案.docx',
      Buffer.from('plain text, not a docx'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(fakeDocx.status).toBe(415);
    const traversal = await uploadEvidence(
      world,
      measure,
      people.staff,
      '../../../etc/passwd.txt',
      Buffer.from('人员名单'),
      'text/plain',
    );
    expect(traversal.status).toBe(201);
    expect(traversal.body.fileName).toBe('passwd.txt');
    const [stored] = await dataSource.query('SELECT sha256 FROM evidence WHERE id = $1', [traversal.body.id]);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const upload = await uploadEvidence(
      world,
      measure,
      people.staff,
      '纪要.pdf',
      Buffer.from('%PDF-1.4'),
      'application/pdf',
    );
    await actOk(world, measure, 'submit_evidence', people.staff, {
      summary: '<img src=x onerror=alert(1)>',
      evidenceIds: [upload.body.id],
    });
    await actOk(world, measure, 'review', people.reviewer, {
      decision: 'reject',
      reason: '<script>alert("x")</script>',
    });
    const timeline = await call(world, 'GET', `/measures/${measure}/timeline`, people.office);
    expect(timeline.type).toContain('application/json');
    expect(timeline.body.find((row: { action: string }) => row.action === 'review').detail.reason).toBe(
      '<script>alert("x")</script>',
    );
    const raw = await fetch(`${world.api.url}/measures/${measure}/timeline`, {
      headers: { authorization: `Bearer ${world.client.tokens.get(people.office)}` },
    });
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
