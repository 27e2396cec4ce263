import { ACTION_ROLES, ActionName, PLAN_ACTIONS } from './actions';
import { Actor, MeasureState, measureRolesOf } from './measure-state';
import { reason, RefusalReason } from './refusal';
import { STAGE_LABELS } from './stage';

/** Why an action was refused; the API maps these to HTTP 409 / 403 / 400. */
export type RefusalCode = 'STAGE_CONFLICT' | 'FORBIDDEN' | 'INVALID_INPUT';

export class ActionRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** The reason as a code and parameters, for the person's language. */
    readonly reason?: RefusalReason,
  ) {
    super(message);
    this.name = 'ActionRefused';
  }
}

/**
 * Rules added after workflows were already running (the product's text rule, no 销号 of one's own
 * submission). Update validators always apply them; a handler replaying an older history applies
 * them only when the workflow's history says so (patched), so replay gives the same result.
 */
export interface RuleOptions {
  strict: boolean;
  /** The plan's rules (a confirmed deadline not before today, 承办人 and 交办要求 checked), added with plan upkeep. */
  plan?: boolean;
}
export const STRICT: RuleOptions = { strict: true, plan: true };

/** Actions the current stage allows, whoever asks: the stage's own work, then the office's upkeep of the plan. */
export function stageActions(state: MeasureState): ActionName[] {
  const work = workActions(state);
  if (state.stage === 'closed' || state.stage === 'voided') return work;
  return [...work, ...leadershipActions(state), ...upkeepActions(state)];
}

/** Keeping the plan up to date, in any stage before the end; the deadline only while it still governs the work. */
function upkeepActions(state: MeasureState): ActionName[] {
  const deadlineGoverns = state.stage === 'assign' || state.stage === 'rectify';
  return PLAN_ACTIONS.filter((action) => action !== 'change_deadline' || deadlineGoverns);
}

/** 领办 (refused with a reason once claimed), and 催办 wherever someone has work to do (measures with these features). */
function leadershipActions(state: MeasureState): ActionName[] {
  if (!state.features?.cooperation) return [];
  const actions: ActionName[] = ['claim'];
  if (state.stage !== 'assign' && !(state.stage === 'lookback' && !state.lookBackDue)) actions.push('urge');
  // An open 督办单 waits for its answer; an answered one for the supervisor to close it or send it back.
  if (state.supervision?.status === 'open') actions.push('answer_supervision');
  if (state.supervision?.status === 'answered') actions.push('close_supervision');
  return actions;
}

function workActions(state: MeasureState): ActionName[] {
  const ongoing = state.kind === 'ongoing';
  const lived = state.features?.ongoingLived === true;
  const cooperation = state.features?.cooperation === true && state.participants.cooperatingDepartmentIds.length > 0;
  switch (state.stage) {
    case 'assign':
      return ['assign'];
    case 'rectify': {
      const contribute: ActionName[] = cooperation ? ['contribute'] : [];
      // A 长期坚持 measure is ended only after it has reported at least once.
      if (ongoing)
        return [
          'report_progress',
          ...(!lived || state.reportsFiled > 0 ? (['conclude'] as ActionName[]) : []),
          'supervise',
          ...contribute,
        ];
      return state.pendingExtension
        ? ['submit_evidence', 'decide_extension', 'supervise', ...contribute]
        : ['submit_evidence', 'request_extension', 'supervise', ...contribute];
    }
    case 'review':
      return ['review', 'supervise'];
    case 'signoff':
      return ['sign_off', 'supervise'];
    case 'lookback':
      // Before the look-back falls due too: supervision, or an early look-back.
      return ['record_look_back', 'supervise'];
    case 'closed':
      // The workflow waits reopenableFor after closing (see the workflow); once it has ended, the API answers 409.
      return ['reopen'];
    case 'voided':
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
    if (action === 'claim' && state.claimedBy) return false;
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
      reason('STAGE_NOT_ALLOWED', { action, stage: state.stage, allowed }),
    );
  }
  const roles = measureRolesOf(state, actor);
  const needed = ACTION_ROLES[action];
  if (!needed.some((role) => roles.includes(role))) {
    throw new ActionRefused(
      'FORBIDDEN',
      `person ${actor.personId} may not "${action}" on this measure: it needs the role ${needed.join(' or ')}, and the person has ${roles.length ? roles.join(', ') : 'no role'} here`,
      reason('ROLE_NEEDED', { action, roles: needed }),
    );
  }
  if (action === 'review' && state.lastSubmission?.by === actor.personId) {
    throw new ActionRefused(
      'FORBIDDEN',
      `person ${actor.personId} submitted this evidence and may not review it`,
      reason('SELF_REVIEW'),
    );
  }
  if (options.strict && action === 'sign_off' && signsOwnSubmission(state, actor)) {
    throw new ActionRefused(
      'FORBIDDEN',
      `person ${actor.personId} submitted this round's evidence and may not sign it off (销号); the inspection's policy does not allow it`,
      reason('SELF_SIGNOFF'),
    );
  }
}

/**
 * Rules that depend on who acts and what they ask: the office changes a deadline only with the
 * responsible leader's consent (需经责任领导同意), named in the request; the group head needs none.
 */
export function authoriseInput(state: MeasureState, action: ActionName, input: unknown, actor: Actor): void {
  if (action === 'claim' && state.claimedBy) {
    throw new ActionRefused(
      'INVALID_INPUT',
      `the measure is already claimed (领办) by person ${state.claimedBy}`,
      reason('ALREADY_CLAIMED', { by: state.claimedBy }),
    );
  }
  if (action !== 'change_deadline' || actor.inspectionRoles.includes('group_head')) return;
  const approvedById = (input as { approvedById?: unknown } | null)?.approvedById;
  if (approvedById !== state.participants.responsibleLeaderId) {
    throw new ActionRefused(
      'INVALID_INPUT',
      'approvedById must name the responsible leader who agreed to the new deadline (需经责任领导同意), unless the group head changes it',
      reason('CONSENT_NEEDED'),
    );
  }
}

/** Separation of duties at 销号: the submitter of the round's evidence signs it off only where the policy allows. */
function signsOwnSubmission(state: MeasureState, actor: Actor): boolean {
  return state.lastSubmission?.by === actor.personId && !state.policy.allowSubmitterSignOff;
}
