import { ACTIONS, ActionName } from './actions';
import { Actor, MeasureState } from './measure-state';
import { DEFAULT_POLICY } from './policy';
import { ActionRefused, actionsFor, stageActions } from './authority';
import { applyAction } from './transitions';
import { initialState } from './initial-state';
import { Stage } from './stage';
import { progressOf } from './progress';

const now = new Date('2025-03-01T00:00:00Z');
const LEAD_DEPARTMENT = 'dept-lead';
const COOP = 'dept-coop';

const people: Record<string, Actor> = {
  office: { personId: 'office', departmentId: null, inspectionRoles: ['office'] },
  reviewer: { personId: 'reviewer', departmentId: null, inspectionRoles: ['reviewer'] },
  leader: { personId: 'leader', departmentId: null, inspectionRoles: [] },
  groupHead: { personId: 'head', departmentId: null, inspectionRoles: ['group_head'] },
  supervisor: { personId: 'supervisor', departmentId: null, inspectionRoles: ['supervisor'] },
  staff: { personId: 'staff', departmentId: LEAD_DEPARTMENT, inspectionRoles: [] },
  coopStaff: { personId: 'coop', departmentId: COOP, inspectionRoles: [] },
  outsider: { personId: 'outsider', departmentId: 'dept-other', inspectionRoles: [] },
};

function measure(overrides: Partial<MeasureState> = {}): MeasureState {
  return {
    ...initialState(
      {
        measureId: 'm1',
        inspectionId: 'i1',
        kind: 'deadline',
        policy: DEFAULT_POLICY,
        participants: {
          leadDepartmentId: LEAD_DEPARTMENT,
          cooperatingDepartmentIds: [COOP],
          responsibleLeaderId: 'leader',
        },
        dueAt: '2025-04-30T15:59:59.000Z',
      },
      now,
    ),
    ...overrides,
  };
}

const submission = { by: 'staff', at: now.toISOString(), summary: '已完成', evidenceIds: ['e1'], round: 1 };

function notice(status: 'open' | 'answered') {
  const answer = status === 'answered' ? { by: 'staff', at: now.toISOString(), text: '已回复', evidenceIds: [] } : null;
  return {
    issuedAt: now.toISOString(),
    issuedBy: 'supervisor',
    reason: '滞后',
    replyDueAt: '2025-03-04T00:00:00.000Z',
    status,
    answer,
  };
}

/** The office's upkeep of the plan: in every stage before the end; the deadline only in 交办 and 整改. */
const UPKEEP: ActionName[] = ['reassign', 'change_deadline', 'edit_text', 'void'];
const UPKEEP_LATER: ActionName[] = ['reassign', 'edit_text', 'void'];
/** 领办 in every open stage; 催办 where someone has work to do. */
const LEAD = ['claim', 'urge'] as ActionName[];

