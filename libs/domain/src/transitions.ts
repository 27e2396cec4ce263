import { addDuration } from './duration';
import { policyTime } from './policy-time';
import { ActionInputs, ActionName } from './actions';
import { ActionRefused, authorise, authoriseInput, RuleOptions, STRICT } from './authority';
import { validateInput } from './action-input';
import { Actor, MeasureState } from './measure-state';
import { ESCALATION_AUDIENCES } from './policy';
import { Stage } from './stage';
import {
  assignedDueAt,
  enter,
  missingContributions,
  openSupervision,
  planTransition,
  reopen,
  withOwners,
} from './plan-transitions';

export { dueFromAssign } from './plan-transitions';

/** Whether the measure lives as 长期坚持 does (features of new measures): reported, reviewed if asked, ended by 销号. */
function livedOngoing(state: MeasureState): boolean {
  return state.kind === 'ongoing' && state.features?.ongoingLived === true;
}

export interface TransitionResult {
  state: MeasureState;
  fromStage: Stage;
  toStage: Stage;
  /** What goes into the audit trail besides the action itself. */
  detail: Record<string, unknown>;
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
  const planned = planTransition(state, action, input, actor, now);
  if (planned) return { state: planned.next, fromStage, toStage: planned.next.stage, detail: planned.detail };

  switch (action) {
    case 'assign': {
      const payload = input as ActionInputs['assign'];
      const participants = withOwners(state.participants, payload);
      const dueAt = payload.dueAt ? new Date(payload.dueAt).toISOString() : assignedDueAt(state, now);
      // 长期坚持 (new measures): the plan's date is no deadline; the first report falls due reportEvery after 交办.
      const instructions = payload.instructions?.trim() || null;
      const content = options.plan ? { originalDueAt: dueAt, instructions, dueOnAssign: false } : {};
      next = enter({ ...state, participants, dueAt, ...content }, 'rectify', now, dueAt);
      detail = instructions ? { participants, dueAt, instructions } : { participants, dueAt };
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
        policyTime(state, now, policy.reviewWithin).toISOString(),
      );
      detail = {
        summary: submission.summary,
        evidenceIds: submission.evidenceIds,
        extensionWithdrawn: state.pendingExtension !== null,
        // The cooperating departments' parts go with the lead's submission; missing ones are named, not blocking.
        ...(state.features?.cooperation && state.participants.cooperatingDepartmentIds.length
          ? {
              contributions: (state.contributions ?? []).filter((item) => item.round === state.round),
              missingContributions: missingContributions(state),
            }
          : {}),
      };
      break;
    }
    case 'report_progress': {
      const payload = input as ActionInputs['report_progress'];
      const dueAt = addDuration(new Date(state.dueAt), policy.reportEvery).toISOString();
      const reported = {
        ...state,
        dueAt,
        reportsFiled: state.reportsFiled + 1,
        latestProgress: payload.summary.trim(),
      };
      if (livedOngoing(state) && policy.reviewOngoingReports) {
        // The report goes to review first; approved, the next period starts, due `dueAt`.
        const report = {
          by: actor.personId,
          at,
          summary: payload.summary.trim(),
          evidenceIds: [...new Set(payload.evidenceIds ?? [])],
          round: state.round,
          report: true,
        };
        next = enter(
          { ...reported, lastSubmission: report },
          'review',
          now,
          policyTime(state, now, policy.reviewWithin).toISOString(),
        );
      } else next = enter(reported, 'rectify', now, dueAt);
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
      if (state.lastSubmission?.report) {
        // A periodic report: approved, the period it opened runs on; rejected, a corrected one is due by then.
        next =
          payload.decision === 'approve' ? enter(state, 'rectify', now, state.dueAt) : reopen(state, now, state.dueAt);
      } else
        next =
          payload.decision === 'approve'
            ? enter(state, 'signoff', now, policyTime(state, now, policy.signOffWithin).toISOString())
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
      if (livedOngoing(state)) {
        // 结束长期坚持 goes to the responsible leader's 销号, like any measure's completion.
        const ending = { by: actor.personId, at, summary: payload.note.trim(), evidenceIds: [], round: state.round };
        next = enter(
          { ...state, lastSubmission: ending },
          'signoff',
          now,
          policyTime(state, now, policy.signOffWithin).toISOString(),
        );
      } else next = enter(state, 'closed', now, null);
      detail = { note: payload.note.trim(), reportsFiled: state.reportsFiled };
      break;
    }
    case 'supervise': {
      const payload = input as ActionInputs['supervise'];
      next = openSupervision(
        { ...state, escalationLevel: ESCALATION_AUDIENCES.length },
        actor,
        payload.reason.trim(),
        now,
      );
      detail = { reason: payload.reason.trim(), notice: '督办单', previousLevel: state.escalationLevel };
      break;
    }
    default:
      throw new ActionRefused('INVALID_INPUT', `unknown action "${String(action)}"`);
  }
  return { state: next, fromStage, toStage: next.stage, detail };
}
