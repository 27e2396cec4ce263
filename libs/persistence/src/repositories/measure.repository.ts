import { EntityManager, In } from 'typeorm';
import type { Colour, ExtensionRequest, InspectionRole, MeasureKind, Stage, TimerPolicy } from '@rectiflow/domain';
import { MeasureCooperatingDepartmentEntity, MeasureEntity } from '../entities';
import { BaseRepository } from './unit-of-work';
import { Viewer, visibleMeasureCondition } from './visibility.repository';

/** 红黄绿灯 in SQL over measure alias `m`, the same rule as colourOf() in libs/domain. */
export const COLOUR_SQL = `CASE WHEN m.stage IN ('closed', 'assign') OR m.stage_due_at IS NULL THEN 'green'
  WHEN now() > m.stage_due_at THEN 'red'
  WHEN m.yellow_from IS NOT NULL AND now() >= m.yellow_from THEN 'yellow' ELSE 'green' END`;

const MEASURE_COLUMNS = `m.id, m.inspection_id AS "inspectionId", m.problem_id AS "problemId", m.number, m.text, m.kind,
  m.lead_department_id AS "leadDepartmentId", m.responsible_leader_id AS "responsibleLeaderId", m.due_at AS "dueAt",
  m.stage, m.round, m.stage_due_at AS "stageDueAt", m.escalation_level AS "escalationLevel", m.look_back_due AS "lookBackDue",
  m.latest_progress AS "latestProgress", m.pending_extension AS "pendingExtension", m.signed_off_at AS "signedOffAt",
  m.closed_at AS "closedAt", m.workflow_id AS "workflowId", m.updated_at AS "updatedAt", ${COLOUR_SQL} AS colour,
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
}

/** The ledger's orders besides its default: 问题序号, 整改时限. */
export const MEASURE_SORTS = ['problemNumber', 'dueAt'] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];

/** A ledger row: the measure and the number and title of its problem. */
export interface MeasureListRow extends MeasureRow {
  problemNumber: number;
  problemTitle: string;
}

/** The filters of the measure list; each one given narrows it. */
export interface MeasureFilter {
  inspectionId?: string;
  problemId?: string;
  stage?: Stage;
  kind?: MeasureKind;
  leaderId?: string;
  departmentId?: string;
  colour?: Colour;
  sectionNumber?: string;
  /** The problem's category within its section ((一) → 一); the dashboard's category bars link with both. */
  categoryNumber?: string;
  /** Matched (case-insensitively, as a substring) against the measure's and its problem's text. */
  q?: string;
  overdue?: boolean;
  /** Open measures with an escalation level above 0 (the dashboard's 升级未办). */
  escalated?: boolean;
  /** Without it: open measures first, by their stage deadline. Ties end on the problem and measure numbers. */
  sort?: MeasureSort;
  order?: 'asc' | 'desc';
}

export interface MeasureNamesRow {
  leadDepartmentName: string;
  responsibleLeaderName: string;
  cooperatingDepartmentNames: string[];
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
  dueAt: Date;
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
    const where: string[] = [visibleMeasureCondition(viewer, parameters)];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      where.push(clause(`$${parameters.length}`));
    };
    if (filter.inspectionId) add((p) => `m.inspection_id = ${p}`, filter.inspectionId);
    if (filter.problemId) add((p) => `m.problem_id = ${p}`, filter.problemId);
    if (filter.stage) add((p) => `m.stage = ${p}`, filter.stage);
    if (filter.kind) add((p) => `m.kind = ${p}`, filter.kind);
    if (filter.leaderId) add((p) => `m.responsible_leader_id = ${p}`, filter.leaderId);
    if (filter.departmentId) {
      add(
        (p) =>
          `(m.lead_department_id = ${p} OR EXISTS (SELECT 1 FROM measure_cooperating_department c WHERE c.measure_id = m.id AND c.department_id = ${p}))`,
        filter.departmentId,
      );
    }
    if (filter.colour) add((p) => `(${COLOUR_SQL}) = ${p}`, filter.colour);
    if (filter.sectionNumber)
      add(
        (p) => `EXISTS (SELECT 1 FROM problem ps WHERE ps.id = m.problem_id AND ps.section_number = ${p})`,
        filter.sectionNumber,
      );
    if (filter.categoryNumber)
      add(
        (p) => `EXISTS (SELECT 1 FROM problem pc WHERE pc.id = m.problem_id AND pc.category_number = ${p})`,
        filter.categoryNumber,
      );
    if (filter.q?.trim()) {
      const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      add(
        (p) =>
          `(m.text ILIKE ${p} OR EXISTS (SELECT 1 FROM problem pq WHERE pq.id = m.problem_id AND pq.title ILIKE ${p}))`,
        pattern,
      );
    }
    if (filter.escalated === true) where.push(`m.escalation_level > 0 AND m.stage <> 'closed'`);
    if (filter.escalated === false) where.push(`NOT (m.escalation_level > 0 AND m.stage <> 'closed')`);
    if (filter.overdue === true) where.push(`m.stage NOT IN ('closed', 'assign') AND m.stage_due_at < now()`);
    if (filter.overdue === false)
      where.push(`NOT (m.stage NOT IN ('closed', 'assign') AND coalesce(m.stage_due_at >= now(), true) = false)`);
    const condition = `WHERE ${where.join(' AND ')}`;
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
              ARRAY(SELECT cd.name FROM measure_cooperating_department c JOIN department cd ON cd.id = c.department_id WHERE c.measure_id = $1 ORDER BY cd.name) AS "cooperatingDepartmentNames"
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
              coalesce(array_agg(c.department_id) FILTER (WHERE c.department_id IS NOT NULL), '{}') AS "cooperatingDepartmentIds"
         FROM measure m JOIN inspection i ON i.id = m.inspection_id
         LEFT JOIN measure_cooperating_department c ON c.measure_id = m.id
        WHERE m.workflow_started = false
        GROUP BY m.id, i.policy`,
    );
  }
}
