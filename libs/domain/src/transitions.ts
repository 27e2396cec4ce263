import { addDuration } from './duration';
import { ActionInputs, ActionName } from './actions';
import { ActionRefused, authorise, authoriseInput, RuleOptions, STRICT } from './authority';
import { validateInput } from './action-input';
import { Actor, MeasureState, Participants } from './measure-state';
import { normaliseText } from './text';
import { ESCALATION_AUDIENCES } from './policy';
import { MeasureKind, Stage } from './stage';
import type { TimerPolicy } from './policy';

export interface TransitionResult {
  state: MeasureState;
  fromStage: Stage;
  toStage: Stage;
  /** What goes into the audit trail besides the action itself. */
  detail: Record<string, unknown>;
}

function enter(state: MeasureState, stage: Stage, now: Date, stageDueAt: string | null): MeasureState {
  return { ...state, stage, stageEnteredAt: now.toISOString(), stageDueAt, escalationLevel: 0 };
}

type OwnerFields = Partial<
  Pick<
    Participants,
    'leadDepartmentId' | 'cooperatingDepartmentIds' | 'responsibleLeaderId' | 'coLeaderIds' | 'assigneeId'
  >
>;

/** The participants with the owners a request names (an omitted field stays as it is). */
function withOwners(current: Participants, given: OwnerFields): Participants {
  const participants: Participants = {
    leadDepartmentId: given.leadDepartmentId ?? current.leadDepartmentId,
    cooperatingDepartmentIds: given.cooperatingDepartmentIds
      ? [...new Set(given.cooperatingDepartmentIds)]
      : current.cooperatingDepartmentIds,
    responsibleLeaderId: given.responsibleLeaderId ?? current.responsibleLeaderId,
  };
  const coLeaderIds = given.coLeaderIds ? [...new Set(given.coLeaderIds)] : current.coLeaderIds;
  const assigneeId = given.assigneeId !== undefined ? given.assigneeId : current.assigneeId;
  // Only present when used, so histories from before these fields keep their exact detail.
  if (coLeaderIds !== undefined) participants.coLeaderIds = coLeaderIds;
  if (assigneeId !== undefined) participants.assigneeId = assigneeId;
  return participants;
}

/** The deadline at 交办 when none is given: the plan's, or, if it was provisional, the policy's from today. */
function assignedDueAt(state: MeasureState, now: Date): string {
  return state.dueOnAssign ? dueFromAssign(state.kind, state.policy, now).toISOString() : state.dueAt;
}

/** A measure given no date: 立行立改 due immediateWithin (default P30D), 长期坚持 reporting reportEvery, from `from`. */
export function dueFromAssign(kind: MeasureKind, policy: TimerPolicy, from: Date): Date {
  return addDuration(from, kind === 'ongoing' ? policy.reportEvery : (policy.immediateWithin ?? 'P30D'));
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
  authoriseInput(state, action, input, actor);
  validateInput(state, action, input, now, options);
  const fromStage = state.stage;
  const at = now.toISOString();
  const policy = state.policy;
  let next: MeasureState;
  let detail: Record<string, unknown>;

  switch (action) {
    case 'assign': {
      const payload = input as ActionInputs['assign'];
      const participants = withOwners(state.participants, payload);
      const dueAt = payload.dueAt ? new Date(payload.dueAt).toISOString() : assignedDueAt(state, now);
      const instructions = payload.instructions?.trim() || null;
      const content = options.plan ? { originalDueAt: dueAt, instructions, dueOnAssign: false } : {};
      next = enter({ ...state, participants, dueAt, ...content }, 'rectify', now, dueAt);
      detail = instructions ? { participants, dueAt, instructions } : { participants, dueAt };
      break;
    }
    case 'reassign': {
      const payload = input as ActionInputs['reassign'];
      const participants = withOwners(state.participants, payload);
      next = { ...state, participants };
      detail = { previous: state.participants, participants, reason: payload.reason.trim() };
      break;
    }
    case 'change_deadline': {
      const payload = input as ActionInputs['change_deadline'];
      const dueAt = payload.dueAt ? new Date(payload.dueAt).toISOString() : state.dueAt;
      const kind = payload.kind ?? state.kind;
      const moved = { ...state, kind, dueAt, originalDueAt: state.originalDueAt ?? state.dueAt };
      // In 整改 the new deadline governs the timers at once (new keys, the ladder starts again).
      next =
        state.stage === 'rectify'
          ? { ...enter(moved, 'rectify', now, dueAt), stageEnteredAt: state.stageEnteredAt, pendingExtension: null }
          : moved;
      detail = {
        previousDueAt: state.dueAt,
        dueAt,
        originalDueAt: next.originalDueAt,
        previousKind: state.kind,
        kind,
        reason: payload.reason.trim(),
        approvedById: payload.approvedById ?? null,
      };
      break;
    }
    case 'edit_text': {
      const payload = input as ActionInputs['edit_text'];
      next = state;
      detail = { text: normaliseText(payload.text), reason: payload.reason?.trim() || null };
      break;
    }
    case 'void': {
      const payload = input as ActionInputs['void'];
      next = { ...enter(state, 'voided', now, null), pendingExtension: null };
      detail = { reason: payload.reason.trim(), previousStage: state.stage };
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
