import { Actor, MeasureState } from './measure-state';
import { DEFAULT_POLICY } from './policy';
import { actionsFor, ActionRefused } from './authority';
import { applyAction } from './transitions';
import { initialState } from './initial-state';
import { reopenWindowMs, stageSchedule } from './schedule';

const now = new Date('2025-03-01T02:00:00Z');
const office: Actor = { personId: 'office', departmentId: null, inspectionRoles: ['office'] };
const supervisor: Actor = { personId: 'sup', departmentId: null, inspectionRoles: ['supervisor'] };
const leader: Actor = { personId: 'leader', departmentId: null, inspectionRoles: [] };
const head: Actor = { personId: 'head', departmentId: null, inspectionRoles: ['group_head'] };
const staff: Actor = { personId: 'staff', departmentId: 'lead', inspectionRoles: [] };
const coop: Actor = { personId: 'coop', departmentId: 'coop', inspectionRoles: [] };

function measure(overrides: Partial<MeasureState> = {}): MeasureState {
  return {
    ...initialState(
      {
        measureId: 'm1',
        inspectionId: 'i1',
        kind: 'deadline',
        policy: DEFAULT_POLICY,
        participants: { leadDepartmentId: 'lead', cooperatingDepartmentIds: ['coop'], responsibleLeaderId: 'leader' },
        dueAt: '2025-04-30T15:59:59.000Z',
      },
      now,
    ),
    ...overrides,
  };
}

const code = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof ActionRefused ? error.code : String(error);
  }
};

describe('cooperating departments contribute their own part', () => {
  const rectifying = measure({ stage: 'rectify', stageDueAt: '2025-04-30T15:59:59.000Z' });

  it('a cooperating department gives its part and no longer submits for the lead', () => {
    expect(actionsFor(rectifying, coop)).toEqual(['contribute']);
    expect(
      code(() => applyAction(rectifying, 'submit_evidence', { summary: 'x', evidenceIds: ['e'] }, coop, now)),
    ).toBe('FORBIDDEN');
    const given = applyAction(
      rectifying,
      'contribute',
      { summary: '已提供数据', evidenceIds: ['e9'] },
      coop,
      now,
    ).state;
    const submitted = applyAction(given, 'submit_evidence', { summary: '已完成', evidenceIds: ['e1'] }, staff, now);
    expect(submitted.detail).toMatchObject({
      contributions: [{ departmentId: 'coop', summary: '已提供数据', evidenceIds: ['e9'] }],
      missingContributions: [],
    });
  });

  it('the lead may submit without a missing part, which is named', () => {
    const submitted = applyAction(
      rectifying,
      'submit_evidence',
      { summary: '已完成', evidenceIds: ['e1'] },
      staff,
      now,
    );
    expect(submitted.detail).toMatchObject({ contributions: [], missingContributions: ['coop'] });
  });

  it('the missing department gets its own reminders until it contributes', () => {
    const kinds = (state: MeasureState) => stageSchedule(state).map((event) => event.kind);
    expect(kinds(rectifying).filter((kind) => kind === 'cooperation_reminder')).toHaveLength(2);
    const given = applyAction(rectifying, 'contribute', { summary: '已提供' }, coop, now).state;
    expect(kinds(given)).not.toContain('cooperation_reminder');
  });

  it('measures created before keep the old rule: a cooperating department acts as the lead', () => {
    const old = { ...rectifying, features: undefined };
    expect(actionsFor(old, coop)).toContain('submit_evidence');
    expect(kindsOf(old)).not.toContain('cooperation_reminder');
  });
});

function kindsOf(state: MeasureState) {
  return stageSchedule(state).map((event) => event.kind);
}

describe('领办 (claim)', () => {
  it('a leader claims once; a second claim is refused with the reason', () => {
    const claimed = applyAction(measure(), 'claim', { note: '亲自督办' }, leader, now).state;
    expect([claimed.claimedBy, claimed.claimedAt]).toEqual(['leader', now.toISOString()]);
    expect(actionsFor(claimed, head)).not.toContain('claim');
    expect(() => applyAction(claimed, 'claim', {}, head, now)).toThrow(/already claimed/);
    expect(code(() => applyAction(measure(), 'claim', {}, staff, now))).toBe('FORBIDDEN');
  });
});

