import { WorkflowHandle } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORY_DIR = join(__dirname, '..', 'histories');

/** With RECORD_HISTORIES=1 (`npm run record:histories`), keeps the workflow's history as a replay fixture. */
export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORY_DIR, { recursive: true });
  writeFileSync(join(HISTORY_DIR, `${name}.json`), JSON.stringify(history, null, 1));
}
