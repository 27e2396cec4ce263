/**
 * `npm run chaos -- [--measures 200] [--users 10] [--faults 6] [--minutes 15] [--engine dev|cluster]`
 *
 * Drives measures through the whole pipeline while, at random moments, it kills -9 the worker and
 * starts a new one, restarts the Temporal dev server (history on disk), restarts PostgreSQL — or with
 * `--engine cluster` (the real Temporal server on PostgreSQL) kills -9, in turn, the history service,
 * the matching service, the frontend, our worker and our API and restarts PostgreSQL — and
 * sends duplicate and concurrently conflicting actions (two reviewers deciding the same evidence at
 * once). A client that gets no answer retries with the same idempotency key, as a browser would.
 * At the end it checks: every measure closed; every transition exactly once in the audit trail;
 * the audit hash chain intact; every evidence file's SHA-256 matching; no notification twice.
 * Prints `chaos: faults injected …, actions sent …, actions lost 0, duplicates 0` and exits 1 on
 * any failed check. Bounded: it gives up after --minutes.
 */
import { randomUUID, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, verifyChains } from '@rectiflow/persistence';
import {
  createMeasures,
  HttpError,
  numberOption,
  Organisation,
  PrivateStack,
  Role,
  setUpOrganisation,
  startPrivateStack,
  uploadEvidence,
} from './private-stack';
import { engineOption } from '../tools/temporal-config';

