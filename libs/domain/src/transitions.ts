import { addDuration } from './duration';
import { ACTION_ROLES, ActionInputs, ActionName, isRefusal, textRequired } from './actions';
import { Actor, MeasureState, measureRolesOf } from './measure-state';
import { ESCALATION_AUDIENCES } from './policy';
import { STAGE_LABELS, Stage } from './stage';
import { deadlineProblem } from './bounds';
import { checkText, TEXT_LIMITS } from './text';

/** Why an action was refused; the API maps these to HTTP 409 / 403 / 400. */
export type RefusalCode = 'STAGE_CONFLICT' | 'FORBIDDEN' | 'INVALID_INPUT';

export class ActionRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ActionRefused';
  }
}

export interface TransitionResult {
  state: MeasureState;
  fromStage: Stage;
  toStage: Stage;
  /** What goes into the audit trail besides the action itself. */
  detail: Record<string, unknown>;
}

/**
 * Rules added after workflows were already running (the product's text rule, no 销号 of one's own
 * submission). Update validators always apply them; a handler replaying an older history applies
 * them only when the workflow's history says so (patched), so replay gives the same result.
 */
export interface RuleOptions {
  strict: boolean;
}
const STRICT: RuleOptions = { strict: true };

/** Actions the current stage allows, whoever asks. */
export function stageActions(state: MeasureState): ActionName[] {
  const ongoing = state.kind === 'ongoing';
  switch (state.stage) {
    case 'assign':
      return ['assign'];
    case 'rectify':
      if (ongoing) return ['report_progress', 'conclude', 'supervise'];
      return state.pendingExtension
        ? ['submit_evidence', 'decide_extension', 'supervise']
        : ['submit_evidence', 'request_extension', 'supervise'];
    case 'review':
      return ['review', 'supervise'];
    case 'signoff':
      return ['sign_off', 'supervise'];
    case 'lookback':
      return state.lookBackDue ? ['record_look_back', 'supervise'] : [];
    case 'closed':
      return [];
  }
}

/** Actions this actor may take now (what a UI offers). */
export function actionsFor(state: MeasureState, actor: Actor): ActionName[] {
  const roles = measureRolesOf(state, actor);
  return stageActions(state).filter((action) => {
    if (!ACTION_ROLES[action].some((role) => roles.includes(role))) return false;
    if (action === 'review' && state.lastSubmission?.by === actor.personId) return false;
    if (action === 'sign_off' && signsOwnSubmission(state, actor)) return false;
    return true;
  });
}

function describeStage(state: MeasureState): string {
  const label = `${STAGE_LABELS[state.stage]} (${state.stage})`;
  if (state.stage === 'lookback' && !state.lookBackDue) {
    return `${label}, look-back not due until ${state.stageDueAt}`;
  }
  return label;
}

/** Refuses unless the action is allowed in this stage and by this actor's role in this measure. */
export function authorise(state: MeasureState, action: ActionName, actor: Actor, options: RuleOptions = STRICT): void {
  const allowed = stageActions(state);
  if (!allowed.includes(action)) {
    const list = allowed.length ? allowed.join(', ') : 'none';
    throw new ActionRefused(
      'STAGE_CONFLICT',
      `action "${action}" is not allowed in stage ${describeStage(state)}; allowed now: ${list}`,
    );
  }
  const roles = measureRolesOf(state, actor);
  const needed = ACTION_ROLES[action];
  if (!needed.some((role) => roles.includes(role))) {
    throw new ActionRefused(
      'FORBIDDEN',
      `person ${actor.personId} may not "${action}" on this measure: it needs the role ${needed.join(' or ')}, and the person has ${roles.length ? roles.join(', ') : 'no role'} here`,
    );
  }
  if (action === 'review' && state.lastSubmission?.by === actor.personId) {
    throw new ActionRefused('FORBIDDEN', `person ${actor.personId} submitted this evidence and may not review it`);
  }
  if (options.strict && action === 'sign_off' && signsOwnSubmission(state, actor)) {
    throw new ActionRefused(
      'FORBIDDEN',
      `person ${actor.personId} submitted this round's evidence and may not sign it off (销号); the inspection's policy does not allow it`,
    );
  }
}

/** Separation of duties at 销号: the submitter of the round's evidence signs it off only where the policy allows. */
function signsOwnSubmission(state: MeasureState, actor: Actor): boolean {
  return state.lastSubmission?.by === actor.personId && !state.policy.allowSubmitterSignOff;
}

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

function enter(state: MeasureState, stage: Stage, now: Date, stageDueAt: string | null): MeasureState {
  return { ...state, stage, stageEnteredAt: now.toISOString(), stageDueAt, escalationLevel: 0 };
}

function reopen(state: MeasureState, now: Date, dueAt: string): MeasureState {
  return {
    ...enter(state, 'rectify', now, dueAt),
    round: state.round + 1,
    dueAt,
    lookBackDue: false,
    pendingExtension: null,
  };
}

/**
 * The pure stage machine: checks stage, role and input, then returns the next state.
 * Throws ActionRefused (and changes nothing) when the action may not be taken.
 */