/** Every state a measure can be in, with the actions its stage allows. */
const situations: { name: string; state: MeasureState; allowed: ActionName[] }[] = [
  { name: 'assign', state: measure(), allowed: ['assign', 'claim', ...UPKEEP] },
  {
    name: 'rectify',
    state: measure({ stage: 'rectify', stageDueAt: '2025-04-30T15:59:59.000Z' }),
    allowed: ['submit_evidence', 'request_extension', 'supervise', 'contribute', ...LEAD, ...UPKEEP],
  },
  {
    name: 'rectify with a pending extension',
    state: measure({
      stage: 'rectify',
      pendingExtension: {
        by: 'staff',
        at: now.toISOString(),
        requestedDueAt: '2025-05-30T00:00:00.000Z',
        reason: '需要时间',
      },
    }),
    allowed: ['submit_evidence', 'decide_extension', 'supervise', 'contribute', ...LEAD, ...UPKEEP],
  },
  {
    name: 'rectify (长期坚持), nothing reported yet',
    state: measure({ stage: 'rectify', kind: 'ongoing' }),
    allowed: ['report_progress', 'supervise', 'contribute', ...LEAD, ...UPKEEP],
  },
  {
    name: 'rectify (长期坚持), reported',
    state: measure({ stage: 'rectify', kind: 'ongoing', reportsFiled: 1 }),
    allowed: ['report_progress', 'conclude', 'supervise', 'contribute', ...LEAD, ...UPKEEP],
  },
  {
    name: 'review',
    state: measure({ stage: 'review', lastSubmission: submission }),
    allowed: ['review', 'supervise', ...LEAD, ...UPKEEP_LATER],
  },
  {
    name: 'signoff',
    state: measure({ stage: 'signoff', lastSubmission: submission }),
    allowed: ['sign_off', 'supervise', ...LEAD, ...UPKEEP_LATER],
  },
  {
    name: 'lookback, not yet due',
    state: measure({ stage: 'lookback', stageDueAt: '2025-06-01T00:00:00.000Z' }),
    allowed: ['record_look_back', 'supervise', 'claim', ...UPKEEP_LATER],
  },
  {
    name: 'lookback, due',
    state: measure({ stage: 'lookback', lookBackDue: true }),
    allowed: ['record_look_back', 'supervise', ...LEAD, ...UPKEEP_LATER],
  },
  {
    name: 'rectify with an open 督办单',
    state: measure({ stage: 'rectify', stageDueAt: '2025-04-30T15:59:59.000Z', supervision: notice('open') }),
    allowed: [
      'submit_evidence',
      'request_extension',
      'supervise',
      'contribute',
      ...LEAD,
      'answer_supervision',
      ...UPKEEP,
    ],
  },
  {
    name: 'review with an answered 督办单',
    state: measure({ stage: 'review', lastSubmission: submission, supervision: notice('answered') }),
    allowed: ['review', 'supervise', ...LEAD, 'close_supervision', ...UPKEEP_LATER],
  },
  { name: 'closed', state: measure({ stage: 'closed' }), allowed: ['reopen'] },
  { name: 'voided', state: measure({ stage: 'voided' }), allowed: [] },
];

const validInput: Record<ActionName, unknown> = {
  assign: {},
  submit_evidence: { summary: '已制定制度', evidenceIds: ['e1'] },
  report_progress: { summary: '本月召开调度会2次' },
  request_extension: { requestedDueAt: '2025-06-30T00:00:00Z', reason: '项目审批未完成' },
  decide_extension: { approve: true },
  review: { decision: 'approve' },
  sign_off: { decision: 'approve' },
  record_look_back: { result: 'holds' },
  conclude: { note: '转入常态化' },
  supervise: { reason: '进度滞后' },
  reassign: { responsibleLeaderId: 'leader2', reason: '领导分工调整' },
  change_deadline: { dueAt: '2025-05-31T15:59:59Z', reason: '上级要求调整', approvedById: 'leader' },
  edit_text: { text: '修订后的措施' },
  void: { reason: '与措施二重复' },
  reopen: { reason: '群众反映问题反弹', dueAt: '2025-06-30T15:59:59Z' },
  claim: {},
  contribute: { summary: '已提供配合材料' },
  urge: { message: '请抓紧办理' },
  answer_supervision: { text: '已按督办要求整改' },
  close_supervision: { decision: 'close' },
};

/** One person who holds a role that may take each action. */
const permitted: Record<ActionName, Actor> = {
  assign: people.office,
  submit_evidence: people.staff,
  report_progress: people.staff,
  request_extension: people.staff,
  decide_extension: people.leader,
  review: people.reviewer,
  sign_off: people.leader,
  record_look_back: people.supervisor,
  conclude: people.office,
  supervise: people.supervisor,
  reassign: people.office,
  change_deadline: people.office,
  edit_text: people.office,
  void: people.office,
  reopen: people.supervisor,
  claim: people.leader,
  contribute: people.coopStaff,
  urge: people.office,
  answer_supervision: people.staff,
  close_supervision: people.supervisor,
};

