import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { initialState, TimerPolicy } from '@rectiflow/domain';
import { MeasureEntity, MeasureRepository } from '@rectiflow/persistence';
import { calendarChangedUpdate, measureWorkflowId, MeasureWorkflowInput } from '@rectiflow/workflows/measure.contract';
import { DomainError, ErrorCode } from '../common/domain-error';
import { TemporalClientService } from '../temporal/temporal-client.service';

export interface StartableMeasure {
  id: string;
  inspectionId: string;
  kind: MeasureEntity['kind'];
  leadDepartmentId: string;
  cooperatingDepartmentIds: string[];
  responsibleLeaderId: string;
  coLeaderIds: string[];
  dueAt: Date;
  /** 立行立改 / 长期坚持 created without a date: due from 交办 by the policy. */
  dueOnAssign: boolean;
}

/**
 * Starts one workflow per measure. Rows are committed first with workflow_started = false; a start
 * that fails (Temporal down, API crash) is retried at the next boot, and the workflow id from the
 * business key plus USE_EXISTING makes a repeated start harmless.
 */
/** How long one running measure has to take a new calendar before it is left to catch up at the next change. */
const CALENDAR_UPDATE_DEADLINE_MS = 15_000;

@Injectable()
export class MeasureWorkflowsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MeasureWorkflowsService.name);

  constructor(
    private readonly measures: MeasureRepository,
    private readonly temporal: TemporalClientService,
  ) {}

  async start(measures: StartableMeasure[], policy: TimerPolicy): Promise<void> {
    const client = await this.temporal.get().catch((error) => {
      throw new DomainError(
        ErrorCode.Unavailable,
        `saved, but Temporal is unreachable (${error.message}); the workflows start when the API next boots`,
      );
    });
    const started: string[] = [];
    const failures: string[] = [];
    const queue = [...measures];
    const now = new Date();
    const run = async () => {
      for (let measure = queue.shift(); measure; measure = queue.shift()) {
        const input: MeasureWorkflowInput = {
          state: initialState(
            {
              measureId: measure.id,
              inspectionId: measure.inspectionId,
              kind: measure.kind,
              policy,
              participants: {
                leadDepartmentId: measure.leadDepartmentId,
                cooperatingDepartmentIds: measure.cooperatingDepartmentIds,
                responsibleLeaderId: measure.responsibleLeaderId,
                ...(measure.coLeaderIds.length ? { coLeaderIds: measure.coLeaderIds } : {}),
              },
              dueAt: measure.dueAt.toISOString(),
              ...(measure.dueOnAssign ? { dueOnAssign: true } : {}),
            },
            now,
          ),
        };
        try {
          await client.workflow.start('measureWorkflow', {
            taskQueue: this.temporal.taskQueue,
            workflowId: measureWorkflowId(measure.id),
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
            args: [input],
          });
          started.push(measure.id);
        } catch (error) {
          failures.push(`${measure.id}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.temporal.workflowStartConcurrency, measures.length) }, run));
    await this.measures.markWorkflowsStarted(started);
    if (failures.length) {
      throw new DomainError(
        ErrorCode.Unavailable,
        `saved, but ${failures.length} workflow(s) could not start yet and will be retried at the next boot: ${failures.slice(0, 3).join('; ')}`,
      );
    }
  }

  /**
   * After the working calendar changed: every running measure whose policy counts working days
   * fetches it again and re-plans its timers (the calendar_changed Update, audited in its trail).
   * Answers how many changed; one that cannot be reached is logged and catches up at its next change.
   */
  async calendarChanged(): Promise<number> {
    const ids = await this.measures.onWorkingDays();
    if (ids.length === 0) return 0;
    const client = await this.temporal.get();
    let changed = 0;
    const queue = [...ids];
    const run = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          // Bounded: a measure whose worker does not answer must not hold up the calendar change for the rest.
          const answer = await client.withDeadline(Date.now() + CALENDAR_UPDATE_DEADLINE_MS, () =>
            client.workflow.getHandle(measureWorkflowId(id)).executeUpdate(calendarChangedUpdate),
          );
          if (answer.changed) changed += 1;
        } catch (error) {
          this.logger.warn(`measure ${id} did not take the new calendar: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, ids.length) }, run));
    return changed;
  }

  /** Starts the workflows of measures whose start never completed (a crash between commit and start). */
  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.measures.unstarted();
    if (pending.length === 0) return;
    this.logger.warn(`starting ${pending.length} workflow(s) left unstarted`);
    for (const measure of pending) {
      await this.start([{ ...measure, dueAt: new Date(measure.dueAt) }], measure.policy).catch((error) =>
        this.logger.error(error.message),
      );
    }
  }
}
