/** The recorded measure-workflow histories (test/histories), read back as History messages. */
import { temporal } from '@temporalio/proto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RecordedHistory {
  name: string;
  history: temporal.api.history.v1.History;
}

export function readRecordedHistories(directory: string): RecordedHistory[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file,
      // Saved with the History message's own toJSON; fromObject restores the message (Longs included).
      history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(directory, file), 'utf8'))),
    }));
}
