import { Actor, MeasureState } from './measure-state';
import { DEFAULT_POLICY } from './policy';
import { actionsFor, ActionRefused } from './authority';
import { applyAction } from './transitions';
import { initialState } from './initial-state';
import { stageSchedule } from './schedule';

const now = new Date('2025-03-01T02:00:00Z');
const office: Actor = { personId: 'office', departmentId: null, inspectionRoles: ['office'] };
const head: Actor = { personId: 'head', departmentId: null, inspectionRoles: ['group_head'] };

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

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ActionRefused) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('交办 with content', () => {
  it('carries 承办人, 交办要求 and co-leaders, and keeps the deadline it set as the original', () => {
    const { state, detail } = applyAction(
      measure(),
      'assign',
      { assigneeId: 'clerk', instructions: '每月报送进展', coLeaderIds: ['deputy'], dueAt: '2025-05-31T15:59:59Z' },
      office,
      now,
    );
    expect(state.participants).toMatchObject({ assigneeId: 'clerk', coLeaderIds: ['deputy'] });
    expect(state.instructions).toBe('每月报送进展');
    expect(state.originalDueAt).toBe('2025-05-31T15:59:59.000Z');
    expect(detail).toMatchObject({ instructions: '每月报送进展', dueAt: '2025-05-31T15:59:59.000Z' });
  });

  it('gives a 立行立改 measure created without a date the policy immediateWithin from 交办', () => {
    const immediate = measure({ kind: 'immediate', dueOnAssign: true, dueAt: '2099-01-01T00:00:00.000Z' });
    const { state } = applyAction(immediate, 'assign', {}, office, now);
    expect(state.dueAt).toBe('2025-03-31T02:00:00.000Z');
    const shorter = { ...immediate, policy: { ...DEFAULT_POLICY, immediateWithin: 'P7D' } };
    expect(applyAction(shorter, 'assign', {}, office, now).state.dueAt).toBe('2025-03-08T02:00:00.000Z');
  });

  it('refuses a confirmed deadline before today (China time), accepts today', () => {
    expect(refusal(() => applyAction(measure(), 'assign', { dueAt: '2025-02-27T15:59:59Z' }, office, now))).toMatch(
      /INVALID_INPUT: dueAt must not be before today/,
    );
    expect(refusal(() => applyAction(measure(), 'assign', { dueAt: '2025-03-01T15:59:59Z' }, office, now))).toBe(
      'accepted',
    );
  });

  it('the 承办人 works the measure even outside the lead department', () => {
    const assigned = applyAction(measure(), 'assign', { assigneeId: 'clerk' }, office, now).state;
    const clerk: Actor = { personId: 'clerk', departmentId: 'elsewhere', inspectionRoles: [] };
    expect(actionsFor(assigned, clerk)).toContain('submit_evidence');
  });
});

describe('keeping the plan up to date', () => {
  const rectifying = () => applyAction(measure(), 'assign', {}, office, now).state;

  it('reassign moves the owners, keeps the earlier ones in the detail, and needs a reason', () => {
    const { state, detail } = applyAction(
      rectifying(),
      'reassign',
      { leadDepartmentId: 'other', cooperatingDepartmentIds: [], reason: '职能调整' },
      office,
      now,
    );
    expect(state.participants).toMatchObject({ leadDepartmentId: 'other', cooperatingDepartmentIds: [] });
    expect(detail).toMatchObject({ previous: { leadDepartmentId: 'lead', cooperatingDepartmentIds: ['coop'] } });
    expect(
      refusal(() => applyAction(rectifying(), 'reassign', { leadDepartmentId: 'other' } as never, office, now)),
    ).toBe('INVALID_INPUT: reason is required');
  });

  it('a reassign to the same owners is refused', () => {
    const same = { leadDepartmentId: 'lead', cooperatingDepartmentIds: ['coop'], reason: '重复' };
    expect(refusal(() => applyAction(rectifying(), 'reassign', same, office, now))).toMatch(/already has these owners/);
    expect(refusal(() => applyAction(rectifying(), 'reassign', { reason: '无内容' }, office, now))).toMatch(
      /name at least one of/,
    );
  });

  it('a reassign that changes nothing says so by its reason code, not as an invalid field', () => {
    const reasonOf = (input: Record<string, unknown>) => {
      try {
        applyAction(rectifying(), 'reassign', input as never, office, now);
      } catch (error) {
        return (error as ActionRefused).reason;
      }
      return 'accepted';
    };
    expect(reasonOf({ leadDepartmentId: 'lead', reason: '重复' })).toEqual({ code: 'NOTHING_TO_CHANGE', params: {} });
    expect(reasonOf({ reason: '无内容' })).toEqual({ code: 'NOTHING_TO_CHANGE', params: {} });
  });

  it('change_deadline keeps the original deadline and re-plans the timers of 整改', () => {
    const before = rectifying();
    const input = { dueAt: '2025-06-30T15:59:59Z', reason: '上级要求', approvedById: 'leader' };
    const once = applyAction(before, 'change_deadline', input, office, now).state;
    const twice = applyAction(once, 'change_deadline', { ...input, dueAt: '2025-07-31T15:59:59Z' }, office, now).state;
    expect(twice.originalDueAt).toBe('2025-04-30T15:59:59.000Z');
    expect(twice.dueAt).toBe('2025-07-31T15:59:59.000Z');
    expect(twice.stageDueAt).toBe('2025-07-31T15:59:59.000Z');
    const keys = new Set(stageSchedule(before).map((event) => event.key));
    expect(stageSchedule(twice).some((event) => keys.has(event.key))).toBe(false);
  });

  it('the office needs the responsible leader named as consenting; the group head does not', () => {
    const input = { dueAt: '2025-06-30T15:59:59Z', reason: '上级要求' };
    expect(refusal(() => applyAction(rectifying(), 'change_deadline', input, office, now))).toMatch(
      /approvedById must name the responsible leader/,
    );
    expect(
      refusal(() => applyAction(rectifying(), 'change_deadline', { ...input, approvedById: 'someone' }, office, now)),
    ).toMatch(/approvedById/);
    expect(refusal(() => applyAction(rectifying(), 'change_deadline', input, head, now))).toBe('accepted');
  });

  it('change_deadline refuses a date before today and a change that changes nothing', () => {
    const base = { reason: '调整', approvedById: 'leader' };
    expect(
      refusal(() =>
        applyAction(rectifying(), 'change_deadline', { ...base, dueAt: '2025-01-01T00:00:00Z' }, office, now),
      ),
    ).toMatch(/before today/);
    expect(
      refusal(() =>
        applyAction(rectifying(), 'change_deadline', { ...base, dueAt: '2025-04-30T15:59:59Z' }, office, now),
      ),
    ).toMatch(/nothing to change/);
  });

  it('void ends the measure as voided, with the reason', () => {
    const { state, detail } = applyAction(rectifying(), 'void', { reason: '与措施二合并' }, office, now);
    expect(state.stage).toBe('voided');
    expect(detail).toEqual({ reason: '与措施二合并', previousStage: 'rectify' });
    expect(stageSchedule(state)).toEqual([]);
    expect(refusal(() => applyAction(rectifying(), 'void', { reason: '' }, office, now))).toBe(
      'INVALID_INPUT: reason is required',
    );
  });

  it('edit_text leaves the state and records the new wording', () => {
    const before = rectifying();
    const { state, detail } = applyAction(before, 'edit_text', { text: ' 修订后的措施 ' }, office, now);
    expect(state).toBe(before);
    expect(detail).toEqual({ text: '修订后的措施', reason: null });
  });
});