describe('stage machine: every action in every stage', () => {
  for (const situation of situations) {
    for (const action of ACTIONS) {
      const allowed = situation.allowed.includes(action);
      it(`${situation.name}: ${action} is ${allowed ? 'allowed' : 'refused with 409'}`, () => {
        const attempt = () => applyAction(situation.state, action, validInput[action] as never, permitted[action], now);
        if (allowed) {
          expect(attempt().state).toBeDefined();
        } else {
          expect(attempt).toThrow(ActionRefused);
          try {
            attempt();
          } catch (error) {
            expect((error as ActionRefused).code).toBe('STAGE_CONFLICT');
            expect((error as Error).message).toContain(`stage`);
            expect((error as Error).message).toContain(
              `allowed now: ${situation.allowed.length ? situation.allowed.join(', ') : 'none'}`,
            );
          }
        }
      });
    }
    it(`${situation.name}: stageActions lists exactly the allowed actions`, () => {
      expect(stageActions(situation.state).sort()).toEqual([...situation.allowed].sort());
    });
  }
});

describe('roles: who may take each action', () => {
  const expectedRoles: Record<ActionName, string[]> = {
    assign: ['office'],
    submit_evidence: ['staff'],
    report_progress: ['staff'],
    request_extension: ['staff'],
    decide_extension: ['leader', 'groupHead'],
    review: ['office', 'reviewer'],
    sign_off: ['leader', 'groupHead'],
    record_look_back: ['office', 'supervisor'],
    conclude: ['office'],
    supervise: ['supervisor'],
    reassign: ['office'],
    change_deadline: ['office', 'groupHead'],
    edit_text: ['office'],
    void: ['office'],
    reopen: ['office', 'supervisor'],
    claim: ['leader', 'groupHead'],
    contribute: ['coopStaff'],
    urge: ['office', 'supervisor'],
    answer_supervision: ['staff', 'leader'],
    close_supervision: ['supervisor'],
  };
  for (const action of ACTIONS) {
    const situation = situations.find((item) => item.allowed.includes(action))!;
    for (const [name, person] of Object.entries(people)) {
      const mayAct = expectedRoles[action].includes(name);
      it(`${action} by ${name} is ${mayAct ? 'allowed' : 'refused with 403'}`, () => {
        const attempt = () => applyAction(situation.state, action, validInput[action] as never, person, now);
        if (mayAct) expect(attempt().state).toBeDefined();
        else expect(attempt).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      });
    }
  }

  it('the submitter of the evidence may not sign it off (销号) unless the policy allows it', () => {
    const leaderInDepartment: Actor = { personId: 'leader', departmentId: LEAD_DEPARTMENT, inspectionRoles: [] };
    const own = measure({ stage: 'signoff', lastSubmission: { ...submission, by: 'leader' } });
    expect(actionsFor(own, leaderInDepartment)).not.toContain('sign_off');
    expect(() => applyAction(own, 'sign_off', { decision: 'approve' }, leaderInDepartment, now)).toThrow(
      /submitted this round's evidence and may not sign it off/,
    );
    expect(
      applyAction(own, 'sign_off', { decision: 'approve' }, leaderInDepartment, now, { strict: false }).toStage,
    ).toBe('lookback');
    const allowed = { ...own, policy: { ...own.policy, allowSubmitterSignOff: true } };
    expect(actionsFor(allowed, leaderInDepartment)).toContain('sign_off');
    expect(applyAction(allowed, 'sign_off', { decision: 'approve' }, leaderInDepartment, now).toStage).toBe('lookback');
    // Another leader (the group head) still signs off the same submission.
    expect(applyAction(own, 'sign_off', { decision: 'approve' }, people.groupHead, now).toStage).toBe('lookback');
  });

  it('a reviewer may not review evidence they submitted', () => {
    const state = measure({ stage: 'review', lastSubmission: { ...submission, by: 'reviewer' } });
    expect(() => applyAction(state, 'review', { decision: 'approve' }, people.reviewer, now)).toThrow(/may not review/);
    expect(actionsFor(state, people.reviewer)).toEqual([]);
  });
});

