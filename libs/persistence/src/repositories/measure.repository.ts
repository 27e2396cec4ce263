import { EntityManager, In } from 'typeorm';
import type {
  Colour,
  Contribution,
  ExtensionRequest,
  InspectionRole,
  MeasureKind,
  Stage,
  SupervisionNotice,
  TimerPolicy,
} from '@rectiflow/domain';
import { MeasureCooperatingDepartmentEntity, MeasureEntity } from '../entities';
import { BaseRepository } from './unit-of-work';
import { COLOUR_SQL, MeasureFilter, measureFilterCondition } from './measure-filter';
import { Viewer, visibleMeasureCondition } from './visibility.repository';

const MEASURE_COLUMNS = `m.id, m.inspection_id AS "inspectionId", m.problem_id AS "problemId", m.number, m.text, m.kind,
  m.lead_department_id AS "leadDepartmentId", m.responsible_leader_id AS "responsibleLeaderId", m.due_at AS "dueAt",
  m.stage, m.round, m.stage_due_at AS "stageDueAt", m.escalation_level AS "escalationLevel", m.look_back_due AS "lookBackDue",
  m.latest_progress AS "latestProgress", m.pending_extension AS "pendingExtension", m.signed_off_at AS "signedOffAt",
  m.closed_at AS "closedAt", m.original_due_at AS "originalDueAt", m.assignee_id AS "assigneeId",
  m.co_leader_ids AS "coLeaderIds", m.instructions, m.due_on_assign AS "dueOnAssign", m.claimed_by AS "claimedBy",
  m.claimed_at AS "claimedAt", m.contributions, m.supervision, m.workflow_id AS "workflowId", m.updated_at AS "updatedAt", ${COLOUR_SQL} AS colour,
  ARRAY(SELECT c.department_id FROM measure_cooperating_department c WHERE c.measure_id = m.id) AS "cooperatingDepartmentIds"`;

/** One measure's read-model row as the API shows it (MEASURE_COLUMNS). */
export interface MeasureRow {
  id: string;
  inspectionId: string;
  problemId: string;
  number: number;
  text: string;
  kind: MeasureKind;
  leadDepartmentId: string;
  responsibleLeaderId: string;
  dueAt: Date;
  stage: Stage;
  round: number;
  stageDueAt: Date | null;
  escalationLevel: number;
  lookBackDue: boolean;
  latestProgress: string | null;
  pendingExtension: ExtensionRequest | null;
  signedOffAt: Date | null;
  closedAt: Date | null;
  workflowId: string;
  updatedAt: Date;
  colour: Colour;
  cooperatingDepartmentIds: string[];
  /** 原定时限: the deadline set at 交办 (null before it); differs from dueAt once changed. */
  originalDueAt: Date | null;
  assigneeId: string | null;
  coLeaderIds: string[];
  instructions: string | null;
  dueOnAssign: boolean;
  claimedBy: string | null;
  claimedAt: Date | null;
  contributions: Contribution[];
  supervision: SupervisionNotice | null;
}

/** A ledger row: the measure and the number and title of its problem. */
export interface MeasureListRow extends MeasureRow {
  problemNumber: number;
  problemTitle: string;
}

export interface MeasureNamesRow {
  leadDepartmentName: string;
  responsibleLeaderName: string;
  cooperatingDepartmentNames: string[];
  assigneeName: string | null;
  coLeaderNames: string[];
  claimedByName: string | null;
}

/** An earlier action under the same idempotency key, from the audit trail. */
export interface EarlierActionRow {
  action: string;
  stage: Stage;
  round: number;
  seq: number;
  /** Null on rows written before request hashes were kept. */
  requestHash: string | null;
}

/** What an action needs from the database, read in one round trip (the hot path). */
export interface ActionContextRow {
  stage: Stage;
  dueAt: Date;
  stageDueAt: Date | null;
  leadDepartmentId: string;
  responsibleLeaderId: string;
  roles: InspectionRole[];
  earlier: EarlierActionRow | null;
}

