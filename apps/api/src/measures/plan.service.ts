import { Injectable, Logger } from '@nestjs/common';
import { PlanChangeRepository, PlanEditRepository, UnitOfWork } from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InspectionAccess } from '../common/inspection-access';
import { TemporalClientService } from '../temporal/temporal-client.service';

/**
 * The office's edits of the plan that are not a measure's workflow action: a problem's title, and
 * deleting a measure before 交办 (adding one is ProblemsService.addMeasure). Each is recorded in
 * `plan_change` in its own transaction.
 */
@Injectable()
export class PlanService {
  private readonly logger = new Logger(PlanService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly edits: PlanEditRepository,
    private readonly changes: PlanChangeRepository,
    private readonly access: InspectionAccess,
    private readonly temporal: TemporalClientService,
  ) {}

  async retitleProblem(problemId: string, title: string, reason: string | undefined, actor: RequestActor) {
    const inspectionId = await this.edits.problemInspection(problemId);
    if (!inspectionId) throw new DomainError(ErrorCode.NotFound, `no problem with id ${problemId}`);
    await this.access.require(actor, inspectionId, ['office']);
    return this.unitOfWork.run(async (tx) => {
      const before = await this.edits.retitleProblem(problemId, title, tx);
      if (before === undefined) throw new DomainError(ErrorCode.NotFound, `no problem with id ${problemId}`);
      if (before === title) throw new DomainError(ErrorCode.InvalidInput, 'title is what the problem already has');
      await this.changes.record(
        {
          inspectionId,
          problemId,
          measureId: null,
          action: 'problem.edit',
          actorId: actor.personId,
          detail: { before, after: title, reason: reason ?? null },
        },
        tx,
      );
      return { id: problemId, title, previousTitle: before };
    });
  }

  /**
   * Deletes a measure nobody has acted on yet (交办 not given, no evidence): the row goes in one
   * transaction with its record, then the workflow, which has no timers at 交办, is terminated.
   * A later 作废 (void) is the way for a measure already handed out.
   */
  async deleteMeasure(measureId: string, actor: RequestActor): Promise<void> {
    const workflowId = await this.unitOfWork.run(async (tx) => {
      const measure = await this.edits.lockMeasure(measureId, tx);
      if (!measure) throw new DomainError(ErrorCode.NotFound, `no measure with id ${measureId}`);
      await this.access.require(actor, measure.inspectionId, ['office']);
      if (measure.stage !== 'assign' || measure.lastSeq > 0)
        throw new DomainError(
          ErrorCode.StageConflict,
          'a measure can be deleted only before 交办; void it (作废) with a reason instead',
        );
      if (measure.evidenceCount > 0)
        throw new DomainError(ErrorCode.Conflict, 'the measure has evidence files; void it (作废) instead');
      await this.edits.deleteMeasure(measureId, tx);
      await this.changes.record(
        {
          inspectionId: measure.inspectionId,
          problemId: measure.problemId,
          measureId,
          action: 'measure.delete',
          actorId: actor.personId,
          detail: { number: measure.number, text: measure.text },
        },
        tx,
      );
      return measure.workflowId;
    });
    try {
      const client = await this.temporal.get();
      await client.workflow.getHandle(workflowId).terminate('the measure was deleted before 交办');
    } catch (error) {
      // Harmless if it stays: at 交办 it has no timers, and an action on it finds no row to project onto.
      this.logger.warn(`workflow ${workflowId} of a deleted measure was not terminated: ${(error as Error).message}`);
    }
  }

  async list(inspectionId: string, problemId: string | undefined, actor: RequestActor) {
    await this.access.require(actor, inspectionId, ['office', 'group_head', 'supervisor', 'reviewer']);
    return this.changes.list(inspectionId, problemId ?? null, 200);
  }
}
