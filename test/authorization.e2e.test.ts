/**
 * The authorisation matrix: every endpoint of the OpenAPI document, and every measure action
 * (Workflow Update), tried by every role and by an outsider from another department and by an
 * anonymous caller. Each cell must be allowed or refused as the table says. An endpoint missing
 * from the table fails the suite, so a new endpoint cannot slip in unreviewed.
 * Also: separation of duties (self-review, other departments' measures by id guessing and in lists).
 */
import { randomUUID } from 'node:crypto';
import { ACTIONS } from '@rectiflow/domain';
import { TEST_PASSWORD } from './support/http';
import { fastPolicy, waitFor } from './support/stack';
import {
  actOk,
  buildWorld,
  call,
  createInspection,
  measureAt,
  startStack,
  upload,
  uploadEvidence,
  World,
} from './support/world';

type Role =
  'admin' | 'office' | 'reviewer' | 'leader' | 'groupHead' | 'supervisor' | 'staff' | 'outsider' | 'anonymous';
const ROLES: Role[] = [
  'admin',
  'office',
  'reviewer',
  'leader',
  'groupHead',
  'supervisor',
  'staff',
  'outsider',
  'anonymous',
];
const SIGNED_IN: Role[] = ROLES.filter((role) => role !== 'anonymous');
const OVERSIGHT: Role[] = ['admin', 'office', 'reviewer', 'groupHead', 'supervisor'];
const SEES_MEASURE: Role[] = [...OVERSIGHT, 'leader', 'staff'];
const READERS: Role[] = ['office', 'reviewer', 'groupHead', 'supervisor'];

interface Cell {
  /** Who may: 'public' (everyone, signed in or not) or the roles; everyone else must be refused. */
  allow: Role[] | 'public';
  path: () => string;
  body?: () => unknown;
  file?: () => { name: string; bytes: Buffer; type: string };
  /** For endpoints whose allowed answer is itself a 401/403 on the merits (a wrong current password). */
  allowedStatus?: number;
}

let world: World<Exclude<Role, 'anonymous' | 'admin'>, 'departmentA' | 'departmentB'>;
const people = {} as Record<Exclude<Role, 'anonymous'>, string>;
const usernames = {} as Record<string, string>;
const ids: Record<string, string> = {};
const tag = Date.now().toString(36);
let counter = 0;
let keys = 0;

const evidence = async (measure: string): Promise<string> =>
  (await uploadEvidence(world, measure, 'staff', '纪要.pdf', Buffer.from('%PDF-1.4 矩阵'))).body.id;

const pdf = () => ({ name: '佐证.pdf', bytes: Buffer.from('%PDF-1.4 test'), type: 'application/pdf' });
const plan = () => ({
  name: 'plan.md',
  bytes: Buffer.from(`二、整改\n(${3000 + ++counter})问题。一是措施。`),
  type: 'text/markdown',
});

