import { Injectable } from '@nestjs/common';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode, httpStatusOf } from '../common/domain-error';
import { MeasureActionsService } from './measure-actions.service';

/** How many Updates a batch sends at once: enough to be quick, few enough not to crowd out other people's actions. */
const BATCH_CONCURRENCY = 4;

export interface BatchOutcome {
  measureId: string;
  ok: boolean;
  /** The HTTP status the single action would have answered. */
  status: number;
  result?: unknown;
  code?: string;
  message?: string;
}

/**
 * One request acting on a selection of measures (批量交办 from the ledger): each measure gets its own
 * Update with its own idempotency key derived from the request's, so a repeated batch acts on none
 * twice, and each measure answers for itself — one refusal does not stop the others.
 */
@Injectable()
export class BatchActionsService {
  constructor(private readonly actions: MeasureActionsService) {}

  async act(
    measureIds: string[],
    action: string,
    actor: RequestActor,
    idempotencyKey: string | undefined,
    input: Record<string, unknown>,
  ) {
    if (!idempotencyKey)
      throw new DomainError(ErrorCode.InvalidInput, 'idempotencyKey is required (Idempotency-Key header or field)');
    if (idempotencyKey.length > 60)
      throw new DomainError(ErrorCode.InvalidInput, 'idempotencyKey is longer than 60 characters');
    const unique = [...new Set(measureIds)];
    const outcomes: BatchOutcome[] = new Array(unique.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < unique.length; index = next++) {
        outcomes[index] = await this.one(unique[index], action, actor, `${idempotencyKey}:${unique[index]}`, input);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, unique.length) }, worker));
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
      return { measureId, ok: false, status: httpStatusOf(error.code), code: error.code, message: error.message };
    }
  }
}
