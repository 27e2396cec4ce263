import { ActionInputs, ActionName, isRefusal, textRequired } from './actions';
import { ActionRefused, RuleOptions, STRICT } from './authority';
import { deadlineProblem } from './bounds';
import { MeasureState } from './measure-state';
import { checkText, TEXT_LIMITS } from './text';

function requireText(
  value: unknown,
  field: string,
  required = true,
  options: RuleOptions = STRICT,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new ActionRefused('INVALID_INPUT', `${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new ActionRefused('INVALID_INPUT', `${field} must be text`);
  if (!options.strict) {
    // The rule before the text rule existed, kept for replaying older histories.
    const trimmed = value.trim();
    if (required && !trimmed) throw new ActionRefused('INVALID_INPUT', `${field} must not be blank`);
    if (trimmed.length > TEXT_LIMITS.actionText)
      throw new ActionRefused('INVALID_INPUT', `${field} is longer than ${TEXT_LIMITS.actionText} characters`);
    return trimmed;
  }
  const check = checkText(value, { max: TEXT_LIMITS.actionText, min: required ? 1 : 0, multiline: true });
  if (!check.ok) throw new ActionRefused('INVALID_INPUT', `${field} ${check.problem}`);
  return check.value;
}

function requireInstant(value: unknown, field: string, options: RuleOptions): string {
  const text = requireText(value, field, true, options) as string;
  const time = Date.parse(text);
  if (Number.isNaN(time))
    throw new ActionRefused('INVALID_INPUT', `${field} must be an ISO-8601 date-time (got "${text}")`);
  const problem = options.strict ? deadlineProblem(new Date(time)) : null;
  if (problem) throw new ActionRefused('INVALID_INPUT', `${field} ${problem}`);
  return new Date(time).toISOString();
}

function requireIdList(value: unknown, field: string, minimum: number): string[] {
  if (value === undefined && minimum === 0) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !item)) {
    throw new ActionRefused('INVALID_INPUT', `${field} must be a list of ids`);
  }
  if (value.length < minimum) throw new ActionRefused('INVALID_INPUT', `${field} needs at least ${minimum} item(s)`);
  return [...new Set(value as string[])];
}

/** Validates the payload of an action; throws INVALID_INPUT naming the field. */
export function validateInput<A extends ActionName>(
  state: MeasureState,
  action: A,
  input: ActionInputs[A],
  now: Date,
  options: RuleOptions = STRICT,
): void {
  const payload = (input ?? {}) as unknown as Record<string, unknown>;
  const text = (value: unknown, field: string, required = true) => requireText(value, field, required, options);
  const instant = (value: unknown, field: string) => requireInstant(value, field, options);
  // Whether the person's words are required: ACTION_FORMS, the table the workbench's forms follow too.
  const words = textRequired(action, isRefusal(action, payload));
  switch (action) {
    case 'assign':
      if (payload.dueAt !== undefined) instant(payload.dueAt, 'dueAt');
      if (payload.cooperatingDepartmentIds !== undefined)
        requireIdList(payload.cooperatingDepartmentIds, 'cooperatingDepartmentIds', 0);
      if (payload.leadDepartmentId !== undefined) text(payload.leadDepartmentId, 'leadDepartmentId');
      if (payload.responsibleLeaderId !== undefined) text(payload.responsibleLeaderId, 'responsibleLeaderId');
      return;
    case 'submit_evidence':
      text(payload.summary, 'summary', words);
      requireIdList(payload.evidenceIds, 'evidenceIds', 1);
      return;
    case 'report_progress':
      text(payload.summary, 'summary', words);
      requireIdList(payload.evidenceIds, 'evidenceIds', 0);
      return;
    case 'request_extension': {
      text(payload.reason, 'reason', words);
      const requested = instant(payload.requestedDueAt, 'requestedDueAt');
      if (Date.parse(requested) <= Date.parse(state.dueAt)) {
        throw new ActionRefused(
          'INVALID_INPUT',
          `requestedDueAt must be later than the current deadline ${state.dueAt}`,
        );
      }
      return;
    }
    case 'decide_extension':
      if (typeof payload.approve !== 'boolean')
        throw new ActionRefused('INVALID_INPUT', 'approve must be true or false');
      text(payload.reason, 'reason', words);
      return;
    case 'review':
      if (payload.decision !== 'approve' && payload.decision !== 'reject') {
        throw new ActionRefused('INVALID_INPUT', 'decision must be "approve" or "reject"');
      }
      text(payload.reason, 'reason', words);
      return;
    case 'sign_off':
      if (payload.decision !== 'approve' && payload.decision !== 'return') {
        throw new ActionRefused('INVALID_INPUT', 'decision must be "approve" or "return"');
      }
      text(payload.reason, 'reason', words);
      return;
    case 'record_look_back': {
      if (payload.result !== 'holds' && payload.result !== 'rebound') {
        throw new ActionRefused('INVALID_INPUT', 'result must be "holds" or "rebound"');
      }
      text(payload.note, 'note', words);
      if (payload.newDueAt !== undefined) {
        const due = instant(payload.newDueAt, 'newDueAt');
        if (Date.parse(due) <= now.getTime())
          throw new ActionRefused('INVALID_INPUT', 'newDueAt must be in the future');
      }
      return;
    }
    case 'conclude':
      text(payload.note, 'note', words);
      return;
    case 'supervise':
      text(payload.reason, 'reason', words);
      return;
  }
}
