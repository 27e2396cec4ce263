/**
 * The benchmark's baseline: the least a Temporal workflow can do per Update (a validator, a counter,
 * an answer). Our measure workflow is measured against this on the same server with the same load.
 */
import { ApplicationFailure, condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const baselineUpdate = defineUpdate<number, [string]>('act');

export async function baselineWorkflow(expected: number): Promise<number> {
  let count = 0;
  setHandler(
    baselineUpdate,
    (key: string) => {
      count += 1;
      return count;
    },
    {
      validator: (key: string) => {
        if (!key) throw ApplicationFailure.nonRetryable('key required');
      },
    },
  );
  await condition(() => count >= expected);
  return count;
}
