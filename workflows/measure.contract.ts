/**
 * The contract of the measure workflow: names, inputs, Updates and Queries. The API imports this
 * file to talk to workflows without pulling in workflow logic.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActionInputs, ActionName, Actor, MeasureState, Stage } from '../libs/domain/src';

export const MEASURE_TASK_QUEUE = 'rectiflow-measures';

/** Workflow ids come from the business key, so a measure can never get two workflows. */
export function measureWorkflowId(measureId: string): string {
  return `measure-${measureId}`;
}

export interface MeasureWorkflowInput {
  state: MeasureState;
  /** Carried over continue-as-new. */
  seq?: number;
  handledTimers?: string[];
  recentResults?: [string, RememberedResult][];
}

export interface ActionRequest<A extends ActionName = ActionName> {
  actor: Actor;
  input: ActionInputs[A];
  /** A repeated key returns the first result and does not act twice. */
  idempotencyKey: string;
  /**
   * SHA-256 of the action and its input (the API computes it): the same key with a different
   * request is refused (IDEMPOTENCY_CONFLICT) instead of silently answering the first one.
   */
  requestHash?: string;
}

export interface ActionResult {
  measureId: string;
  action: ActionName;
  stage: Stage;
  round: number;
  dueAt: string;
  stageDueAt: string | null;
  seq: number;
  /** True when this answer is the stored result of an earlier request with the same key. */
  duplicate?: boolean;
}

/** What the workflow remembers of an answered key (the request's hash stays inside the workflow). */
export interface RememberedResult extends ActionResult {
  requestHash?: string;
}

/** The Update failure types the API translates (the domain's refusal codes and these). */
export const IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT';
/** The read model refused to store an accepted action (a PostgreSQL data or integrity error): never retried. */
export const PROJECTION_REJECTED = 'PROJECTION_REJECTED';

export interface MeasureOutcome {
  measureId: string;
  stage: Stage;
  rounds: number;
  closedAt: string;
}

/** One Update per action, so the Temporal Web UI names what each person did. */
export const actionUpdates: {
  [A in ActionName]: ReturnType<typeof defineUpdate<ActionResult, [ActionRequest<A>], A>>;
} = {
  assign: defineUpdate('assign'),
  submit_evidence: defineUpdate('submit_evidence'),
  report_progress: defineUpdate('report_progress'),
  request_extension: defineUpdate('request_extension'),
  decide_extension: defineUpdate('decide_extension'),
  review: defineUpdate('review'),
  sign_off: defineUpdate('sign_off'),
  record_look_back: defineUpdate('record_look_back'),
  conclude: defineUpdate('conclude'),
  supervise: defineUpdate('supervise'),
  reassign: defineUpdate('reassign'),
  change_deadline: defineUpdate('change_deadline'),
  edit_text: defineUpdate('edit_text'),
  void: defineUpdate('void'),
  reopen: defineUpdate('reopen'),
  claim: defineUpdate('claim'),
  contribute: defineUpdate('contribute'),
  urge: defineUpdate('urge'),
  answer_supervision: defineUpdate('answer_supervision'),
  close_supervision: defineUpdate('close_supervision'),
};

/** The working calendar changed: the workflow fetches it again and re-plans its working-day timers (audited). */
export const calendarChangedUpdate = defineUpdate<{ version: string | null; changed: boolean }, []>('calendar_changed');

export interface MeasureSnapshot {
  state: MeasureState;
  seq: number;
}

export const snapshotQuery = defineQuery<MeasureSnapshot>('snapshot');
