/**
 * The short chaos run (`npm run chaos` is the long one): a private stack with its own PostgreSQL,
 * Temporal dev server, worker and API processes; the worker is killed with SIGKILL, Temporal and
 * PostgreSQL are restarted, duplicate and conflicting actions are sent — and nothing is lost or doubled.
 */
import { runChaos } from '../tools/chaos';
import { env } from './support/stack';

it('loses and doubles nothing while the worker, Temporal and PostgreSQL fail', async () => {
  process.env.RECTIFLOW_FROM_SOURCE = '1';
  process.env.WORKFLOW_BUNDLE_PATH = env().workflowBundle;
  const output: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    output.push(String(chunk));
    return write(chunk);
  }) as typeof process.stdout.write;
  try {
    const code = await runChaos({ measures: 24, users: 6, faults: 3, minutes: 4 });
    const summary = output.join('');
    expect(summary).toMatch(/faults injected 3, actions sent \d+, retries \d+, actions lost 0, duplicates 0/);
    expect(summary).toMatch(/chain intact, measures closed 24\/24/);
    expect(summary).not.toContain('FAILED');
    expect(code).toBe(0);
  } finally {
    process.stdout.write = write;
    delete process.env.RECTIFLOW_FROM_SOURCE;
  }
}, 300_000);
