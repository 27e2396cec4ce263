/** Sending measure actions straight to a workflow as Updates (what the API does), for workflow tests. */
import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ActionName } from '@rectiflow/domain';
import { ActionResult, actionUpdates } from '@rectiflow/workflows/measure.contract';
import { actor, addEvidence, Cast, Who, WorkflowWorld } from './fixtures';

let keyCounter = 0;

export function act<A extends ActionName>(
  handle: WorkflowHandle,
  cast: Cast,
  action: A,
  who: Who,
  input: unknown,
  idempotencyKey = `key-${++keyCounter}`,
  requestHash?: string,
): Promise<ActionResult> {
  return handle.executeUpdate(actionUpdates[action] as never, {
    args: [{ actor: actor(cast, who), input, idempotencyKey, ...(requestHash ? { requestHash } : {}) }] as never,
    updateId: `${action}:${idempotencyKey}${requestHash ? `:${requestHash}` : ''}`,
  });
}

/** Adds an evidence row for `who` and submits it (整改 → 审核). */
export async function submitEvidence(
  world: WorkflowWorld,
  handle: WorkflowHandle,
  measureId: string,
  who: Who = 'staff',
  summary = '已修订制度并印发',
): Promise<ActionResult> {
  const evidenceId = await addEvidence(world.dataSource, measureId, world.cast.people[who].personId);
  return act(handle, world.cast, 'submit_evidence', who, { summary, evidenceIds: [evidenceId] });
}

/** The failure type and message of a refused Update (fails the test when it was not refused). */
export async function refusal(promise: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
    return { type: cause.type ?? '', message: cause.message };
  }
  throw new Error('the action was not refused');
}