describe('transitions', () => {
  const rectify = measure({ stage: 'rectify', stageDueAt: '2025-04-30T15:59:59.000Z' });

  it('assign moves to rectify with the deadline as the stage due date', () => {
    const result = applyAction(measure(), 'assign', {}, people.office, now);
    expect(result.state.stage).toBe('rectify');
    expect(result.state.stageDueAt).toBe('2025-04-30T15:59:59.000Z');
  });

  it('submitting evidence moves to review due after the review period', () => {
    const result = applyAction(
      rectify,
      'submit_evidence',
      { summary: ' 已整改 ', evidenceIds: ['e1', 'e1'] },
      people.staff,
      now,
    );
    expect(result.state.stage).toBe('review');
    expect(result.state.stageDueAt).toBe('2025-03-06T00:00:00.000Z');
    expect(result.state.lastSubmission).toMatchObject({ by: 'staff', summary: '已整改', evidenceIds: ['e1'] });
  });

  it('a rejected review goes back to rectify with the round increased', () => {
    const state = measure({ stage: 'review', lastSubmission: submission });
    const result = applyAction(state, 'review', { decision: 'reject', reason: '佐证材料不足' }, people.reviewer, now);
    expect(result.state).toMatchObject({ stage: 'rectify', round: 2 });
    expect(result.detail).toMatchObject({ decision: 'reject', reason: '佐证材料不足' });
  });

  it('a returned sign-off goes back to rectify with the round increased', () => {
    const state = measure({ stage: 'signoff', lastSubmission: submission });
    expect(
      applyAction(state, 'sign_off', { decision: 'return', reason: '整改不彻底' }, people.groupHead, now).state,
    ).toMatchObject({ stage: 'rectify', round: 2 });
  });

  it('sign-off starts the look-back period', () => {
    const state = measure({ stage: 'signoff', lastSubmission: submission });
    const result = applyAction(state, 'sign_off', { decision: 'approve' }, people.leader, now);
    expect(result.state).toMatchObject({
      stage: 'lookback',
      lookBackDue: false,
      stageDueAt: '2025-05-30T00:00:00.000Z',
      signedOffAt: now.toISOString(),
    });
  });

  it('a look-back that holds closes; a rebound reopens with a new deadline, no longer signed off', () => {
    const state = measure({ stage: 'lookback', lookBackDue: true, round: 1, signedOffAt: now.toISOString() });
    expect(applyAction(state, 'record_look_back', { result: 'holds' }, people.supervisor, now).state.stage).toBe(
      'closed',
    );
    const rebound = applyAction(
      state,
      'record_look_back',
      { result: 'rebound', note: '问题反弹' },
      people.supervisor,
      now,
    ).state;
    expect(rebound).toMatchObject({
      stage: 'rectify',
      round: 2,
      lookBackDue: false,
      dueAt: '2025-03-31T00:00:00.000Z',
      stageDueAt: '2025-03-31T00:00:00.000Z',
      signedOffAt: null,
    });
    // Out of 已完成 again by the done rule, as the dashboard and the notice count it.
    expect(progressOf(rebound, now)).toBe('open');
    expect(progressOf(state, now)).toBe('done');
  });

  it('an approved extension moves the deadline; a refused one leaves it', () => {
    const requested = applyAction(
      rectify,
      'request_extension',
      { requestedDueAt: '2025-06-30T00:00:00Z', reason: '审批周期长' },
      people.staff,
      now,
    ).state;
    const approved = applyAction(requested, 'decide_extension', { approve: true }, people.leader, now).state;
    expect(approved).toMatchObject({
      dueAt: '2025-06-30T00:00:00.000Z',
      stageDueAt: '2025-06-30T00:00:00.000Z',
      pendingExtension: null,
    });
    const refused = applyAction(
      requested,
      'decide_extension',
      { approve: false, reason: '不符合条件' },
      people.groupHead,
      now,
    ).state;
    expect(refused).toMatchObject({ dueAt: rectify.dueAt, pendingExtension: null });
  });

  it('a supervision notice (督办单) escalates to the top of the ladder at once, without changing the stage', () => {
    const result = applyAction(rectify, 'supervise', { reason: '进度滞后' }, people.supervisor, now);
    expect(result.state).toMatchObject({ stage: 'rectify', escalationLevel: 4 });
    expect(result.detail).toMatchObject({ notice: '督办单', reason: '进度滞后' });
  });

  it('a progress report of a 长期坚持 measure moves the next report one period on', () => {
    const ongoing = measure({
      stage: 'rectify',
      kind: 'ongoing',
      dueAt: '2025-03-31T00:00:00.000Z',
      policy: { ...DEFAULT_POLICY, reportEvery: 'P1M' },
    });
    const result = applyAction(ongoing, 'report_progress', { summary: '本月完成' }, people.staff, now).state;
    expect(result).toMatchObject({
      stage: 'rectify',
      dueAt: '2025-04-30T00:00:00.000Z',
      reportsFiled: 1,
      latestProgress: '本月完成',
    });
  });
});

