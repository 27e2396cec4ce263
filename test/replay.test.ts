/**
 * Recorded histories of real measure workflows (test/histories, made by `npm run record:histories`)
 * must replay cleanly against today's workflow code. A change that would break running workflows
 * (a new timer, a reordered activity) without patched() fails here.
 */
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_DIR } from './support/histories';
import { env } from './support/stack';

const files = readdirSync(HISTORY_DIR).filter((file) => file.endsWith('.json')).sort();

it('has recorded histories to replay', () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
});

it.each(files)('replays %s without nondeterminism', async (file) => {
  // Saved with the History message's own toJSON; fromObject restores the message (Longs included).
  const history = temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(HISTORY_DIR, file), 'utf8')));
  const results = Worker.runReplayHistories({ workflowBundle: { codePath: env().workflowBundle } }, [{ workflowId: file, history }]);
  for await (const result of results) {
    expect(result.error).toBeUndefined();
  }
});