const MEASURES = numberOption('measures', 200);
const USERS = numberOption('users', 10);
const FAULTS = numberOption('faults', 6);
const ENGINE = engineOption();
const DEADLINE = Date.now() + numberOption('minutes', 15) * 60_000;
const log = (line: string) => process.stderr.write(`[chaos] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const counters = { faults: 0, sent: 0, retries: 0, lost: 0, conflicts: 0, conflictWinners: 0 };

/** One logical action: retried with the same key until it is answered, or refused on its merits. */
async function act(
  stack: PrivateStack,
  organisation: Organisation,
  measure: string,
  action: string,
  who: Role,
  body: Record<string, unknown>,
  key = randomUUID(),
): Promise<any> {
  counters.sent += 1;
  for (;;) {
    try {
      return await stack.call('POST', `/measures/${measure}/actions/${action}`, organisation.tokens[who], body, {
        'Idempotency-Key': key,
      });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 0;
      // 409/403/400/422 are answers; only an outage (no answer, 5xx) is worth retrying.
      if (status >= 400 && status < 500) throw error;
      if (Date.now() > DEADLINE) {
        counters.lost += 1;
        throw new Error(`gave up on ${action} of ${measure}: ${(error as Error).message}`, { cause: error });
      }
      counters.retries += 1;
      await sleep(500);
    }
  }
}

async function stageOf(
  stack: PrivateStack,
  organisation: Organisation,
  measure: string,
): Promise<{ stage: string; lookBackDue: boolean }> {
  for (;;) {
    try {
      return await stack.call('GET', `/measures/${measure}`, organisation.tokens.office);
    } catch {
      if (Date.now() > DEADLINE) throw new Error(`measure ${measure} unreadable`);
      await sleep(500);
    }
  }
}

async function drive(
  stack: PrivateStack,
  organisation: Organisation,
  measure: string,
  evidenceId: string,
  index: number,
) {
  await act(stack, organisation, measure, 'assign', 'office', {});
  const submission = { summary: '已完成整改', evidenceIds: [evidenceId] };
  const key = randomUUID();
  await act(stack, organisation, measure, 'submit_evidence', 'staff', submission, key);
  // A duplicate: the same request again (a double click, a retried POST).
  const again = await act(stack, organisation, measure, 'submit_evidence', 'staff', submission, key);
  if (!again.duplicate) throw new Error(`a repeated key acted twice on ${measure}`);
  if (index % 4 === 0) {
    // Two reviewers decide the same evidence at the same moment: exactly one wins, the other gets 409.
    counters.conflicts += 1;
    const results = await Promise.allSettled([
      act(stack, organisation, measure, 'review', 'reviewer', { decision: 'approve' }),
      act(stack, organisation, measure, 'review', 'reviewer2', { decision: 'reject', reason: '材料不全' }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter(
      (result) => result.status === 'rejected' && (result.reason as HttpError).status === 409,
    );
    if (won.length !== 1 || refused.length !== 1)
      throw new Error(`conflicting reviews of ${measure}: ${won.length} won, ${refused.length} refused with 409`);
    counters.conflictWinners += 1;
    if ((won[0] as PromiseFulfilledResult<{ stage: string }>).value.stage === 'rectify') {
      await act(stack, organisation, measure, 'submit_evidence', 'staff', submission);
      await act(stack, organisation, measure, 'review', 'reviewer', { decision: 'approve' });
    }
  } else {
    await act(stack, organisation, measure, 'review', 'reviewer', { decision: 'approve' });
  }
  await act(stack, organisation, measure, 'sign_off', 'leader', { decision: 'approve' });
  while (!(await stageOf(stack, organisation, measure)).lookBackDue) await sleep(500);
  await act(stack, organisation, measure, 'record_look_back', 'supervisor', { result: 'holds' });
}

/** In turn, at random moments; each kill -9 is followed by the stack's restart of that process a second later. */
const FAULT_ORDER = {
  dev: ['kill-worker', 'restart-temporal', 'restart-postgres'],
  cluster: ['kill-history', 'kill-matching', 'kill-frontend', 'kill-worker', 'kill-api', 'restart-postgres'],
} as const;

async function killChild(child: import('node:child_process').ChildProcess) {
  child.kill('SIGKILL');
  await new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
  );
}

async function injectFaults(stack: PrivateStack, done: () => boolean) {
  const faults = FAULT_ORDER[stack.engine];
  for (let index = 0; index < FAULTS && !done(); index += 1) {
    await sleep(2000 + Math.random() * 4000);
    if (done()) break;
    const fault = faults[index % faults.length];
    log(`fault ${index + 1}: ${fault}`);
    counters.faults += 1;
    if (fault === 'kill-worker') await killChild(stack.workers[0]);
    else if (fault === 'kill-api') await killChild(stack.apis[0]);
    else if (fault === 'restart-temporal') await stack.restartTemporal();
    else if (fault === 'restart-postgres') await stack.restartPostgres();
    else await stack.killTemporalService(fault.slice('kill-'.length) as 'history' | 'matching' | 'frontend');
  }
}

export async function runChaos(): Promise<number> {
  const stack = await startPrivateStack({ workers: 1, apis: 1, engine: ENGINE });
  // Stopped from outside (a test's time limit, Ctrl-C): take the private stack down too.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stack.stop().finally(() => process.exit(2));
    });
  }
  const failures: string[] = [];
  try {
    const organisation = await setUpOrganisation(stack, {
      lookBackAfter: 'PT2S',
      reviewWithin: 'P5D',
      signOffWithin: 'P5D',
    });
    const measures = await createMeasures(stack, organisation, MEASURES);
    const evidence = new Map<string, { id: string; sha256: string; bytes: Buffer }>();
    for (const measure of measures) {
      const bytes = Buffer.from(`%PDF-1.4 ${measure} ${randomUUID()}`);
      evidence.set(measure, { ...(await uploadEvidence(stack, organisation, measure, bytes)), bytes });
    }
    log(`driving ${MEASURES} measures with ${USERS} users while injecting ${FAULTS} faults`);
    let finished = false;
    const faults = injectFaults(stack, () => finished);
    const queue = measures.map((measure, index) => ({ measure, index }));
    await Promise.all(
      Array.from({ length: USERS }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          try {
            await drive(stack, organisation, item.measure, evidence.get(item.measure)!.id, item.index);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }),
    );
    finished = true;
    await faults;

    // The checks, straight against the database.
    const dataSource = await new DataSource(dataSourceOptions(stack.postgres.url, { extra: { max: 2 } })).initialize();
    try {
      const open = await dataSource.query(
        `SELECT id, stage FROM measure WHERE inspection_id = $1 AND stage <> 'closed'`,
        [organisation.inspection],
      );
      if (open.length)
        failures.push(`${open.length} measure(s) did not reach 办结 (closed), e.g. ${open[0].id} in ${open[0].stage}`);
      const gaps = await dataSource.query(
        `SELECT m.id, m.last_seq, count(a.id)::int AS rows, count(DISTINCT a.seq)::int AS distinct_seq
           FROM measure m LEFT JOIN audit_event a ON a.measure_id = m.id
          WHERE m.inspection_id = $1 GROUP BY m.id HAVING count(a.id) <> m.last_seq OR count(DISTINCT a.seq) <> count(a.id)`,
        [organisation.inspection],
      );
      if (gaps.length)
        failures.push(
          `${gaps.length} measure(s) whose audit trail is not exactly one row per transition, e.g. ${JSON.stringify(gaps[0])}`,
        );
      const duplicates = await dataSource.query(
        `SELECT count(*)::int AS n FROM (SELECT measure_id, idempotency_key FROM audit_event WHERE idempotency_key IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d`,
      );
      const duplicateCount = duplicates[0].n;
      if (duplicateCount) failures.push(`${duplicateCount} idempotency key(s) acted more than once`);
      const chain = await verifyChains(dataSource);
      if (!chain.ok) failures.push(`audit chain broken: ${chain.breaks.map((item) => item.problem).join('; ')}`);
      const notifications = await dataSource.query(
        `SELECT count(*)::int AS n FROM (SELECT dedupe_key FROM notification GROUP BY 1 HAVING count(*) > 1) d`,
      );
      if (notifications[0].n) failures.push(`${notifications[0].n} notification(s) stored twice`);
      const stored: { id: string; sha256: string }[] = await dataSource.query(
        'SELECT id, sha256 FROM evidence WHERE measure_id = ANY($1::uuid[])',
        [measures],
      );
      let badFiles = 0;
      for (const row of stored) {
        const bytes = readFileSync(join(stack.directory, 'evidence', row.sha256.slice(0, 2), row.sha256));
        if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) badFiles += 1;
      }
      if (badFiles) failures.push(`${badFiles} evidence file(s) whose SHA-256 does not match`);
      const [{ n: transitions }] = await dataSource.query(
        'SELECT count(*)::int AS n FROM audit_event WHERE inspection_id = $1',
        [organisation.inspection],
      );
      process.stdout.write(
        `chaos (${ENGINE}): faults injected ${counters.faults}, actions sent ${counters.sent}, retries ${counters.retries}, actions lost ${counters.lost}, duplicates ${duplicateCount}, ` +
          `conflicting review pairs ${counters.conflicts} (one winner each: ${counters.conflictWinners}), audit rows ${transitions}, chain ${chain.ok ? 'intact' : 'BROKEN'}, measures closed ${MEASURES - open.length}/${MEASURES}\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await stack.stop();
  }
  for (const failure of failures.slice(0, 20)) process.stdout.write(`FAILED: ${failure}\n`);
  return failures.length ? 1 : 0;
}

if (require.main === module) {
  runChaos()
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
