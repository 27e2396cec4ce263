/**
 * The benchmark's references, run on the same server with the same load as the measure workflow.
 * - baselineWorkflow: the least a Temporal workflow can do per Update (a validator, a counter, an answer).
 * - shapedBaselineWorkflow: the same, plus the Temporal work our measure workflow does per action
 *   (one local activity inside the Update's workflow task, and its waiting timer cancelled and started
 *   again), with no HTTP, no PostgreSQL and no domain code: what the shape alone costs.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  defineUpdate,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';

export const baselineUpdate = defineUpdate<number, [string]>('act');

export interface ShapedBaselineActivities {
  project(count: number): Promise<void>;
}

const { project } = proxyLocalActivities<ShapedBaselineActivities>({ startToCloseTimeout: '30s' });

const validator = (key: string) => {
  if (!key) throw ApplicationFailure.nonRetryable('key required');
};

export async function baselineWorkflow(expected: number): Promise<number> {
  let count = 0;
  setHandler(
    baselineUpdate,
    () => {
      count += 1;
      return count;
    },
    { validator },
  );
  await condition(() => count >= expected);
  return count;
}

export async function shapedBaselineWorkflow(expected: number): Promise<number> {
  let count = 0;
  setHandler(
    baselineUpdate,
    async () => {
      count += 1;
      await project(count);
      return count;
    },
    { validator },
  );
  while (count < expected) {
    const seen = count;
    // A deadline far away, as a measure's next reminder is: each Update cancels it and starts a new one.
    await condition(() => count !== seen, '1 day');
  }
  await condition(allHandlersFinished);
  return count;
}