describe('input validation names the field', () => {
  const rectify = measure({ stage: 'rectify' });
  const review = measure({ stage: 'review', lastSubmission: submission });
  const cases: [string, MeasureState, ActionName, unknown, Actor, RegExp][] = [
    ['summary missing', rectify, 'submit_evidence', { evidenceIds: ['e1'] }, people.staff, /summary is required/],
    [
      'blank summary',
      rectify,
      'submit_evidence',
      { summary: '   ', evidenceIds: ['e1'] },
      people.staff,
      /summary must not be blank/,
    ],
    [
      'no evidence',
      rectify,
      'submit_evidence',
      { summary: '完成', evidenceIds: [] },
      people.staff,
      /evidenceIds needs at least 1/,
    ],
    ['reject without reason', review, 'review', { decision: 'reject' }, people.reviewer, /reason is required/],
    ['unknown decision', review, 'review', { decision: 'maybe' }, people.reviewer, /decision must be/],
    [
      'extension not later',
      rectify,
      'request_extension',
      { requestedDueAt: '2025-01-01T00:00:00Z', reason: 'x' },
      people.staff,
      /requestedDueAt must be later/,
    ],
    [
      'extension date garbage',
      rectify,
      'request_extension',
      { requestedDueAt: 'next week', reason: 'x' },
      people.staff,
      /requestedDueAt must be an ISO-8601/,
    ],
    [
      'NUL in a reason',
      rectify,
      'request_extension',
      { requestedDueAt: '2099-01-01T00:00:00Z', reason: 'a\u0000b' },
      people.staff,
      /reason contains the control character U\+0000/,
    ],
    [
      'lone surrogate in a summary',
      rectify,
      'submit_evidence',
      { summary: '完成\ud800', evidenceIds: ['e1'] },
      people.staff,
      /summary contains a lone UTF-16 surrogate/,
    ],
    [
      'full-width spaces only',
      rectify,
      'supervise',
      { reason: '\u3000\u3000' },
      people.supervisor,
      /reason must not be blank/,
    ],
    [
      'extension to 2126',
      rectify,
      'request_extension',
      { requestedDueAt: '2126-01-01T00:00:00Z', reason: '需要时间' },
      people.staff,
      /requestedDueAt is after 2100-12-31/,
    ],
    [
      'oversize note',
      measure({ stage: 'rectify', kind: 'ongoing', reportsFiled: 1 }),
      'conclude',
      { note: '长'.repeat(4001) },
      people.office,
      /note is longer than 4000 characters/,
    ],
  ];
  for (const [name, state, action, input, person, message] of cases) {
    it(name, () => {
      expect(() => applyAction(state, action, input as never, person, now)).toThrow(message);
      try {
        applyAction(state, action, input as never, person, now);
      } catch (error) {
        expect((error as ActionRefused).code).toBe('INVALID_INPUT');
      }
    });
  }

  it('the rules that came later apply only when strict (an older history replays as it ran)', () => {
    const loose = { strict: false };
    const input = { requestedDueAt: '2126-01-01T00:00:00Z', reason: 'a\u0007b' };
    expect(() => applyAction(rectify, 'request_extension', input, people.staff, now)).toThrow(/control character/);
    expect(
      applyAction(rectify, 'request_extension', input, people.staff, now, loose).state.pendingExtension?.reason,
    ).toBe('a\u0007b');
  });

  it('refusal leaves the state untouched', () => {
    const before = JSON.stringify(review);
    expect(() => applyAction(review, 'review', { decision: 'reject' }, people.reviewer, now)).toThrow();
    expect(JSON.stringify(review)).toBe(before);
  });
});

it('covers every stage', () => {
  const stages = new Set<Stage>(situations.map((situation) => situation.state.stage));
  expect([...stages].sort()).toEqual(['assign', 'closed', 'lookback', 'rectify', 'review', 'signoff', 'voided']);
});