export function applyAction<A extends ActionName>(
  state: MeasureState,
  action: A,
  input: ActionInputs[A],
  actor: Actor,
  now: Date,
  options: RuleOptions = STRICT,
): TransitionResult {
  authorise(state, action, actor, options);
  validateInput(state, action, input, now, options);
  const fromStage = state.stage;
  const at = now.toISOString();
  const policy = state.policy;
  let next: MeasureState;
  let detail: Record<string, unknown>;

  switch (action) {
    case 'assign': {
      const payload = input as ActionInputs['assign'];
      const participants = {
        leadDepartmentId: payload.leadDepartmentId ?? state.participants.leadDepartmentId,
        cooperatingDepartmentIds: payload.cooperatingDepartmentIds ?? state.participants.cooperatingDepartmentIds,
        responsibleLeaderId: payload.responsibleLeaderId ?? state.participants.responsibleLeaderId,
      };
      const dueAt = payload.dueAt ? new Date(payload.dueAt).toISOString() : state.dueAt;
      next = enter({ ...state, participants, dueAt }, 'rectify', now, dueAt);
      detail = { participants, dueAt };
      break;
    }
    case 'submit_evidence': {
      const payload = input as ActionInputs['submit_evidence'];
      const submission = {
        by: actor.personId,
        at,
        summary: payload.summary.trim(),
        evidenceIds: [...new Set(payload.evidenceIds)],
        round: state.round,
      };
      next = enter(
        { ...state, lastSubmission: submission, latestProgress: submission.summary, pendingExtension: null },
        'review',
        now,
        addDuration(now, policy.reviewWithin).toISOString(),
      );
      detail = {
        summary: submission.summary,
        evidenceIds: submission.evidenceIds,
        extensionWithdrawn: state.pendingExtension !== null,
      };
      break;
    }
    case 'report_progress': {
      const payload = input as ActionInputs['report_progress'];
      const dueAt = addDuration(new Date(state.dueAt), policy.reportEvery).toISOString();
      next = {
        ...enter(state, 'rectify', now, dueAt),
        dueAt,
        reportsFiled: state.reportsFiled + 1,
        latestProgress: payload.summary.trim(),
      };
      detail = {
        summary: payload.summary.trim(),
        evidenceIds: payload.evidenceIds ?? [],
        nextReportDueAt: dueAt,
        period: state.reportsFiled + 1,
      };
      break;
    }
    case 'request_extension': {
      const payload = input as ActionInputs['request_extension'];
      const request = {
        by: actor.personId,
        at,
        requestedDueAt: new Date(payload.requestedDueAt).toISOString(),
        reason: payload.reason.trim(),
      };
      next = { ...state, pendingExtension: request };
      detail = { requestedDueAt: request.requestedDueAt, currentDueAt: state.dueAt, reason: request.reason };
      break;
    }
    case 'decide_extension': {
      const payload = input as ActionInputs['decide_extension'];
      const request = state.pendingExtension!;
      if (payload.approve) {
        next = {
          ...enter(state, 'rectify', now, request.requestedDueAt),
          stageEnteredAt: state.stageEnteredAt,
          dueAt: request.requestedDueAt,
          pendingExtension: null,
        };
      } else {
        next = { ...state, pendingExtension: null };
      }
      detail = {
        approve: payload.approve,
        reason: payload.reason?.trim() ?? null,
        previousDueAt: state.dueAt,
        requestedDueAt: request.requestedDueAt,
      };
      break;
    }
    case 'review': {
      const payload = input as ActionInputs['review'];
      next =
        payload.decision === 'approve'
          ? enter(state, 'signoff', now, addDuration(now, policy.signOffWithin).toISOString())
          : reopen(state, now, state.dueAt);
      detail = { decision: payload.decision, reason: payload.reason?.trim() ?? null };
      break;
    }
    case 'sign_off': {
      const payload = input as ActionInputs['sign_off'];
      if (payload.decision === 'approve') {
        next = {
          ...enter(state, 'lookback', now, addDuration(now, policy.lookBackAfter).toISOString()),
          signedOffAt: at,
          lookBackDue: false,
        };
      } else {
        next = reopen(state, now, state.dueAt);
      }
      detail = { decision: payload.decision, reason: payload.reason?.trim() ?? null };
      break;
    }
    case 'record_look_back': {
      const payload = input as ActionInputs['record_look_back'];
      if (payload.result === 'holds') {
        next = enter(state, 'closed', now, null);
      } else {
        const dueAt = payload.newDueAt
          ? new Date(payload.newDueAt).toISOString()
          : addDuration(now, policy.reboundRectifyWithin).toISOString();
        next = reopen(state, now, dueAt);
      }
      detail = { result: payload.result, note: payload.note?.trim() ?? null };
      break;
    }
    case 'conclude': {
      const payload = input as ActionInputs['conclude'];
      next = enter(state, 'closed', now, null);
      detail = { note: payload.note.trim(), reportsFiled: state.reportsFiled };
      break;
    }
    case 'supervise': {
      const payload = input as ActionInputs['supervise'];
      next = { ...state, escalationLevel: ESCALATION_AUDIENCES.length };
      detail = { reason: payload.reason.trim(), notice: '督办单', previousLevel: state.escalationLevel };
      break;
    }
    default:
      throw new ActionRefused('INVALID_INPUT', `unknown action "${String(action)}"`);
  }
  return { state: next, fromStage, toStage: next.stage, detail };
}