beforeAll(async () => {
  world = await buildWorld(await startStack('authz'), {
    departments: { departmentA: `甲部门-${tag}`, departmentB: `乙部门-${tag}` },
    people: {
      office: { name: 'office', roles: 'office' },
      reviewer: { name: 'reviewer', roles: 'reviewer' },
      leader: 'leader',
      groupHead: { name: 'groupHead', roles: 'group_head' },
      supervisor: { name: 'supervisor', roles: 'supervisor' },
      staff: { name: 'staff', department: 'departmentA' },
      outsider: { name: 'outsider', department: 'departmentB' },
    },
    inspection: {
      title: `矩阵-${tag}`,
      inspectingBody: '巡察组',
      inspectedUnit: '被巡察单位',
      // A closed measure's workflow waits an hour for a reopen, so the reopen cell finds it running.
      policy: fastPolicy({ lookBackAfter: 'PT1S', reopenableFor: 'PT1H' }),
    },
  });
  Object.assign(people, { admin: world.admin }, world.people);
  for (const [key, user] of Object.entries(world.users)) usernames[key] = user.username;
  Object.assign(ids, world.departments, { inspection: world.inspection });

  // One measure in each stage an action needs, each brought there by the real actions.
  ids.read = await measureAt(world, 'rectify');
  ids.evidence = await evidence(ids.read);
  ids.withdrawable = await evidence(ids.read);
  ids.problem = (await call(world, 'GET', `/measures/${ids.read}`, people.office)).body.problemId;
  ids.assign = await measureAt(world, 'assign');
  ids.rectify = await measureAt(world, 'rectify');
  ids.rectifyEvidence = await evidence(ids.rectify);
  ids.extensionRequest = await measureAt(world, 'rectify');
  ids.extension = await measureAt(world, 'rectify');
  await actOk(world, ids.extension, 'request_extension', 'staff', {
    requestedDueAt: '2099-12-31T00:00:00Z',
    reason: '审批中',
  });
  ids.review = await measureAt(world, 'review');
  ids.signoff = await measureAt(world, 'signoff');
  ids.lookback = await measureAt(world, 'lookback');
  ids.ongoing = await measureAt(world, 'rectify', { kind: 'ongoing' });
  ids.ongoing2 = await measureAt(world, 'rectify', { kind: 'ongoing' });
  await actOk(world, ids.ongoing2, 'report_progress', 'staff', { summary: '第一期进展' });
  ids.supervise = await measureAt(world, 'rectify');
  for (const key of ['reassign', 'changeDeadline', 'editText', 'void', 'claim', 'urge'])
    ids[key] = await measureAt(world, 'rectify');
  ids.deletable = await measureAt(world, 'assign');
  ids.answerSupervision = await measureAt(world, 'rectify');
  await actOk(world, ids.answerSupervision, 'supervise', 'supervisor', { reason: '进度滞后' });
  ids.closeSupervision = await measureAt(world, 'rectify');
  await actOk(world, ids.closeSupervision, 'supervise', 'supervisor', { reason: '进度滞后' });
  await actOk(world, ids.closeSupervision, 'answer_supervision', 'staff', { text: '已回复' });
  // The outsider's department cooperates on a measure of another inspection, so in this one it still sees nothing.
  const cooperation = await createInspection(world, { title: `矩阵配合-${tag}`, policy: fastPolicy() });
  ids.contribute = await measureAt(world, 'assign', { inspection: cooperation });
  await actOk(world, ids.contribute, 'assign', 'office', { cooperatingDepartmentIds: [ids.departmentB] });
  // Closed by an early look-back (allowed before it falls due), its workflow waiting for a reopen.
  ids.reopen = await measureAt(world, 'lookback');
  await actOk(world, ids.reopen, 'record_look_back', 'supervisor', { result: 'holds' });
  await waitFor(
    async () => (await call(world, 'GET', `/measures/${ids.lookback}`, people.office)).body.lookBackDue,
    'the look-back to fall due',
  );

  // The formal papers: a signed-off measure (its 销号审批表), a report version, a 督办单.
  ids.signedOff = await measureAt(world, 'lookback');
  await call(world, 'POST', `/inspections/${ids.inspection}/report/versions`, people.office);
  const supervised = await measureAt(world, 'rectify');
  await actOk(world, supervised, 'supervise', 'supervisor', { reason: '矩阵督办' });
  ids.supervisionNotice = (
    await call(world, 'GET', `/inspections/${ids.inspection}/supervision-notices`, people.office)
  ).body[0].id;

  const draft = await upload(
    world,
    `/inspections/${ids.inspection}/imports/document`,
    people.office,
    'plan.md',
    Buffer.from('二、整改\n(2001)问题。一是措施。'),
    'text/markdown',
  );
  ids.documentDraft = draft.body.id;
  ids.documentSections = JSON.stringify(draft.body.content.sections);
  const template = await call(world, 'GET', '/imports/ledger-template.xlsx', people.office);
  const ledger = await upload(
    world,
    `/inspections/${ids.inspection}/imports/ledger`,
    people.office,
    '台账.xlsx',
    template.raw,
  );
  ids.ledgerDraft = ledger.body.id;
  ids.notice = (await call(world, 'POST', `/inspections/${ids.inspection}/notice`, people.office)).body.id;
  const record = () =>
    call(world, 'POST', `/inspections/${ids.inspection}/records`, people.office, {
      kind: 'meeting',
      title: '矩阵记录',
    });
  ids.record = (await record()).body.id;
  ids.deletableRecord = (await record()).body.id;
  ids.claimProblem = (
    await call(world, 'GET', `/measures/${await measureAt(world, 'rectify')}`, people.office)
  ).body.problemId;
  await call(world, 'POST', `/notices/${ids.notice}/publish`, people.office);
  ids.publicCode = (await call(world, 'GET', `/notices/${ids.notice}/versions`, people.office)).body[0].publicUrl.split(
    '/',
  )[2];
  await call(world, 'POST', `/public/notices/${ids.notice}/feedback`, null, { content: '意见' });
  ids.feedback = (await call(world, 'GET', `/inspections/${ids.inspection}/feedback`, people.office)).body.items[0].id;
  ids.notification = (await call(world, 'GET', '/notifications', people.staff)).body.items[0].id;
  ids.staffRefresh = (
    await call(world, 'POST', '/auth/sign-in', null, { username: usernames.staff, password: TEST_PASSWORD })
  ).body.refreshToken;
  // The account the administrator's account actions are tried on (not one of the roles above).
  ids.spare = (
    await call(world, 'POST', '/people', people.admin, {
      name: 'spare',
      username: `spare-${tag}`,
      password: TEST_PASSWORD,
    })
  ).body.id;
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

const action = (measure: string, body: () => Record<string, unknown>, allow: Role[]): Cell => ({
  allow,
  path: () => `/measures/${ids[measure]}/actions/`,
  body,
});

const ACTION_CELLS: Record<(typeof ACTIONS)[number], Cell> = {
  assign: action('assign', () => ({}), ['office']),
  submit_evidence: action('rectify', () => ({ summary: '已完成', evidenceIds: [ids.rectifyEvidence] }), ['staff']),
  report_progress: action('ongoing', () => ({ summary: '本月进展' }), ['staff']),
  request_extension: action(
    'extensionRequest',
    () => ({ requestedDueAt: '2099-12-31T00:00:00Z', reason: '需要时间' }),
    ['staff'],
  ),
  decide_extension: action('extension', () => ({ approve: true }), ['leader', 'groupHead']),
  review: action('review', () => ({ decision: 'approve' }), ['reviewer', 'office']),
  sign_off: action('signoff', () => ({ decision: 'approve' }), ['leader', 'groupHead']),
  record_look_back: action('lookback', () => ({ result: 'holds' }), ['supervisor', 'office']),
  conclude: action('ongoing2', () => ({ note: '转入常态' }), ['office']),
  supervise: action('supervise', () => ({ reason: '进度滞后' }), ['supervisor']),
  // Not to department B: its outsider must go on seeing nothing of this inspection.
  reassign: action('reassign', () => ({ coLeaderIds: [people.groupHead], reason: '职能调整' }), ['office']),
  change_deadline: action(
    'changeDeadline',
    () => ({ dueAt: '2099-03-31T00:00:00Z', reason: '上级要求', approvedById: people.leader }),
    ['office', 'groupHead'],
  ),
  edit_text: action('editText', () => ({ text: '修订后的措施' }), ['office']),
  void: action('void', () => ({ reason: '与其他措施合并' }), ['office']),
  reopen: action('reopen', () => ({ reason: '问题反弹', dueAt: '2099-06-30T00:00:00Z' }), ['supervisor', 'office']),
  claim: action('claim', () => ({ note: '领办' }), ['leader', 'groupHead']),
  contribute: action('contribute', () => ({ summary: '配合材料' }), ['outsider']),
  urge: action('urge', () => ({ message: '请抓紧办理' }), ['office', 'supervisor']),
  answer_supervision: action('answerSupervision', () => ({ text: '已按要求办理' }), ['staff', 'leader']),
  close_supervision: action('closeSupervision', () => ({ decision: 'close' }), ['supervisor']),
};

const MATRIX: Record<string, Cell> = {
  'GET /api/health': { allow: 'public', path: () => '/health' },
  'POST /api/auth/sign-in': {
    allow: 'public',
    path: () => '/auth/sign-in',
    body: () => ({ username: usernames.outsider, password: TEST_PASSWORD }),
  },
  'POST /api/auth/refresh': {
    allow: 'public',
    path: () => '/auth/refresh',
    body: () => ({ refreshToken: 'not-a-real-refresh-token' }),
    allowedStatus: 401,
  },
  'POST /api/auth/sign-out': {
    allow: 'public',
    path: () => '/auth/sign-out',
    body: () => ({ refreshToken: 'not-a-real-refresh-token' }),
  },
  'POST /api/auth/password': {
    allow: SIGNED_IN,
    path: () => '/auth/password',
    body: () => ({ currentPassword: 'Wrong-current-1', newPassword: 'New-password-123' }),
    allowedStatus: 403,
  },
  'GET /api/auth/me': { allow: SIGNED_IN, path: () => '/auth/me' },
  'POST /api/departments': {
    allow: ['admin'],
    path: () => '/departments',
    body: () => ({ name: `部门-${randomUUID()}` }),
  },
  'GET /api/departments': { allow: SIGNED_IN, path: () => '/departments' },
  'POST /api/departments/bulk': {
    allow: ['admin'],
    path: () => '/departments/bulk',
    body: () => ({ departments: [{ name: `部门-${randomUUID()}` }] }),
  },
  'POST /api/people': { allow: ['admin'], path: () => '/people', body: () => ({ name: '新人' }) },
  'GET /api/people': { allow: SIGNED_IN, path: () => '/people' },
  'POST /api/people/bulk': {
    allow: ['admin'],
    path: () => '/people/bulk',
    body: () => ({ people: [{ name: '新人' }] }),
  },
  'POST /api/organisation/{kind}/csv': {
    allow: ['admin'],
    path: () => '/organisation/departments/csv',
    file: () => ({ name: 'd.csv', bytes: Buffer.from(`名称\n部门-${randomUUID()}\n`), type: 'text/csv' }),
  },
  'POST /api/inspections': {
    allow: ['admin'],
    path: () => '/inspections',
    body: () => ({ title: 't', kind: 'audit', inspectingBody: 'a', inspectedUnit: 'b' }),
  },
  'GET /api/inspections': { allow: SIGNED_IN, path: () => '/inspections' },
  'GET /api/inspections/{id}': { allow: SEES_MEASURE, path: () => `/inspections/${ids.inspection}` },
  'POST /api/inspections/{id}/roles': {
    allow: ['admin'],
    path: () => `/inspections/${ids.inspection}/roles`,
    body: () => ({ roles: [{ personId: people.office, role: 'office' }] }),
  },
  'GET /api/inspections/{id}/roles': { allow: SEES_MEASURE, path: () => `/inspections/${ids.inspection}/roles` },
  'POST /api/inspections/{id}/problems': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/problems`,
    body: () => ({ number: 5000 + ++counter, title: '新问题' }),
  },
  'GET /api/inspections/{id}/problems': { allow: SEES_MEASURE, path: () => `/inspections/${ids.inspection}/problems` },
  'POST /api/inspections/{id}/problems/bulk': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/problems/bulk`,
    body: () => ({ problems: [{ number: 6000 + ++counter, title: '新问题' }] }),
  },
  'POST /api/problems/{id}/measures': {
    allow: ['office'],
    path: () => `/problems/${ids.problem}/measures`,
    body: () => ({
      text: '新措施',
      kind: 'deadline',
      leadDepartmentId: ids.departmentA,
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30',
    }),
  },
  'GET /api/measures': { allow: SIGNED_IN, path: () => `/measures?inspectionId=${ids.inspection}` },
  'GET /api/measures/{id}': { allow: SEES_MEASURE, path: () => `/measures/${ids.read}` },
  'GET /api/measures/{id}/timeline': { allow: SEES_MEASURE, path: () => `/measures/${ids.read}/timeline` },
  'POST /api/measures/{id}/evidence': {
    allow: ['staff', 'office'],
    path: () => `/measures/${ids.read}/evidence`,
    file: pdf,
  },
  'GET /api/measures/{id}/evidence': { allow: SEES_MEASURE, path: () => `/measures/${ids.read}/evidence` },
  'GET /api/evidence/{id}/content': { allow: SEES_MEASURE, path: () => `/evidence/${ids.evidence}/content` },
  // Staff uploaded it; the office may withdraw it too (a repeated withdrawal answers 204 again).
  'DELETE /api/evidence/{id}': { allow: ['staff', 'office'], path: () => `/evidence/${ids.withdrawable}` },
  'GET /api/imports/ledger-template.xlsx': { allow: SIGNED_IN, path: () => '/imports/ledger-template.xlsx' },
  'POST /api/inspections/{id}/imports/ledger': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/imports/ledger`,
    file: () => ({ name: 'x.xlsx', bytes: Buffer.from('PK'), type: 'application/octet-stream' }),
  },
  'POST /api/inspections/{id}/imports/document': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/imports/document`,
    file: plan,
  },
  'GET /api/imports/{id}': { allow: ['office'], path: () => `/imports/${ids.documentDraft}` },
  'PUT /api/imports/documents/{id}/structure': {
    allow: ['office'],
    path: () => `/imports/documents/${ids.documentDraft}/structure`,
    body: () => ({ sections: JSON.parse(ids.documentSections) }),
  },
  // Each measure of a batch answers for itself (403/404 inside a 200); the call itself is any signed-in person's.
  'POST /api/batch-actions/{action}': {
    allow: SIGNED_IN,
    path: () => '/batch-actions/urge',
    body: () => ({ measureIds: [ids.read], message: '请抓紧', idempotencyKey: `batch-${++keys}` }),
  },
  'POST /api/look-back-rounds': {
    allow: SIGNED_IN,
    path: () => '/look-back-rounds',
    body: () => ({ items: [{ measureId: ids.read, result: 'holds' }], idempotencyKey: `round-${++keys}` }),
  },
  // Anyone who sees the problem's measures may ask; each measure's workflow refuses those who may not claim it.
  'POST /api/problems/{id}/claim': {
    allow: ['leader', 'groupHead', 'office', 'reviewer', 'supervisor', 'staff', 'admin'],
    path: () => `/problems/${ids.claimProblem}/claim`,
    body: () => ({ idempotencyKey: `matrix-claim-${++counter}` }),
    allowedStatus: 409,
  },
  'PATCH /api/problems/{id}': {
    allow: ['office'],
    path: () => `/problems/${ids.problem}`,
    body: () => ({ title: `改名-${++keys}` }),
  },
  'DELETE /api/measures/{id}': {
    allow: ['office'],
    path: () => `/measures/${ids.deletable}`,
    // The office deletes it; a second office call would find nothing, so each run gets a fresh one.
  },
  'GET /api/inspections/{id}/plan-changes': {
    allow: ['office', 'reviewer', 'groupHead', 'supervisor'],
    path: () => `/inspections/${ids.inspection}/plan-changes`,
  },
  'PATCH /api/imports/documents/{id}/assignments': {
    allow: ['office'],
    path: () => `/imports/documents/${ids.documentDraft}/assignments`,
    body: () => ({ problemNumber: 2001, kind: 'deadline' }),
  },
  'PATCH /api/imports/documents/{id}/names': {
    allow: ['office'],
    path: () => `/imports/documents/${ids.documentDraft}/names`,
    body: () => ({}),
  },
  'POST /api/imports/documents/{id}/commit': {
    allow: ['office'],
    path: () => `/imports/documents/${ids.documentDraft}/commit`,
    body: () => ({ leadDepartmentId: ids.departmentA, responsibleLeaderId: people.leader, dueAt: '2099-06-30' }),
  },
  'POST /api/imports/ledgers/{id}/commit': {
    allow: ['office'],
    path: () => `/imports/ledgers/${ids.ledgerDraft}/commit`,
    body: () => ({}),
  },
  'GET /api/inspections/{id}/ledger.xlsx': {
    allow: ['office', 'groupHead', 'supervisor'],
    path: () => `/inspections/${ids.inspection}/ledger.xlsx`,
  },
  'GET /api/inspections/{id}/ledger.csv': {
    allow: ['office', 'groupHead', 'supervisor'],
    path: () => `/inspections/${ids.inspection}/ledger.csv`,
  },
  'POST /api/inspections/{id}/records': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/records`,
    body: () => ({ kind: 'meeting', title: '调度会' }),
  },
  'GET /api/inspections/{id}/records': { allow: READERS, path: () => `/inspections/${ids.inspection}/records` },
  'PATCH /api/records/{id}': {
    allow: ['office'],
    path: () => `/records/${ids.record}`,
    body: () => ({ title: `矩阵记录 ${++counter}` }),
  },
  // Only the office may, and it deletes the record once (refusals are tried first).
  'DELETE /api/records/{id}': { allow: ['office'], path: () => `/records/${ids.deletableRecord}` },
  'POST /api/inspections/{id}/notice': { allow: ['office'], path: () => `/inspections/${ids.inspection}/notice` },
  'PUT /api/notices/{id}': {
    allow: ['office'],
    path: () => `/notices/${ids.notice}`,
    body: () => ({ signer: '党工委' }),
  },
  'GET /api/notices/{id}/preview': { allow: READERS, path: () => `/notices/${ids.notice}/preview` },
  'POST /api/notices/{id}/publish': { allow: ['office'], path: () => `/notices/${ids.notice}/publish` },
  'GET /api/notices/{id}/publish-check': { allow: ['office'], path: () => `/notices/${ids.notice}/publish-check` },
  'GET /api/notices/{id}/versions': { allow: READERS, path: () => `/notices/${ids.notice}/versions` },
  'GET /api/inspections/{id}/feedback': { allow: ['office'], path: () => `/inspections/${ids.inspection}/feedback` },
  'POST /api/feedback/{id}/read': { allow: ['office'], path: () => `/feedback/${ids.feedback}/read` },
  'PUT /api/feedback/{id}/route': {
    allow: ['office'],
    path: () => `/feedback/${ids.feedback}/route`,
    body: () => ({}),
  },
  'PUT /api/feedback/{id}/answer': {
    allow: ['office'],
    path: () => `/feedback/${ids.feedback}/answer`,
    body: () => ({ answer: '已办理', publish: false }),
  },
  // Outside /api: the client's base is …/api, so the path climbs out of it.
  'GET /gongkai/{code}': { allow: 'public', path: () => `/../gongkai/${ids.publicCode}` },
  'GET /gongkai/{code}/{version}': { allow: 'public', path: () => `/../gongkai/${ids.publicCode}/1` },
  'GET /api/public/notices/{id}': { allow: 'public', path: () => `/public/notices/${ids.notice}` },
  'GET /api/public/notices/{id}/content.json': {
    allow: 'public',
    path: () => `/public/notices/${ids.notice}/content.json`,
  },
  'POST /api/public/notices/{id}/feedback': {
    allow: 'public',
    path: () => `/public/notices/${ids.notice}/feedback`,
    body: () => ({ content: '意见' }),
    allowedStatus: 429,
  },
  'GET /api/notifications': { allow: SIGNED_IN, path: () => '/notifications' },
  'GET /api/notifications/unread-count': { allow: SIGNED_IN, path: () => '/notifications/unread-count' },
  'POST /api/notifications/{id}/read': { allow: ['staff'], path: () => `/notifications/${ids.notification}/read` },
  'POST /api/notifications/read-all': { allow: SIGNED_IN, path: () => '/notifications/read-all' },
  'GET /api/notifications/settings': { allow: SIGNED_IN, path: () => '/notifications/settings' },
  'PUT /api/notifications/settings': {
    allow: SIGNED_IN,
    path: () => '/notifications/settings',
    body: () => ({ emailDigest: 'default' }),
  },
  'GET /api/my-work': { allow: SIGNED_IN, path: () => '/my-work' },
  'GET /api/inspections/{id}/dashboard': {
    allow: SEES_MEASURE,
    path: () => `/inspections/${ids.inspection}/dashboard`,
  },
  'GET /api/inspections/{id}/report': { allow: READERS, path: () => `/inspections/${ids.inspection}/report` },
  'PUT /api/inspections/{id}/report': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/report`,
    body: () => ({ signer: '党工委' }),
  },
  'GET /api/inspections/{id}/report/preview': {
    allow: READERS,
    path: () => `/inspections/${ids.inspection}/report/preview`,
  },
  'POST /api/inspections/{id}/report/versions': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/report/versions`,
  },
  'POST /api/inspections/{id}/report/versions/{version}/submit': {
    allow: ['office'],
    path: () => `/inspections/${ids.inspection}/report/versions/1/submit`,
  },
  'GET /api/inspections/{id}/report/versions': {
    allow: READERS,
    path: () => `/inspections/${ids.inspection}/report/versions`,
  },
  'GET /api/inspections/{id}/report/versions/{version}': {
    allow: READERS,
    path: () => `/inspections/${ids.inspection}/report/versions/1`,
  },
  'GET /api/inspections/{id}/report/versions/{version}/report.docx': {
    allow: READERS,
    path: () => `/inspections/${ids.inspection}/report/versions/1/report.docx`,
  },
  'GET /api/inspections/{id}/report/versions/{version}/ledger.xlsx': {
    allow: READERS,
    path: () => `/inspections/${ids.inspection}/report/versions/1/ledger.xlsx`,
  },
  'GET /api/measures/{id}/signoff-form.docx': {
    allow: SEES_MEASURE,
    path: () => `/measures/${ids.signedOff}/signoff-form.docx`,
  },
  'GET /api/inspections/{id}/task-lists.docx': {
    allow: READERS,
    path: () => `/inspections/${ids.inspection}/task-lists.docx`,
  },
  'GET /api/inspections/{id}/supervision-notices': {
    allow: SEES_MEASURE,
    path: () => `/inspections/${ids.inspection}/supervision-notices`,
  },
  'GET /api/supervision-notices/{id}': {
    allow: SEES_MEASURE,
    path: () => `/supervision-notices/${ids.supervisionNotice}`,
  },
  'GET /api/supervision-notices/{id}/notice.docx': {
    allow: SEES_MEASURE,
    path: () => `/supervision-notices/${ids.supervisionNotice}/notice.docx`,
  },
  'GET /api/supervision-notices/{id}/print': {
    allow: SEES_MEASURE,
    path: () => `/supervision-notices/${ids.supervisionNotice}/print`,
  },
  'GET /api/client-config': { allow: 'public', path: () => '/client-config' },
  'GET /api/admin/audit/verify': { allow: ['admin'], path: () => `/admin/audit/verify?inspectionId=${ids.inspection}` },
  'POST /api/people/{id}/account/disable': { allow: ['admin'], path: () => `/people/${ids.spare}/account/disable` },
  'POST /api/people/{id}/account/enable': { allow: ['admin'], path: () => `/people/${ids.spare}/account/enable` },
  'POST /api/people/{id}/account/reset-password': {
    allow: ['admin'],
    path: () => `/people/${ids.spare}/account/reset-password`,
  },
  'GET /api/admin/account-events': { allow: ['admin'], path: () => '/admin/account-events' },
  'GET /api/calendar': { allow: SIGNED_IN, path: () => '/calendar?year=2026' },
  'POST /api/calendar/days': {
    allow: ['admin'],
    path: () => '/calendar/days',
    body: () => ({ day: '2098-01-05', kind: 'closure', name: '矩阵' }),
  },
  'DELETE /api/calendar/days/{day}': { allow: ['admin'], path: () => '/calendar/days/2098-01-05', allowedStatus: 404 },
  'GET /api/calendar/changes': { allow: ['admin'], path: () => '/calendar/changes' },
  'POST /api/calendar/replan': { allow: ['admin'], path: () => '/calendar/replan' },
  'POST /api/calendar/years': {
    allow: ['admin'],
    path: () => '/calendar/years',
    body: () => ({ year: 2098, note: '矩阵' }),
  },
  'DELETE /api/calendar/years/{year}': { allow: ['admin'], path: () => '/calendar/years/2098', allowedStatus: 404 },
};

const REFUSED = [401, 403, 404];

async function attempt(key: string, cell: Cell, role: Role, actionName?: string) {
  const [method] = key.split(' ');
  const path = cell.path() + (actionName ?? '');
  const person = role === 'anonymous' ? null : people[role];
  const headers: Record<string, string> = actionName ? { 'Idempotency-Key': `matrix-${++keys}` } : {};
  if (cell.file)
    return upload(world, path, person ?? people.admin, cell.file().name, cell.file().bytes, cell.file().type).then(
      (reply) => reply,
    );
  return call(world, method, path, person, cell.body?.(), headers);
}

it('has an entry for every endpoint in the API document, and for every action', async () => {
  const document = (await fetch(`${world.api.url}/docs-json`).then((response) => response.json())) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const endpoints = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
  const covered = [...Object.keys(MATRIX), 'POST /api/measures/{id}/actions/{action}'];
  expect(endpoints.filter((endpoint) => !covered.includes(endpoint))).toEqual([]);
  expect(covered.filter((endpoint) => !endpoints.includes(endpoint))).toEqual([]);
  expect(Object.keys(ACTION_CELLS).sort()).toEqual([...ACTIONS].sort());
});

const rows: [string, Cell, string | undefined][] = [
  ...Object.entries(MATRIX).map(([key, cell]) => [key, cell, undefined] as [string, Cell, undefined]),
  ...Object.entries(ACTION_CELLS).map(
    ([name, cell]) => [`POST /api/measures/{id}/actions/${name}`, cell, name] as [string, Cell, string],
  ),
];

describe.each(rows)('%s', (key, cell, actionName) => {
  it('refuses everyone the table does not allow, and lets the others through', async () => {
    const allowed = cell.allow === 'public' ? ROLES : cell.allow;
    const refused = ROLES.filter((role) => !allowed.includes(role));
    const outcome: Record<string, number> = {};
    if (actionName) {
      // Every allowed role is offered the action by the same rule the Update validator applies,
      // before the first of them takes it (after which the stage has moved on for the others).
      const measure = cell.path().split('/')[2];
      for (const role of SIGNED_IN) {
        const offered =
          (await call(world, 'GET', `/measures/${measure}`, people[role as Exclude<Role, 'anonymous'>])).body
            ?.allowedActions ?? [];
        expect({ role, action: actionName, offered: offered.includes(actionName) }).toEqual({
          role,
          action: actionName,
          offered: allowed.includes(role),
        });
      }
    }
    // Refusals first: an allowed call may change the stage that later calls see.
    for (const role of [...refused, ...allowed]) {
      if (cell.file && role === 'anonymous') {
        const response = await fetch(`${world.api.url}${cell.path()}`, { method: 'POST' });
        outcome[role] = response.status;
        continue;
      }
      outcome[role] = (await attempt(key, cell, role, actionName)).status;
    }
    const wrong = ROLES.filter((role) => {
      const status = outcome[role];
      if (refused.includes(role)) return !REFUSED.includes(status);
      if (cell.allowedStatus !== undefined && status === cell.allowedStatus) return false;
      return REFUSED.includes(status) || status >= 500;
    });
    expect({ key, wrong: Object.fromEntries(wrong.map((role) => [role, outcome[role]])) }).toEqual({ key, wrong: {} });
    if (actionName) expect({ key, first: outcome[allowed[0]] }).toEqual({ key, first: 200 });
  });
});

describe('separation of duties', () => {
  it('never lets a reviewer review evidence they submitted', async () => {
    // The reviewer also works in department A: they may submit, but not review their own submission.
    await world.dataSource.query('UPDATE person SET department_id = $1 WHERE id = $2', [
      ids.departmentA,
      people.reviewer,
    ]);
    try {
      const measure = await measureAt(world, 'review', { staff: 'reviewer', summary: '自己提交' });
      const self = await call(
        world,
        'POST',
        `/measures/${measure}/actions/review`,
        people.reviewer,
        { decision: 'approve' },
        { 'Idempotency-Key': 'self-review' },
      );
      expect(self).toMatchObject({
        status: 403,
        body: { message: expect.stringMatching(/submitted this evidence and may not review it/) },
      });
      expect((await call(world, 'GET', `/measures/${measure}`, people.reviewer)).body.allowedActions).toEqual([]);
    } finally {
      await world.dataSource.query('UPDATE person SET department_id = NULL WHERE id = $1', [people.reviewer]);
    }
  });

  it("hides department A's measures from department B in lists and by id guessing", async () => {
    const list = await call(world, 'GET', `/measures?inspectionId=${ids.inspection}&limit=500`, people.outsider);
    expect(list.body).toMatchObject({ total: 0, items: [] });
    const own = await call(world, 'GET', `/measures?inspectionId=${ids.inspection}&limit=500`, people.staff);
    expect(own.body.total).toBeGreaterThan(5);
    expect(
      own.body.items.every((item: { leadDepartmentId: string }) => item.leadDepartmentId === ids.departmentA),
    ).toBe(true);
    for (const path of [
      `/measures/${ids.read}`,
      `/measures/${ids.read}/timeline`,
      `/measures/${ids.read}/evidence`,
      `/evidence/${ids.evidence}/content`,
      `/inspections/${ids.inspection}`,
    ]) {
      const reply = await call(world, 'GET', path, people.outsider);
      expect({ path, status: reply.status }).toEqual({ path, status: 404 });
    }
    expect(
      (await call(world, 'GET', '/inspections', people.outsider)).body.map((item: { id: string }) => item.id),
    ).not.toContain(ids.inspection);
    const guessed = await call(
      world,
      'POST',
      `/measures/${ids.rectify}/actions/request_extension`,
      people.outsider,
      { requestedDueAt: '2099-12-31T00:00:00Z', reason: 'x' },
      { 'Idempotency-Key': 'guess' },
    );
    expect(guessed.status).toBe(404);
  });
});