describe('长期坚持 as it is lived', () => {
  const ongoing = (overrides: Partial<MeasureState> = {}) =>
    measure({ kind: 'ongoing', dueAt: '2025-03-02T00:00:00.000Z', ...overrides });

  it('the first report falls due reportEvery after 交办, whatever date the plan wrote', () => {
    const assigned = applyAction(ongoing(), 'assign', {}, office, now).state;
    expect(assigned.dueAt).toBe('2025-04-01T02:00:00.000Z');
    expect(assigned.stageDueAt).toBe('2025-04-01T02:00:00.000Z');
  });

  it('结束 is offered only after a report, and goes to the responsible leader’s 销号', () => {
    const assigned = applyAction(ongoing(), 'assign', {}, office, now).state;
    expect(actionsFor(assigned, office)).not.toContain('conclude');
    const reported = applyAction(assigned, 'report_progress', { summary: '第一期' }, staff, now).state;
    const ended = applyAction(reported, 'conclude', { note: '转入常态化' }, office, now).state;
    expect(ended.stage).toBe('signoff');
    expect(applyAction(ended, 'sign_off', { decision: 'approve' }, leader, now).state.stage).toBe('lookback');
  });

  it('reports go to review when the policy says so; approved, the next period runs; rejected, a corrected one is due', () => {
    const policy = { ...DEFAULT_POLICY, reviewOngoingReports: true };
    const assigned = applyAction(ongoing({ policy }), 'assign', {}, office, now).state;
    const reported = applyAction(assigned, 'report_progress', { summary: '第一期' }, staff, now).state;
    expect([reported.stage, reported.lastSubmission?.report]).toEqual(['review', true]);
    const reviewer: Actor = { personId: 'rev', departmentId: null, inspectionRoles: ['reviewer'] };
    const approved = applyAction(reported, 'review', { decision: 'approve' }, reviewer, now).state;
    expect([approved.stage, approved.stageDueAt]).toEqual(['rectify', reported.dueAt]);
    const rejected = applyAction(reported, 'review', { decision: 'reject', reason: '内容不实' }, reviewer, now).state;
    expect([rejected.stage, rejected.round]).toEqual(['rectify', 2]);
  });
});

describe('重新整改 (reopen) and the look-back wait', () => {
  it('a closed measure is reopened by the supervisor with a reason and a new deadline, in a new round', () => {
    const closed = measure({ stage: 'closed', signedOffAt: now.toISOString(), round: 1 });
    expect(code(() => applyAction(closed, 'reopen', { dueAt: '2025-06-30T00:00:00Z' } as never, supervisor, now))).toBe(
      'INVALID_INPUT',
    );
    const reopened = applyAction(
      closed,
      'reopen',
      { reason: '群众反映', dueAt: '2025-06-30T00:00:00Z' },
      supervisor,
      now,
    );
    expect(reopened.state).toMatchObject({
      stage: 'rectify',
      round: 2,
      signedOffAt: null,
      dueAt: '2025-06-30T00:00:00.000Z',
    });
    expect(code(() => applyAction(closed, 'reopen', { reason: 'x', dueAt: '2025-06-30T00:00:00Z' }, staff, now))).toBe(
      'FORBIDDEN',
    );
  });

  it('the window to reopen is reopenableFor after closing', () => {
    const closed = measure({ stage: 'closed', stageEnteredAt: now.toISOString() });
    expect(reopenWindowMs(closed, now.getTime())).toBe(365 * 86_400_000);
    const short = { ...closed, policy: { ...closed.policy, reopenableFor: 'P7D' } };
    expect(reopenWindowMs(short, now.getTime() + 86_400_000)).toBe(6 * 86_400_000);
  });

  it('before the look-back falls due, supervision and an early look-back are allowed', () => {
    const waiting = measure({ stage: 'lookback', lookBackDue: false, stageDueAt: '2025-06-01T00:00:00.000Z' });
    expect(actionsFor(waiting, supervisor)).toEqual(expect.arrayContaining(['record_look_back', 'supervise']));
    expect(applyAction(waiting, 'record_look_back', { result: 'holds' }, supervisor, now).state.stage).toBe('closed');
  });
});

describe('立行立改 may have a shorter ladder', () => {
  it('uses immediateEscalateAfter in 整改 when the policy gives one', () => {
    const policy = { ...DEFAULT_POLICY, immediateEscalateAfter: ['P0D', 'P1D'] };
    const state = measure({ kind: 'immediate', stage: 'rectify', stageDueAt: '2025-03-10T00:00:00.000Z', policy });
    const escalations = stageSchedule(state).filter((event) => event.kind === 'escalation');
    expect(escalations.map((event) => event.offset)).toEqual(['P0D', 'P1D']);
  });
});
