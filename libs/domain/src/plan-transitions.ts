/**
 * The stage machine's building blocks, and the transitions of the office's upkeep of the plan and
 * of leadership (调整责任, 调整时限, 修改措施, 作废, 重新整改, 领办, 配合反馈, 催办). transitions.ts
 * dispatches to planTransition for these; the measure's own work stays there.
 */
import { addDuration } from './duration';
import { policyTime } from './policy-time';
import { ActionInputs, ActionName } from './actions';
import { Actor, MeasureState, Participants } from './measure-state';
import type { TimerPolicy } from './policy';
import { MeasureKind, Stage } from './stage';
import { normaliseText } from './text';

export function enter(state: MeasureState, stage: Stage, now: Date, stageDueAt: string | null): MeasureState {
  return { ...state, stage, stageEnteredAt: now.toISOString(), stageDueAt, escalationLevel: 0 };
}

type OwnerFields = Partial<
  Pick<
    Participants,
    'leadDepartmentId' | 'cooperatingDepartmentIds' | 'responsibleLeaderId' | 'coLeaderIds' | 'assigneeId'
  >
>;

/** The participants with the owners a request names (an omitted field stays as it is). */
export function withOwners(current: Participants, given: OwnerFields): Participants {
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
export function assignedDueAt(state: MeasureState, now: Date): string {
  // 长期坚持 (measures with the feature): the plan's date is not a deadline; the first report falls due reportEvery after 交办.
  const ongoing = state.kind === 'ongoing' && state.features?.ongoingLived === true;
  return state.dueOnAssign || ongoing ? dueFromAssign(state.kind, state.policy, now).toISOString() : state.dueAt;
}

/** A measure given no date: 立行立改 due immediateWithin (default P30D), 长期坚持 reporting reportEvery, from `from`. */
export function dueFromAssign(kind: MeasureKind, policy: TimerPolicy, from: Date): Date {
  return addDuration(from, kind === 'ongoing' ? policy.reportEvery : (policy.immediateWithin ?? 'P30D'));
}

export function reopen(state: MeasureState, now: Date, dueAt: string): MeasureState {
  return {
    ...enter(state, 'rectify', now, dueAt),
    round: state.round + 1,
    dueAt,
    lookBackDue: false,
    pendingExtension: null,
    // Back in 整改 is not signed off (the trail keeps any earlier 销号); no command depends on it.
    signedOffAt: null,
  };
}

/** The next state and the audit detail of a plan or leadership action; null for any other action. */
export function planTransition(
  state: MeasureState,
  action: ActionName,
  input: unknown,
  actor: Actor,
  now: Date,
): { next: MeasureState; detail: Record<string, unknown> } | null {
  const at = now.toISOString();
  let next: MeasureState;
  let detail: Record<string, unknown>;
  switch (action) {
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
    case 'reopen': {
      const payload = input as ActionInputs['reopen'];
      const dueAt = new Date(payload.dueAt).toISOString();
      next = { ...reopen(state, now, dueAt), contributions: [] };
      detail = { reason: payload.reason.trim(), dueAt, previousRound: state.round, closedAt: state.stageEnteredAt };
      break;
    }
    case 'claim': {
      const payload = input as ActionInputs['claim'];
      next = { ...state, claimedBy: actor.personId, claimedAt: at };
      detail = { note: payload.note?.trim() || null };
      break;
    }
    case 'contribute': {
      const payload = input as ActionInputs['contribute'];
      const departmentId = actor.departmentId!;
      const contribution = {
        departmentId,
        by: actor.personId,
        at,
        summary: payload.summary.trim(),
        evidenceIds: [...new Set(payload.evidenceIds ?? [])],
        round: state.round,
      };
      // One part per department and round: a second one replaces the first.
      const others = (state.contributions ?? []).filter(
        (item) => !(item.departmentId === departmentId && item.round === state.round),
      );
      next = { ...state, contributions: [...others, contribution] };
      detail = { departmentId, summary: contribution.summary, evidenceIds: contribution.evidenceIds };
      break;
    }
    case 'urge': {
      const payload = input as ActionInputs['urge'];
      next = state;
      detail = { message: payload.message.trim(), stage: state.stage };
      break;
    }
    case 'answer_supervision': {
      const payload = input as ActionInputs['answer_supervision'];
      const answer = {
        by: actor.personId,
        at,
        text: normaliseText(payload.text),
        evidenceIds: [...new Set(payload.evidenceIds ?? [])],
      };
      next = { ...state, supervision: { ...state.supervision!, status: 'answered', answer } };
      detail = { text: answer.text, evidenceIds: answer.evidenceIds, issuedAt: state.supervision!.issuedAt };
      break;
    }
    case 'close_supervision': {
      const payload = input as ActionInputs['close_supervision'];
      const notice = state.supervision!;
      // Sent back: open again, with a new reply deadline from now.
      next =
        payload.decision === 'close'
          ? { ...state, supervision: null }
          : {
              ...state,
              supervision: {
                ...notice,
                status: 'open',
                replyDueAt: policyTime(state, now, state.policy.supervisionReplyWithin ?? 'P3D').toISOString(),
                replyFrom: now.toISOString(),
              },
            };
      detail = { decision: payload.decision, reason: payload.reason?.trim() || null, issuedAt: notice.issuedAt };
      break;
    }
    default:
      return null;
  }
  return { next, detail };
}

/** A new 督办单 on a measure with the supervisionReply feature: open, its answer due supervisionReplyWithin (P3D). */
export function openSupervision(state: MeasureState, actor: Actor, reasonText: string, now: Date): MeasureState {
  if (!state.features?.supervisionReply) return state;
  return {
    ...state,
    supervision: {
      issuedAt: now.toISOString(),
      issuedBy: actor.personId,
      reason: reasonText,
      replyDueAt: policyTime(state, now, state.policy.supervisionReplyWithin ?? 'P3D').toISOString(),
      replyFrom: now.toISOString(),
      status: 'open',
      answer: null,
    },
  };
}

/** The cooperating departments that have not given their part this round (their reminders go to them). */
export function missingContributions(state: MeasureState): string[] {
  const given = new Set(
    (state.contributions ?? []).filter((item) => item.round === state.round).map((item) => item.departmentId),
  );
  return state.participants.cooperatingDepartmentIds.filter((id) => !given.has(id));
}
