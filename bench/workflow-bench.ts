/**
 * `npm run bench:workflow`: the CPU the measure workflow's code costs per Update, without a server.
 * Replays the recorded histories (test/histories) many times through the SDK's replay worker, the
 * same sandbox and threads as the real worker, and divides the process's CPU by the Updates replayed.
 * `--rounds N` (default 40) replays of every history; `--stack-trace-limit N` (default: the worker's
 * WORKFLOW_STACK_TRACE_LIMIT, 3) frames per stack trace in the workflow threads.
 */
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { limitWorkflowStackTraces } from '../apps/worker/src/workflow-stack-traces';
import { workflowStackTraceLimit } from '@rectiflow/platform';
import { numberOption, REPOSITORY } from './private-stack';
import { readRecordedHistories, RecordedHistory } from './recorded-histories';

const HISTORIES = join(REPOSITORY, 'test', 'histories');
const UPDATE_ACCEPTED = temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED;

async function replay(bundle: string, histories: RecordedHistory[], rounds: number): Promise<void> {
  async function* all() {
    for (let round = 0; round < rounds; round += 1) {
      for (const { name, history } of histories) yield { workflowId: `${name}-${round}`, history };
    }
  }
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: bundle } }, all())) {
    if (result.error) throw result.error;
  }
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const rounds = numberOption('rounds', 40);
  const stackTraceLimit = numberOption('stack-trace-limit', workflowStackTraceLimit());
  limitWorkflowStackTraces(stackTraceLimit);
  const bundle = join(REPOSITORY, 'dist', 'workflow-bundle.js');
  const histories = readRecordedHistories(HISTORIES);
  const updatesPerRound = histories.reduce(
    (sum, { history }) => sum + history.events!.filter((event) => event.eventType === UPDATE_ACCEPTED).length,
    0,
  );
  await replay(bundle, histories, 5); // warm-up: JIT and the workflow threads' first bundle load
  const before = process.cpuUsage();
  const started = Date.now();
  await replay(bundle, histories, rounds);
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  const result = {
    benchmark: 'workflow-replay',
    histories: rounds * histories.length,
    updates: rounds * updatesPerRound,
    stack_trace_limit: stackTraceLimit,
    cpu_ms: Math.round(cpuMs),
    wall_ms: Date.now() - started,
    cpu_ms_per_update: Number((cpuMs / (rounds * updatesPerRound)).toFixed(2)),
    cores: cpus().length,
  };
  console.log(JSON.stringify(result));
  const directory = join(REPOSITORY, 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, `workflow-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify(result)}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
