import { Injectable } from '@nestjs/common';
import { isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  ACTIONS,
  ActionInputs,
  ActionName,
  Actor,
  checkText,
  FINAL_STAGES,
  reason,
  RefusalReason,
  STAGE_LABELS,
  validationReason,
  TEXT_LIMITS,
} from '@rectiflow/domain';
import { ActionContextRow, EvidenceRepository, MeasureRepository } from '@rectiflow/persistence';
import { createHash } from 'node:crypto';
import {
  ActionResult,
  actionUpdates,
  IDEMPOTENCY_CONFLICT,
  measureWorkflowId,
} from '@rectiflow/workflows/measure.contract';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { ApiMetrics } from '../metrics/api-metrics';
import { parseDeadline } from './deadline';
import { ParticipantsCheck, ParticipantsWarning } from './participants-check';
import { TemporalClientService } from '../temporal/temporal-client.service';

const REFUSAL_CODES: Record<string, ErrorCode> = {
  STAGE_CONFLICT: ErrorCode.StageConflict,
  FORBIDDEN: ErrorCode.Forbidden,
  INVALID_INPUT: ErrorCode.InvalidInput,
  [IDEMPOTENCY_CONFLICT]: ErrorCode.IdempotencyConflict,
};

/** SHA-256 of the action and its input with keys in order: the same key may only repeat the same request. */
export function requestHash(action: string, input: Record<string, unknown>): string {
  const canonical = JSON.stringify([action, input], (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** Deadlines written as days (2025-06-30) mean the end of that day in China time, as at creation. */
function withDeadlines(input: Record<string, unknown>): Record<string, unknown> {
  const read = { ...input };
  for (const field of ['dueAt', 'requestedDueAt', 'newDueAt'] as const) {
    const due = typeof read[field] === 'string' ? parseDeadline(read[field] as string) : null;
    if (due) read[field] = due.toISOString();
  }
  return read;
}

/**
 * Turns an HTTP action into a Workflow Update. The workflow's validator is the authority on stage
 * and role; this service only resolves who is acting, checks what needs the database (evidence ids),
 * and answers repeated idempotency keys from the audit trail, even after the workflow has finished.
 */
@Injectable()
export class MeasureActionsService {
  constructor(
    private readonly measures: MeasureRepository,
    private readonly evidence: EvidenceRepository,
    private readonly temporal: TemporalClientService,
    private readonly participants: ParticipantsCheck,
    private readonly metrics: ApiMetrics,
  ) {}

  async act(
    measureId: string,
    action: string,
    actor: RequestActor,
    idempotencyKey: string | undefined,
    input: Record<string, unknown>,
  ): Promise<ActionResult & { warnings?: ParticipantsWarning[] }> {
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new DomainError(ErrorCode.NotFound, `unknown action "${action}"; actions are ${ACTIONS.join(', ')}`);
    }
    if (!idempotencyKey)
      throw new DomainError(
        ErrorCode.InvalidInput,
        'idempotencyKey is required (Idempotency-Key header or idempotencyKey field)',
      );
    const key = checkText(idempotencyKey, { max: TEXT_LIMITS.idempotencyKey, min: 1 });
    if (!key.ok || key.value !== idempotencyKey)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `idempotencyKey ${key.ok ? 'must not start or end with spaces' : key.problem}`,
      );
    const hash = requestHash(action, input);
    const context = await this.context(measureId, actor, idempotencyKey);
    if (context.earlier) return this.earlierResult(measureId, idempotencyKey, action as ActionName, hash, context);
    // A closed measure may still be reopened while its workflow waits; the workflow says when it no longer does.
    if (FINAL_STAGES.includes(context.stage) && !(context.stage === 'closed' && action === 'reopen')) {
      throw new DomainError(
        ErrorCode.StageConflict,
        `action "${action}" is not allowed in stage ${STAGE_LABELS[context.stage]} (${context.stage}); allowed now: none`,
        undefined,
        reason('STAGE_NOT_ALLOWED', { action, stage: context.stage, allowed: [] }),
      );
    }
    if (Array.isArray(input.evidenceIds) && input.evidenceIds.length)
      await this.checkEvidence(measureId, input.evidenceIds as string[]);
    input = withDeadlines(input);
    const warnings =
      action === 'assign' || action === 'reassign' ? await this.checkAssignment(context, input, action) : [];
    const domainActor: Actor = {
      personId: actor.personId,
      departmentId: actor.departmentId,
      inspectionRoles: context.roles,
    };
    const client = await this.temporal.get().catch((error) => {
      throw new DomainError(ErrorCode.Unavailable, `Temporal is unreachable: ${error.message}`);
    });
    const handle = client.workflow.getHandle(measureWorkflowId(measureId));
    const timed = this.metrics.timeUpdate(action);
    try {
      const result = await handle.executeUpdate(actionUpdates[action as ActionName] as never, {
        args: [
          {
            actor: domainActor,
            input: input as unknown as ActionInputs[ActionName],
            idempotencyKey,
            requestHash: hash,
          },
        ] as never,
        // The hash is part of the id: Temporal answers a repeated id with the first outcome unasked,
        // so a changed request under the same key must reach the validator, which refuses it.
        updateId: `${action}:${idempotencyKey}:${hash.slice(0, 16)}`,
      });
      timed('ok');
      return warnings.length ? { ...(result as ActionResult), warnings } : (result as ActionResult);
    } catch (error) {
      const translated = this.translate(error, action as ActionName);
      timed(translated instanceof DomainError && translated.code !== ErrorCode.Unavailable ? 'refused' : 'error');
      throw translated;
    }
  }

  /**
   * Everything the action needs from the database in one query (this is the hot path): whether the
   * person may see the measure (404 otherwise, as for a missing one), its stage, the person's roles
   * in its inspection, and an earlier action with the same idempotency key.
   */
  private async context(measureId: string, actor: RequestActor, idempotencyKey: string): Promise<ActionContextRow> {
    const row = await this.measures.actionContext(measureId, actor, idempotencyKey);
    if (!row)
      throw new DomainError(
        ErrorCode.NotFound,
        `no measure with id ${measureId}`,
        undefined,
        reason('NOT_FOUND', { entity: 'measure' }),
      );
    return row;
  }

  /** A key already recorded in the audit trail answers with what that action produced. */
  private earlierResult(
    measureId: string,
    idempotencyKey: string,
    action: ActionName,
    hash: string,
    context: ActionContextRow,
  ): ActionResult {
    const earlier = context.earlier!;
    if (earlier.action !== action) {
      throw new DomainError(
        ErrorCode.IdempotencyConflict,
        `idempotency key "${idempotencyKey}" was already used for "${earlier.action}" on this measure`,
      );
    }
    // Rows written before request hashes were kept have none: they answer as before.
    if (earlier.requestHash && earlier.requestHash !== hash) {
      throw new DomainError(
        ErrorCode.IdempotencyConflict,
        `idempotency key "${idempotencyKey}" was already used for a different "${action}" request on this measure; use a new key for a new request`,
      );
    }
    return {
      measureId,
      action,
      stage: earlier.stage,
      round: earlier.round,
      seq: earlier.seq,
      dueAt: new Date(context.dueAt).toISOString(),
      stageDueAt: context.stageDueAt ? new Date(context.stageDueAt).toISOString() : null,
      duplicate: true,
    };
  }

  /**
   * 交办 and 调整责任 name departments and people: they must exist (the read model could not store
   * them otherwise), and the 承办人 must work in the lead department.
   */
  private async checkAssignment(
    context: { leadDepartmentId: string; responsibleLeaderId: string },
    input: Record<string, unknown>,
    path: 'assign' | 'reassign',
  ): Promise<ParticipantsWarning[]> {
    const named = {
      path,
      leadDepartmentId: (input.leadDepartmentId as string | undefined) ?? context.leadDepartmentId,
      cooperatingDepartmentIds: input.cooperatingDepartmentIds as string[] | undefined,
      responsibleLeaderId: (input.responsibleLeaderId as string | undefined) ?? context.responsibleLeaderId,
      coLeaderIds: input.coLeaderIds as string[] | undefined,
      assigneeId: input.assigneeId as string | null | undefined,
    };
    const warnings = await this.participants.check([named]);
    return warnings.get(path) ?? [];
  }

  private async checkEvidence(measureId: string, evidenceIds: string[]): Promise<void> {
    const found = await this.evidence.idsOfMeasure(measureId, evidenceIds);
    const missing = evidenceIds.filter((id) => !found.includes(id));
    if (missing.length) {
      const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
      throw new DomainError(ErrorCode.InvalidInput, `evidenceIds names no evidence of this measure: ${shown}`);
    }
  }

  private translate(error: unknown, action: ActionName): Error {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const code = REFUSAL_CODES[error.cause.type ?? ''];
      if (code) {
        const given = error.cause.details?.[0] as RefusalReason | undefined;
        const why =
          given && typeof given === 'object' && 'code' in given
            ? given
            : code === ErrorCode.InvalidInput
              ? validationReason(error.cause.message)
              : code === ErrorCode.IdempotencyConflict
                ? reason('IDEMPOTENCY_CONFLICT')
                : undefined;
        return new DomainError(code, error.cause.message, undefined, why);
      }
    }
    const finished =
      error instanceof WorkflowNotFoundError ||
      (isGrpcServiceError(error) && /already completed/i.test(error.message)) ||
      (error instanceof Error && /already completed|workflow execution already completed/i.test(error.message));
    if (finished) {
      return new DomainError(
        ErrorCode.StageConflict,
        `action "${action}" is not allowed: the measure's workflow has finished (办结); allowed now: none`,
        undefined,
        reason('WORKFLOW_FINISHED', { action }),
      );
    }
    if (error instanceof DomainError) return error;
    return new DomainError(
      ErrorCode.Unavailable,
      `the action could not be delivered to the measure's workflow: ${(error as Error).message}`,
    );
  }
}
