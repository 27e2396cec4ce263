/**
 * The world the hostile-input suites send their requests into: an administrator, an office with
 * every inspection role, a department's staff, and one measure in the right stage for each action
 * (built through the API, as the authorisation matrix builds its own), so a refusal is about the
 * input and never about who asks or when.
 */
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActionName, ACTION_ROLES, MeasureRole } from '@rectiflow/domain';
import { createAdmin, TEST_PASSWORD, TestApi } from './http';
import { fastPolicy, startApi, startWorker, TEST_AUTH, waitFor } from './stack';

export type Who = 'admin' | 'office' | 'reviewer' | 'leader' | 'groupHead' | 'supervisor' | 'staff' | 'coop' | 'spare';

export interface World {
  api: { app: INestApplication; url: string };
  worker: INestApplicationContext;
  client: TestApi;
  people: Record<Who, string>;
  ids: Record<string, string>;
  /** The measure each action is tried on, in a stage that allows it. */
  measures: Record<ActionName, string>;
  /** A body each action accepts on its measure (the hostile values replace one field of it). */
  bodies: Record<ActionName, () => Record<string, unknown>>;
  /** Who takes each action (a role the action allows). */
  actors: Record<ActionName, Who>;
}

const WHO_FOR_ROLE: Record<MeasureRole, Who> = {
  office: 'office',
  staff: 'staff',
  cooperating_staff: 'coop',
  reviewer: 'reviewer',
  responsible_leader: 'leader',
  group_head: 'groupHead',
  supervisor: 'supervisor',
};

