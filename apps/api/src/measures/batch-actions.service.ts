import { Injectable } from '@nestjs/common';
import { ACTIONS, reason, RefusalReason } from '@rectiflow/domain';
import { ProblemRepository } from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode, httpStatusOf } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { MeasureActionsService } from './measure-actions.service';

/** How many Updates a batch sends at once: enough to be quick, few enough not to crowd out other people's actions. */
const BATCH_CONCURRENCY = 4;

/** A batch needs its own key: each measure's Update is keyed "<key>:<measureId>", so a repeat acts on none twice. */
function requireKey(idempotencyKey: string | undefined): asserts idempotencyKey is string {
  if (!idempotencyKey)
    throw new DomainError(
      ErrorCode.InvalidInput,
      'idempotencyKey is required (Idempotency-Key header or field)',
      undefined,
      reason('FIELD_REQUIRED', { field: 'idempotencyKey' }),
    );
  if (idempotencyKey.length > 60)
    throw new DomainError(
      ErrorCode.InvalidInput,
      'idempotencyKey is longer than 60 characters',
      undefined,
      reason('FIELD_TOO_LONG', { field: 'idempotencyKey', limit: 60 }),
    );
}

export interface BatchOutcome {
  measureId: string;
  ok: boolean;
  /** The HTTP status the single action would have answered. */
  status: number;
  result?: unknown;
  code?: string;
  message?: string;
  reason?: RefusalReason;
}

/**
 * One request acting on a selection of measures (批量交办 from the ledger): each measure gets its own
 * Update with its own idempotency key derived from the request's, so a repeated batch acts on none
 * twice, and each measure answers for itself — one refusal does not stop the others.
 */
@Injectable()
export class BatchActionsService {
  constructor(
    private readonly actions: MeasureActionsService,
    private readonly problems: ProblemRepository,
    private readonly visibility: Visibility,
  ) {}

  /**
   * 领办 of a whole problem: a claim on each of its open, unclaimed measures the person sees, each
   * through its own workflow (which decides, per measure, whether this leader may claim it). The
   * ones this person claimed already are asked again too: a repeated request (same key) gets each
   * measure's first answer back, a new one their refusal ALREADY_CLAIMED.
   */
  async claimProblem(problemId: string, actor: RequestActor, idempotencyKey: string | undefined, note?: string) {
    requireKey(idempotencyKey);
    const inspectionId = await this.problems.inspectionIdOf(problemId);
    if (!inspectionId || !(await this.visibility.canSeeInspection(actor, inspectionId)))
      throw new DomainError(ErrorCode.NotFound, `no problem with id ${problemId}`);
    const scope = await this.visibility.scope(actor, inspectionId);
    const measureIds = await this.problems.claimableMeasureIds(problemId, scope, actor.personId);
    if (!measureIds.length)
      throw new DomainError(
        ErrorCode.Conflict,
        'every open measure of this problem is claimed already (or none is open)',
        undefined,
        reason('ALREADY_CLAIMED'),
      );
    return this.act(measureIds, 'claim', actor, idempotencyKey, note === undefined ? {} : { note });
  }

  async act(
    measureIds: string[],
    action: string,
    actor: RequestActor,
    idempotencyKey: string | undefined,
    input: Record<string, unknown>,
  ) {
    const items = [...new Set(measureIds)].map((measureId) => ({ measureId, input }));
    return this.actEach(items, action, actor, idempotencyKey);
  }

  /** The same action on each measure, each with its own input (a 回头看 round: holds here, rebound there). */
  async actEach(
    items: { measureId: string; input: Record<string, unknown> }[],
    action: string,
    actor: RequestActor,
    idempotencyKey: string | undefined,
  ) {
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new DomainError(
        ErrorCode.NotFound,
        `unknown action ${JSON.stringify(action)}; actions are ${ACTIONS.join(', ')}`,
      );
    requireKey(idempotencyKey);
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.measureId))
        throw new DomainError(ErrorCode.InvalidInput, `measure ${item.measureId} is listed twice`);
      seen.add(item.measureId);
    }
    const outcomes: BatchOutcome[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < items.length; index = next++) {
        const { measureId, input } = items[index];
        outcomes[index] = await this.one(measureId, action, actor, `${idempotencyKey}:${measureId}`, input);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, items.length) }, worker));
    const succeeded = outcomes.filter((outcome) => outcome.ok).length;
    return { action, succeeded, failed: outcomes.length - succeeded, results: outcomes };
  }

  private async one(
    measureId: string,
    action: string,
    actor: RequestActor,
    key: string,
    input: Record<string, unknown>,
  ): Promise<BatchOutcome> {
    try {
      const result = await this.actions.act(measureId, action, actor, key, input);
      return { measureId, ok: true, status: 200, result };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        measureId,
        ok: false,
        status: httpStatusOf(error.code),
        code: error.code,
        message: error.message,
        ...(error.reason ? { reason: error.reason } : {}),
      };
    }
  }
}
