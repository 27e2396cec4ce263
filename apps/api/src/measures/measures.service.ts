import { Injectable } from '@nestjs/common';
import { actionsFor, Actor, isOpenStage, MeasureState } from '@rectiflow/domain';
import {
  AuditEventRepository,
  InspectionRepository,
  MeasureRepository,
  MeasureRow,
  ProblemRepository,
  TimelineRow,
} from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { TemporalClientService } from '../temporal/temporal-client.service';
import type { ListMeasuresQuery } from './measure.dto';

@Injectable()
export class MeasuresService {
  constructor(
    private readonly measures: MeasureRepository,
    private readonly problems: ProblemRepository,
    private readonly inspections: InspectionRepository,
    private readonly audit: AuditEventRepository,
    private readonly temporal: TemporalClientService,
    private readonly visibility: Visibility,
  ) {}

  /** Filtered, paged, and only the rows this person may see (staff: their departments' measures). */
  async list(query: ListMeasuresQuery, actor: RequestActor) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { total, items } = await this.measures.list(query, actor, limit, offset);
    return { total, limit, offset, items };
  }

  async row(id: string): Promise<MeasureRow> {
    const row = await this.measures.byId(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `no measure with id ${id}`);
    return row;
  }

  /** The actor as the workflow sees it: person, department, and roles held in this measure's inspection. */
  async domainActor(actor: RequestActor, inspectionId: string): Promise<Actor> {
    const roles = await this.inspections.rolesOf(inspectionId, actor.personId);
    return { personId: actor.personId, departmentId: actor.departmentId, inspectionRoles: roles };
  }

  /** The read-model row, its problem's place in the heading ladder, and the actions this person may take now. */
  async get(id: string, actor: RequestActor) {
    await this.visibility.requireMeasure(actor, id);
    const measure = await this.row(id);
    const problem = await this.problems.ladder(measure.problemId);
    let allowedActions: string[] = [];
    let round = measure.round;
    // A closed measure's workflow waits a while for a reopen (重新整改); only then is there anything to offer.
    const askable =
      isOpenStage(measure.stage) ||
      (measure.stage === 'closed' && (await this.temporal.measureWorkflowRunning(id).catch(() => false)));
    if (askable) {
      try {
        const state: MeasureState = (await this.temporal.measureSnapshot(id)).state;
        allowedActions = actionsFor(state, await this.domainActor(actor, measure.inspectionId));
        round = state.round;
      } catch {
        allowedActions = [];
      }
    }
    const workflowUrl = this.temporal.uiUrl
      ? `${this.temporal.uiUrl}/namespaces/${encodeURIComponent(this.temporal.namespace)}/workflows/${encodeURIComponent(measure.workflowId)}`
      : null;
    const names = await this.measures.names(id);
    return { ...measure, ...names, round, problem, allowedActions, workflowUrl };
  }

  async timeline(id: string, actor: RequestActor): Promise<TimelineRow[]> {
    await this.visibility.requireMeasure(actor, id);
    return this.audit.timeline(id);
  }
}