/** A measure whose workflow start never completed, with what it takes to start it. */
export interface UnstartedMeasureRow {
  id: string;
  inspectionId: string;
  kind: MeasureKind;
  leadDepartmentId: string;
  responsibleLeaderId: string;
  dueAt: Date;
  policy: TimerPolicy;
  cooperatingDepartmentIds: string[];
  coLeaderIds: string[];
  dueOnAssign: boolean;
}

/** A new measure row; its id (and so its workflow id) is chosen by the caller before the insert. */
export interface NewMeasure {
  id: string;
  workflowId: string;
  inspectionId: string;
  problemId: string;
  number: number;
  text: string;
  kind: MeasureKind;
  leadDepartmentId: string;
  responsibleLeaderId: string;
  coLeaderIds: string[];
  dueAt: Date;
  dueOnAssign: boolean;
}

/** `measure` (the read model of each measure's workflow) and `measure_cooperating_department`. */
export class MeasureRepository extends BaseRepository {
  /** Filtered, paged, and only the rows the viewer may see; open measures by their stage deadline first. */
  async list(
    filter: MeasureFilter,
    viewer: Viewer,
    limit: number,
    offset: number,
    tx?: EntityManager,
  ): Promise<{ total: number; items: MeasureListRow[] }> {
    const parameters: unknown[] = [];
    const condition = `WHERE ${measureFilterCondition(filter, viewer, parameters)}`;
    const [{ total }]: { total: number }[] = await this.db(tx).query(
      `SELECT count(*)::int AS total FROM measure m ${condition}`,
      parameters,
    );
    const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
    const order = {
      problemNumber: `pr.number ${direction}, m.number ${direction}, m.id`,
      dueAt: `m.due_at ${direction}, pr.number, m.number, m.id`,
      default: `m.stage = 'closed', m.stage_due_at NULLS LAST, m.problem_id, m.number`,
    }[filter.sort ?? 'default'];
    const items: MeasureListRow[] = await this.db(tx).query(
      `SELECT ${MEASURE_COLUMNS}, pr.number AS "problemNumber", pr.title AS "problemTitle"
         FROM measure m JOIN problem pr ON pr.id = m.problem_id ${condition}
        ORDER BY ${order}
        LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
      parameters,
    );
    return { total, items };
  }

  async byId(id: string, tx?: EntityManager): Promise<MeasureRow | undefined> {
    const [row]: MeasureRow[] = await this.db(tx).query(`SELECT ${MEASURE_COLUMNS} FROM measure m WHERE m.id = $1`, [
      id,
    ]);
    return row;
  }

  /** The names of the measure's departments and responsible leader. */
  async names(id: string, tx?: EntityManager): Promise<MeasureNamesRow | undefined> {
    const [row]: MeasureNamesRow[] = await this.db(tx).query(
      `SELECT d.name AS "leadDepartmentName", p.name AS "responsibleLeaderName",
              ARRAY(SELECT cd.name FROM measure_cooperating_department c JOIN department cd ON cd.id = c.department_id WHERE c.measure_id = $1 ORDER BY cd.name) AS "cooperatingDepartmentNames",
              (SELECT a.name FROM person a WHERE a.id = m.assignee_id) AS "assigneeName",
              (SELECT c.name FROM person c WHERE c.id = m.claimed_by) AS "claimedByName",
              ARRAY(SELECT cl.name FROM unnest(m.co_leader_ids) WITH ORDINALITY AS u(id, n) JOIN person cl ON cl.id = u.id ORDER BY u.n) AS "coLeaderNames"
         FROM measure m JOIN department d ON d.id = m.lead_department_id JOIN person p ON p.id = m.responsible_leader_id WHERE m.id = $1`,
      [id],
    );
    return row;
  }

  /**
   * Everything an action needs in ONE statement (this is the hot path): the measure if the viewer
   * may see it (undefined otherwise, as for a missing one), its stage and participants, the viewer's
   * roles in its inspection, and an earlier action with the same idempotency key.
   */
  async actionContext(
    measureId: string,
    viewer: Viewer,
    idempotencyKey: string,
    tx?: EntityManager,
  ): Promise<ActionContextRow | undefined> {
    const parameters: unknown[] = [measureId, viewer.personId, idempotencyKey];
    const visible = visibleMeasureCondition(viewer, parameters);
    const [row]: ActionContextRow[] = await this.db(tx).query(
      `SELECT m.stage, m.due_at AS "dueAt", m.stage_due_at AS "stageDueAt", m.lead_department_id AS "leadDepartmentId", m.responsible_leader_id AS "responsibleLeaderId",
              ARRAY(SELECT r.role FROM inspection_role r WHERE r.inspection_id = m.inspection_id AND r.person_id = $2) AS roles,
              (SELECT json_build_object('action', a.action, 'stage', a.to_stage, 'round', a.round, 'seq', a.seq, 'requestHash', a.detail->>'requestHash')
                 FROM audit_event a WHERE a.measure_id = m.id AND a.idempotency_key = $3) AS earlier
         FROM measure m WHERE m.id = $1 AND ${visible}`,
      parameters,
    );
    return row;
  }

  /** The highest measure number of the problem, 0 when it has none. */
  async maxNumber(problemId: string, tx?: EntityManager): Promise<number> {
    const [{ max }]: { max: number | string }[] = await this.db(tx).query(
      'SELECT coalesce(max(number), 0) AS max FROM measure WHERE problem_id = $1',
      [problemId],
    );
    return Number(max);
  }

  /** Of these numbers, the ones a measure of the problem already has. */
  async numbersTaken(problemId: string, numbers: number[], tx?: EntityManager): Promise<number[]> {
    const rows = await this.db(tx)
      .getRepository(MeasureEntity)
      .find({ where: { problemId, number: In(numbers) }, select: ['number'] });
    return rows.map((row) => row.number);
  }

  /** Inserts new measures at stage 交办 with their workflows not yet started; returns the saved rows. */
  async insertNew(measures: NewMeasure[], tx?: EntityManager): Promise<MeasureEntity[]> {
    if (measures.length === 0) return [];
    const repository = this.db(tx).getRepository(MeasureEntity);
    const entities = measures.map(({ id, workflowId, ...values }) =>
      Object.assign(repository.create({ ...values, stage: 'assign', round: 1, workflowStarted: false }), {
        id,
        workflowId,
      }),
    );
    return repository.save(entities, { chunk: 500 });
  }

  async insertCooperatingDepartments(
    links: { measureId: string; departmentId: string }[],
    tx?: EntityManager,
  ): Promise<void> {
    if (links.length) await this.db(tx).getRepository(MeasureCooperatingDepartmentEntity).insert(links);
  }

  async markWorkflowsStarted(ids: string[], tx?: EntityManager): Promise<void> {
    if (ids.length)
      await this.db(tx)
        .getRepository(MeasureEntity)
        .update({ id: In(ids) }, { workflowStarted: true });
  }

  /** Measures committed but whose workflow start never completed (a crash between commit and start). */
  unstarted(tx?: EntityManager): Promise<UnstartedMeasureRow[]> {
    return this.db(tx).query(
      `SELECT m.id, m.inspection_id AS "inspectionId", m.kind, m.lead_department_id AS "leadDepartmentId",
              m.responsible_leader_id AS "responsibleLeaderId", m.due_at AS "dueAt", i.policy,
              m.co_leader_ids AS "coLeaderIds", m.due_on_assign AS "dueOnAssign",
              coalesce(array_agg(c.department_id) FILTER (WHERE c.department_id IS NOT NULL), '{}') AS "cooperatingDepartmentIds"
         FROM measure m JOIN inspection i ON i.id = m.inspection_id
         LEFT JOIN measure_cooperating_department c ON c.measure_id = m.id
        WHERE m.workflow_started = false
        GROUP BY m.id, i.policy`,
    );
  }

  /** Open measures whose inspection's policy counts working days: their workflows hold a calendar to re-plan. */
  async onWorkingDays(tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.db(tx).query(
      `SELECT m.id FROM measure m JOIN inspection i ON i.id = m.inspection_id
        WHERE m.stage NOT IN ('closed', 'voided') AND m.workflow_started AND jsonb_path_exists(i.policy, '$.** ? (@.workingDays >= 0)')`,
    );
    return rows.map((row) => row.id);
  }
}