export async function buildWorld(dataSource: DataSource, taskQueue: string): Promise<World> {
  // Public feedback is throttled to 5 per address in 10 minutes; the hostile cases send hundreds.
  const api = await startApi(taskQueue, { auth: { ...TEST_AUTH, feedbackPerTenMinutes: 1_000_000 } });
  const worker = await startWorker(taskQueue);
  const client = new TestApi(api.url);
  const tag = randomUUID().slice(0, 8);
  const people = { admin: await createAdmin(dataSource, client) } as Record<Who, string>;
  const ids: Record<string, string> = {};
  const departments = await client.call('POST', '/departments/bulk', people.admin, {
    departments: [{ name: `敌意甲-${tag}` }, { name: `敌意乙-${tag}` }],
  });
  [ids.departmentA, ids.departmentB] = departments.body.map((department: { id: string }) => department.id);
  for (const who of ['office', 'reviewer', 'leader', 'groupHead', 'supervisor', 'staff', 'coop', 'spare'] as const) {
    const username = `hostile-${who.toLowerCase()}-${tag}`;
    const created = await client.call('POST', '/people', people.admin, {
      name: who,
      username,
      password: TEST_PASSWORD,
      ...(who === 'staff' ? { departmentId: ids.departmentA } : {}),
      ...(who === 'coop' ? { departmentId: ids.departmentB } : {}),
    });
    people[who] = created.body.id;
    await client.signIn(people[who], username);
  }
  const inspection = await client.call('POST', '/inspections', people.admin, {
    title: `敌意输入-${tag}`,
    kind: 'xuncha',
    inspectingBody: '巡察组',
    inspectedUnit: '被巡察单位',
    policy: fastPolicy({ lookBackAfter: 'PT1S', reopenableFor: 'PT1H' }),
  });
  ids.inspection = inspection.body.id;
  await client.call('POST', `/inspections/${ids.inspection}/roles`, people.admin, {
    roles: [
      { personId: people.office, role: 'office' },
      { personId: people.reviewer, role: 'reviewer' },
      { personId: people.groupHead, role: 'group_head' },
      { personId: people.supervisor, role: 'supervisor' },
    ],
  });

  let keys = 0;
  let counter = 0;
  const act = async (measure: string, action: ActionName, body: Record<string, unknown>) => {
    const who = WHO_FOR_ROLE[ACTION_ROLES[action][0]];
    const reply = await client.call('POST', `/measures/${measure}/actions/${action}`, people[who], body, {
      'Idempotency-Key': `world-${++keys}`,
    });
    if (reply.status !== 200) throw new Error(`${action} by ${who}: ${reply.status} ${JSON.stringify(reply.body)}`);
  };
  const newMeasure = async (kind = 'deadline') => {
    counter += 1;
    const reply = await client.call('POST', `/inspections/${ids.inspection}/problems`, people.office, {
      number: counter,
      title: `敌意问题${counter}`,
      measures: [
        {
          text: `敌意措施${counter}`,
          kind,
          leadDepartmentId: ids.departmentA,
          responsibleLeaderId: people.leader,
          dueAt: '2099-06-30',
        },
      ],
    });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    return reply.body.measures[0].id as string;
  };
  const evidence = async (measure: string) => {
    const reply = await client.upload(
      `/measures/${measure}/evidence`,
      people.staff,
      '纪要.pdf',
      Buffer.from('%PDF-1.4 敌意'),
      'application/pdf',
    );
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    return reply.body.id as string;
  };
  /** Takes a fresh measure through the given actions (each by a role it allows). */
  const measureAfter = async (
    steps: [ActionName, Record<string, unknown> | ((measure: string) => Promise<Record<string, unknown>>)][],
    kind = 'deadline',
  ) => {
    const measure = await newMeasure(kind);
    for (const [action, body] of steps)
      await act(measure, action, typeof body === 'function' ? await body(measure) : body);
    return measure;
  };
  const submitted = async (measure: string) => ({ summary: '已完成', evidenceIds: [await evidence(measure)] });

  const [reassign, changeDeadline, editText, voidMeasure, claim, urge] = await Promise.all(
    [1, 2, 3, 4, 5, 6].map(() => measureAfter([['assign', {}]])),
  );
  const contribute = await measureAfter([['assign', { cooperatingDepartmentIds: [ids.departmentB] }]]);
  const answerSupervision = await measureAfter([
    ['assign', {}],
    ['supervise', { reason: '进度滞后' }],
  ]);
  const closeSupervision = await measureAfter([
    ['assign', {}],
    ['supervise', { reason: '进度滞后' }],
    ['answer_supervision', { text: '已回复' }],
  ]);
  const reopen = await measureAfter([
    ['assign', {}],
    ['submit_evidence', submitted],
    ['review', { decision: 'approve' }],
    ['sign_off', { decision: 'approve' }],
    ['record_look_back', { result: 'holds' }],
  ]);
  const [assign, rectify, extensionRequest, extension, review, signoff, lookback, ongoing, ongoing2, supervise] =
    await Promise.all([
      measureAfter([]),
      measureAfter([['assign', {}]]),
      measureAfter([['assign', {}]]),
      measureAfter([
        ['assign', {}],
        ['request_extension', { requestedDueAt: '2099-12-31T00:00:00Z', reason: '审批中' }],
      ]),
      measureAfter([
        ['assign', {}],
        ['submit_evidence', submitted],
      ]),
      measureAfter([
        ['assign', {}],
        ['submit_evidence', submitted],
        ['review', { decision: 'approve' }],
      ]),
      measureAfter([
        ['assign', {}],
        ['submit_evidence', submitted],
        ['review', { decision: 'approve' }],
        ['sign_off', { decision: 'approve' }],
      ]),
      measureAfter([['assign', {}]], 'ongoing'),
      // 结束长期坚持 is offered once the measure has reported.
      measureAfter(
        [
          ['assign', {}],
          ['report_progress', { summary: '第一期进展' }],
        ],
        'ongoing',
      ),
      measureAfter([['assign', {}]]),
    ]);
  ids.read = rectify;
  ids.evidence = await evidence(rectify);
  // Its own file for DELETE /evidence/{id}: withdrawing the shared one would change the other cases.
  ids.withdrawable = await evidence(rectify);
  ids.problem = (await client.call('GET', `/measures/${rectify}`, people.office)).body.problemId;
  const measures: Record<ActionName, string> = {
    assign,
    submit_evidence: rectify,
    report_progress: ongoing,
    request_extension: extensionRequest,
    decide_extension: extension,
    review,
    sign_off: signoff,
    record_look_back: lookback,
    conclude: ongoing2,
    supervise,
    reassign,
    change_deadline: changeDeadline,
    edit_text: editText,
    void: voidMeasure,
    reopen,
    claim,
    contribute,
    urge,
    answer_supervision: answerSupervision,
    close_supervision: closeSupervision,
  };
  const bodies: Record<ActionName, () => Record<string, unknown>> = {
    assign: () => ({
      leadDepartmentId: ids.departmentA,
      cooperatingDepartmentIds: [ids.departmentB],
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30T00:00:00Z',
    }),
    submit_evidence: () => ({ summary: '已完成', evidenceIds: [ids.evidence] }),
    report_progress: () => ({ summary: '本月进展', evidenceIds: [] }),
    request_extension: () => ({ requestedDueAt: '2099-12-31T00:00:00Z', reason: '需要时间' }),
    decide_extension: () => ({ approve: false, reason: '不同意' }),
    review: () => ({ decision: 'reject', reason: '材料不全' }),
    sign_off: () => ({ decision: 'return', reason: '退回' }),
    record_look_back: () => ({ result: 'rebound', note: '反弹', newDueAt: '2099-06-30T00:00:00Z' }),
    conclude: () => ({ note: '转入常态' }),
    supervise: () => ({ reason: '进度滞后' }),
    reassign: () => ({ cooperatingDepartmentIds: [ids.departmentB], reason: '职能调整' }),
    change_deadline: () => ({ dueAt: '2099-03-31T00:00:00Z', reason: '上级要求', approvedById: people.leader }),
    edit_text: () => ({ text: '修订后的措施' }),
    void: () => ({ reason: '与其他措施合并' }),
    reopen: () => ({ reason: '问题反弹', dueAt: '2099-06-30T00:00:00Z' }),
    // 领办 happens once per measure, and its note is optional (blank means none): the body has only what it needs.
    claim: () => ({}),
    contribute: () => ({ summary: '配合材料', evidenceIds: [] }),
    urge: () => ({ message: '请抓紧办理' }),
    answer_supervision: () => ({ text: '已按要求办理', evidenceIds: [] }),
    close_supervision: () => ({ decision: 'return', reason: '回复不完整' }),
  };
  const actors = Object.fromEntries(
    Object.entries(ACTION_ROLES).map(([action, roles]) => [action, WHO_FOR_ROLE[roles[0]]]),
  ) as Record<ActionName, Who>;
  await waitFor(
    async () => (await client.call('GET', `/measures/${lookback}`, people.office)).body.lookBackDue,
    'the look-back to fall due',
  );

  const draft = await client.upload(
    `/inspections/${ids.inspection}/imports/document`,
    people.office,
    'plan.md',
    Buffer.from('二、整改\n(2001)问题。一是措施。'),
    'text/markdown',
  );
  ids.documentDraft = draft.body.id;
  ids.documentSections = JSON.stringify(draft.body.content.sections);
  ids.ledgerTemplate = (await client.call('GET', '/imports/ledger-template.xlsx', people.office)).raw.toString(
    'base64',
  );
  const ledger = await client.upload(
    `/inspections/${ids.inspection}/imports/ledger`,
    people.office,
    '台账.xlsx',
    Buffer.from(ids.ledgerTemplate, 'base64'),
  );
  ids.ledgerDraft = ledger.body.id;
  // A 督办单 on a measure of its own (the supervise measure above stays for its hostile cases).
  const supervised = await measureAfter([
    ['assign', {}],
    ['supervise', { reason: '督办单的敌意输入' }],
  ]);
  const notices = await client.call('GET', `/inspections/${ids.inspection}/supervision-notices`, people.supervisor);
  ids.supervisionNotice = notices.body.find((item: { measureId: string }) => item.measureId === supervised)?.id;
  if (!ids.supervisionNotice) throw new Error(`no 督办单 listed: ${JSON.stringify(notices.body)}`);
  ids.record = (
    await client.call('POST', `/inspections/${ids.inspection}/records`, people.office, {
      kind: 'meeting',
      title: '调度会',
    })
  ).body.id;
  ids.notice = (await client.call('POST', `/inspections/${ids.inspection}/notice`, people.office)).body.id;
  await client.call('POST', `/notices/${ids.notice}/publish`, people.office);
  await client.call('POST', `/public/notices/${ids.notice}/feedback`, null, { content: '意见' });
  ids.feedback = (await client.call('GET', `/inspections/${ids.inspection}/feedback`, people.office)).body.items[0].id;
  ids.notification = (await client.call('GET', '/notifications', people.staff)).body.items[0].id;
  return { api, worker, client, people, ids, measures, bodies, actors };
}
