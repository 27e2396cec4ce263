/**
 * Recorded histories of real measure workflows (test/histories, made by `npm run record:histories`)
 * must replay cleanly against today's workflow code. A change that would break running workflows
 * (a new timer, a reordered activity) without patched() fails here.
 */
import { Worker } from '@temporalio/worker';
import { readRecordedHistories } from '../bench/recorded-histories';
import { HISTORY_DIR } from './support/histories';
import { env } from './support/stack';

const recorded = readRecordedHistories(HISTORY_DIR);

it('has recorded histories to replay', () => {
  expect(recorded.length).toBeGreaterThanOrEqual(5);
});

it.each(recorded.map(({ name, history }) => [name, history] as const))(
  'replays %s without nondeterminism',
  async (name, history) => {
    const results = Worker.runReplayHistories({ workflowBundle: { codePath: env().workflowBundle } }, [
      { workflowId: name, history },
    ]);
    for await (const result of results) {
      expect(result.error).toBeUndefined();
    }
  },
);
