import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actionsFor, Actor, InspectionRole, MeasureState } from '../../../../libs/domain/src';
import { measureWorkflowId, snapshotQuery } from '../../../../workflows/measure.contract';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { TemporalClientService } from '../temporal/temporal-client.service';
import type { ListMeasuresQuery } from './measure.dto';

/** 红黄绿灯 in SQL, the same rule as colourOf() in libs/domain. */
export const COLOUR_SQL = `CASE WHEN m.stage IN ('closed', 'assign') OR m.stage_due_at IS NULL THEN 'green'
  WHEN now() > m.stage_due_at THEN 'red'
  WHEN m.yellow_from IS NOT NULL AND now() >= m.yellow_from THEN 'yellow' ELSE 'green' END`;

const MEASURE_COLUMNS = `m.id, m.inspection_id AS "inspectionId", m.problem_id AS "problemId", m.number, m.text, m.kind,
  m.lead_department_id AS "leadDepartmentId", m.responsible_leader_id AS "responsibleLeaderId", m.due_at AS "dueAt",
  m.stage, m.round, m.stage_due_at AS "stageDueAt", m.escalation_level AS "escalationLevel", m.look_back_due AS "lookBackDue",
  m.latest_progress AS "latestProgress", m.pending_extension AS "pendingExtension", m.signed_off_at AS "signedOffAt",
  m.closed_at AS "closedAt", m.workflow_id AS "workflowId", m.updated_at AS "updatedAt", ${COLOUR_SQL} AS colour,
  ARRAY(SELECT c.department_id FROM measure_cooperating_department c WHERE c.measure_id = m.id) AS "cooperatingDepartmentIds"`;

@Injectable()
export class MeasuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientService,
    private readonly visibility: Visibility,
  ) {}

  /** Filtered, paged, and only the rows this person may see (staff: their departments' measures). */
  async list(query: ListMeasuresQuery, actor: RequestActor) {
    const parameters: unknown[] = [];
    const where: string[] = [this.visibility.measureCondition(actor, parameters)];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      where.push(clause(`$${parameters.length}`));
    };
    if (query.inspectionId) add((p) => `m.inspection_id = ${p}`, query.inspectionId);
    if (query.problemId) add((p) => `m.problem_id = ${p}`, query.problemId);
    if (query.stage) add((p) => `m.stage = ${p}`, query.stage);
    if (query.kind) add((p) => `m.kind = ${p}`, query.kind);
    if (query.leaderId) add((p) => `m.responsible_leader_id = ${p}`, query.leaderId);
    if (query.departmentId) {
      add((p) => `(m.lead_department_id = ${p} OR EXISTS (SELECT 1 FROM measure_cooperating_department c WHERE c.measure_id = m.id AND c.department_id = ${p}))`, query.departmentId);
    }
    if (query.colour) add((p) => `(${COLOUR_SQL}) = ${p}`, query.colour);
    if (query.sectionNumber) add((p) => `EXISTS (SELECT 1 FROM problem ps WHERE ps.id = m.problem_id AND ps.section_number = ${p})`, query.sectionNumber);
    if (query.q?.trim()) {
      const pattern = `%${query.q.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      add((p) => `(m.text ILIKE ${p} OR EXISTS (SELECT 1 FROM problem pq WHERE pq.id = m.problem_id AND pq.title ILIKE ${p}))`, pattern);
    }
    if (query.overdue === true) where.push(`m.stage NOT IN ('closed', 'assign') AND m.stage_due_at < now()`);
    if (query.overdue === false) where.push(`NOT (m.stage NOT IN ('closed', 'assign') AND coalesce(m.stage_due_at >= now(), true) = false)`);
    const filter = `WHERE ${where.join(' AND ')}`;
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM measure m ${filter}`, parameters);
    const items = await this.dataSource.query(
      `SELECT ${MEASURE_COLUMNS} FROM measure m ${filter}
        ORDER BY m.stage = 'closed', m.stage_due_at NULLS LAST, m.problem_id, m.number
        LIMIT ${limit} OFFSET ${offset}`,
      parameters,
    );
    return { total, limit, offset, items };
  }

  async row(id: string) {
    const [row] = await this.dataSource.query(`SELECT ${MEASURE_COLUMNS} FROM measure m WHERE m.id = $1`, [id]);
    if (!row) throw new DomainError(ErrorCode.NotFound, `no measure with id ${id}`);
    return row;
  }

  /** The actor as the workflow sees it: person, department, and roles held in this measure's inspection. */
  async domainActor(actor: RequestActor, inspectionId: string): Promise<Actor> {
    const roles: { role: InspectionRole }[] = await this.dataSource.query(
      'SELECT role FROM inspection_role WHERE inspection_id = $1 AND person_id = $2',
      [inspectionId, actor.personId],
    );
    return { personId: actor.personId, departmentId: actor.departmentId, inspectionRoles: roles.map((item) => item.role) };
  }

  /** The read-model row, its problem's place in the heading ladder, and the actions this person may take now. */
  async get(id: string, actor: RequestActor) {
    await this.visibility.requireMeasure(actor, id);
    const measure = await this.row(id);
    const [problem] = await this.dataSource.query(
      `SELECT id, section_number AS "sectionNumber", section_title AS "sectionTitle", category_number AS "categoryNumber",
              category_title AS "categoryTitle", group_number AS "groupNumber", group_title AS "groupTitle", number, title
         FROM problem WHERE id = $1`,
      [measure.problemId],
    );
    let allowedActions: string[] = [];
    let round = measure.round;
    if (measure.stage !== 'closed') {
      try {
        const client = await this.temporal.get();
        const snapshot = await client.workflow.getHandle(measureWorkflowId(id)).query(snapshotQuery);
        const state: MeasureState = snapshot.state;
        allowedActions = actionsFor(state, await this.domainActor(actor, measure.inspectionId));
        round = state.round;
      } catch {
        allowedActions = [];
      }
    }
    const workflowUrl = this.temporal.uiUrl ? `${this.temporal.uiUrl}/namespaces/${encodeURIComponent(this.temporal.namespace)}/workflows/${encodeURIComponent(measure.workflowId)}` : null;
    const [names] = await this.dataSource.query(
      `SELECT d.name AS "leadDepartmentName", p.name AS "responsibleLeaderName",
              ARRAY(SELECT cd.name FROM measure_cooperating_department c JOIN department cd ON cd.id = c.department_id WHERE c.measure_id = $1 ORDER BY cd.name) AS "cooperatingDepartmentNames"
         FROM measure m JOIN department d ON d.id = m.lead_department_id JOIN person p ON p.id = m.responsible_leader_id WHERE m.id = $1`,
      [id],
    );
    return { ...measure, ...names, round, problem, allowedActions, workflowUrl };
  }

  async timeline(id: string, actor: RequestActor) {
    await this.visibility.requireMeasure(actor, id);
    return this.dataSource.query(
      `SELECT seq, kind, action, actor_id AS "actorId", from_stage AS "fromStage", to_stage AS "toStage", round, detail,
              occurred_at AS "occurredAt", idempotency_key AS "idempotencyKey"
         FROM audit_event WHERE measure_id = $1 ORDER BY seq`,
      [id],
    );
  }
}
