import { ACTION_FORMS, ACTIONS, ActionInputs, ActionName, isRefusal, textRequired } from './actions';
import { initialState } from './initial-state';
import { DEFAULT_POLICY } from './policy';
import { validateInput } from './action-input';
import { ActionRefused } from './authority';

const now = new Date('2025-03-01T00:00:00Z');
const state = initialState(
  {
    measureId: 'm1',
    inspectionId: 'i1',
    kind: 'deadline',
    policy: DEFAULT_POLICY,
    participants: { leadDepartmentId: 'd', cooperatingDepartmentIds: [], responsibleLeaderId: 'leader' },
    dueAt: '2025-04-30T15:59:59.000Z',
  },
  now,
);

/** What the plan's upkeep forms add beside the table's fields: the owners or the deadline they change. */
const OWNERS_AND_DEADLINES: Partial<Record<ActionName, Record<string, unknown>>> = {
  reassign: { responsibleLeaderId: 'leader2' },
  change_deadline: { dueAt: '2025-06-30T00:00:00.000Z' },
};

/** A complete input for each action, without its words. */
function input(action: ActionName, refusing: boolean): Record<string, unknown> {
  const form = ACTION_FORMS[action];
  const body: Record<string, unknown> = { ...OWNERS_AND_DEADLINES[action] };
  if (form.decision)
    body[form.decision.field] = form.decision.field === 'approve' ? !refusing : form.decision.answers[refusing ? 1 : 0];
  if (form.date?.required) body[form.date.field] = '2025-06-30T00:00:00.000Z';
  if (form.evidence) body.evidenceIds = ['e1'];
  return body;
}

function refusalOf(action: ActionName, body: Record<string, unknown>): string | null {
  try {
    validateInput(state, action, body as unknown as ActionInputs[ActionName], now);
    return null;
  } catch (error) {
    if (error instanceof ActionRefused) return error.message;
    throw error;
  }
}

describe('ACTION_FORMS', () => {
  it('says when the validators require the words, for every action and answer', () => {
    for (const action of ACTIONS) {
      const form = ACTION_FORMS[action];
      for (const refusing of form.decision ? [false, true] : [false]) {
        const body = input(action, refusing);
        expect({ action, refusing, refused: isRefusal(action, body) }).toEqual({ action, refusing, refused: refusing });
        const without = refusalOf(action, body);
        expect({ action, refusing, message: without }).toEqual({
          action,
          refusing,
          message: textRequired(action, refusing) ? `${form.text} is required` : null,
        });
        if (form.text)
          expect({ action, refusing, message: refusalOf(action, { ...body, [form.text]: '理由' }) }).toEqual({
            action,
            refusing,
            message: null,
          });
      }
    }
  });

  it('lists the answers the validators accept, going ahead first', () => {
    expect(ACTION_FORMS.review.decision?.answers).toEqual(['approve', 'reject']);
    expect(ACTION_FORMS.sign_off.decision?.answers).toEqual(['approve', 'return']);
    expect(ACTION_FORMS.record_look_back.decision?.answers).toEqual(['holds', 'rebound']);
    expect(refusalOf('review', { decision: 'return' })).toBe('decision must be "approve" or "reject"');
  });
});
