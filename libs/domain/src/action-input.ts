import { ActionInputs, ActionName, isRefusal, textRequired } from './actions';
import { ActionRefused, RuleOptions, STRICT } from './authority';
import { deadlineProblem } from './bounds';
import { MeasureState } from './measure-state';
import { reason, textFieldReason } from './refusal';
import { checkText, TEXT_LIMITS } from './text';

function requireText(
  value: unknown,
  field: string,
  required = true,
  options: RuleOptions = STRICT,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new ActionRefused('INVALID_INPUT', `${field} is required`, reason('FIELD_REQUIRED', { field }));
    return undefined;
  }
  if (typeof value !== 'string')
    throw new ActionRefused('INVALID_INPUT', `${field} must be text`, reason('FIELD_INVALID', { field }));
  if (!options.strict) {
    // The rule before the text rule existed, kept for replaying older histories.
    const trimmed = value.trim();
    if (required && !trimmed) throw new ActionRefused('INVALID_INPUT', `${field} must not be blank`);
    if (trimmed.length > TEXT_LIMITS.actionText)
      throw new ActionRefused('INVALID_INPUT', `${field} is longer than ${TEXT_LIMITS.actionText} characters`);
    return trimmed;
  }
  const check = checkText(value, { max: TEXT_LIMITS.actionText, min: required ? 1 : 0, multiline: true });
  if (!check.ok)
    throw new ActionRefused('INVALID_INPUT', `${field} ${check.problem}`, textFieldReason(field, check.problem));
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

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Midnight of `now`'s day in China time: a deadline may be today, not earlier. */
export function startOfChinaDay(now: Date): number {
  return Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

function requireNotPast(value: string, field: string, now: Date): void {
  if (Date.parse(value) < startOfChinaDay(now))
    throw new ActionRefused(
      'INVALID_INPUT',
      `${field} must not be before today (got ${value.slice(0, 10)})`,
      reason('DATE_BEFORE_TODAY', { field }),
    );
}

function optionalId(value: unknown, field: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !value) throw new ActionRefused('INVALID_INPUT', `${field} must be an id`);
}

const KINDS = ['immediate', 'deadline', 'ongoing'];

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
      if (payload.dueAt !== undefined) {
        const due = instant(payload.dueAt, 'dueAt');
        if (options.plan) requireNotPast(due, 'dueAt', now);
      }
      if (payload.cooperatingDepartmentIds !== undefined)
        requireIdList(payload.cooperatingDepartmentIds, 'cooperatingDepartmentIds', 0);
      if (payload.leadDepartmentId !== undefined) text(payload.leadDepartmentId, 'leadDepartmentId');
      if (payload.responsibleLeaderId !== undefined) text(payload.responsibleLeaderId, 'responsibleLeaderId');
      if (options.plan) {
        if (payload.coLeaderIds !== undefined) requireIdList(payload.coLeaderIds, 'coLeaderIds', 0);
        optionalId(payload.assigneeId, 'assigneeId');
        text(payload.instructions, 'instructions', false);
      }
      return;
    case 'reassign':
      validateReassign(state, payload, text);
      return;
    case 'change_deadline': {
      text(payload.reason, 'reason', words);
      if (payload.dueAt === undefined && payload.kind === undefined)
        throw new ActionRefused('INVALID_INPUT', 'dueAt or kind is required');
      if (payload.kind !== undefined && !KINDS.includes(payload.kind as string))
        throw new ActionRefused('INVALID_INPUT', 'kind must be "immediate", "deadline" or "ongoing"');
      optionalId(payload.approvedById, 'approvedById');
      const due = payload.dueAt === undefined ? null : instant(payload.dueAt, 'dueAt');
      if (due) requireNotPast(due, 'dueAt', now);
      if ((due === null || due === state.dueAt) && (payload.kind === undefined || payload.kind === state.kind))
        throw new ActionRefused(
          'INVALID_INPUT',
          'dueAt and kind are what the measure already has: nothing to change',
          reason('NOTHING_TO_CHANGE'),
        );
      return;
    }
    case 'edit_text': {
      if (payload.text === undefined || payload.text === null || payload.text === '')
        throw new ActionRefused('INVALID_INPUT', 'text is required', reason('FIELD_REQUIRED', { field: 'text' }));
      const check = checkText(payload.text, { max: TEXT_LIMITS.measureText, min: 1, multiline: true });
      if (!check.ok)
        throw new ActionRefused('INVALID_INPUT', `text ${check.problem}`, textFieldReason('text', check.problem));
      text(payload.reason, 'reason', false);
      return;
    }
    case 'void':
      text(payload.reason, 'reason', words);
      return;
    case 'reopen': {
      text(payload.reason, 'reason', words);
      const due = instant(payload.dueAt, 'dueAt');
      requireNotPast(due, 'dueAt', now);
      return;
    }
    case 'claim':
      text(payload.note, 'note', false);
      return;
    case 'contribute':
      text(payload.summary, 'summary', words);
      requireIdList(payload.evidenceIds, 'evidenceIds', 0);
      return;
    case 'urge':
      text(payload.message, 'message', words);
      return;
    case 'answer_supervision':
      text(payload.text, 'text', words);
      requireIdList(payload.evidenceIds, 'evidenceIds', 0);
      return;
    case 'close_supervision':
      if (payload.decision !== 'close' && payload.decision !== 'return')
        throw new ActionRefused(
          'INVALID_INPUT',
          'decision must be "close" or "return"',
          reason('FIELD_INVALID', { field: 'decision' }),
        );
      text(payload.reason, 'reason', words);
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

const OWNER_FIELDS = [
  'leadDepartmentId',
  'cooperatingDepartmentIds',
  'responsibleLeaderId',
  'coLeaderIds',
  'assigneeId',
] as const;

/** A reassign names at least one owner, changes something, and gives the reason (it changes someone's duty). */
function validateReassign(
  state: MeasureState,
  payload: Record<string, unknown>,
  text: (value: unknown, field: string, required?: boolean) => string | undefined,
): void {
  text(payload.reason, 'reason', true);
  if (payload.leadDepartmentId !== undefined) text(payload.leadDepartmentId, 'leadDepartmentId');
  if (payload.responsibleLeaderId !== undefined) text(payload.responsibleLeaderId, 'responsibleLeaderId');
  if (payload.cooperatingDepartmentIds !== undefined)
    requireIdList(payload.cooperatingDepartmentIds, 'cooperatingDepartmentIds', 0);
  if (payload.coLeaderIds !== undefined) requireIdList(payload.coLeaderIds, 'coLeaderIds', 0);
  optionalId(payload.assigneeId, 'assigneeId');
  const given = OWNER_FIELDS.filter((field) => payload[field] !== undefined);
  if (given.length === 0)
    throw new ActionRefused(
      'INVALID_INPUT',
      `name at least one of ${OWNER_FIELDS.join(', ')} to reassign`,
      reason('NOTHING_TO_CHANGE'),
    );
  const current = state.participants as unknown as Record<string, unknown>;
  const same = (field: (typeof OWNER_FIELDS)[number]) => {
    const now = current[field] ?? (field.endsWith('Ids') ? [] : null);
    const asked = payload[field];
    if (Array.isArray(asked) && Array.isArray(now))
      return [...new Set(asked)].sort().join() === [...new Set(now as string[])].sort().join();
    return asked === now;
  };
  if (given.every(same))
    throw new ActionRefused(
      'INVALID_INPUT',
      'the measure already has these owners: nothing to reassign',
      reason('NOTHING_TO_CHANGE'),
    );
}
