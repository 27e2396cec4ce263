import { EntityManager } from 'typeorm';
import type { Colour, MeasureKind, Stage } from '@rectiflow/domain';
import { COLOUR_SQL, COUNTED_SQL, PROGRESS_SQL } from './measure-filter';
import { BaseRepository } from './unit-of-work';
import { MeasureScope, visibleMeasureCondition } from './visibility.repository';

/**
 * Each kind of work and who has it now, over the read model ($1 person, $2 department; the workflow
 * stays the authority on acting): the lead department (or the 承办人) does the work, a cooperating
 * department gives its part (配合反馈) until it has, and a leader's claimed measures (领办) are listed.
 */
const WORK = `
  SELECT 'assign' AS action, m.id FROM measure m
   WHERE m.stage = 'assign' AND m.inspection_id IN (SELECT inspection_id FROM inspection_role WHERE person_id = $1 AND role = 'office')
  UNION ALL
  SELECT CASE WHEN m.kind = 'ongoing' THEN 'report_progress' ELSE 'submit_evidence' END, m.id FROM measure m
   WHERE m.stage = 'rectify' AND (m.assignee_id = $1 OR ($2::uuid IS NOT NULL AND m.lead_department_id = $2))
  UNION ALL
  SELECT 'contribute', m.id FROM measure m
   WHERE m.stage = 'rectify' AND $2::uuid IS NOT NULL AND m.lead_department_id <> $2
     AND EXISTS (SELECT 1 FROM measure_cooperating_department c WHERE c.measure_id = m.id AND c.department_id = $2)
     AND NOT m.contributions @> jsonb_build_array(jsonb_build_object('departmentId', $2::text))
  UNION ALL
  SELECT 'claim', m.id FROM measure m
   WHERE m.claimed_by = $1 AND m.stage NOT IN ('closed', 'voided')
  UNION ALL
  SELECT 'review', m.id FROM measure m
   WHERE m.stage = 'review' AND m.inspection_id IN (SELECT inspection_id FROM inspection_role WHERE person_id = $1 AND role IN ('reviewer', 'office'))
     AND coalesce((SELECT a.actor_id FROM audit_event a WHERE a.measure_id = m.id AND a.action = 'submit_evidence' ORDER BY a.seq DESC LIMIT 1) <> $1, true)
  UNION ALL
  SELECT 'sign_off', m.id FROM measure m
   WHERE m.stage = 'signoff' AND (m.responsible_leader_id = $1 OR m.inspection_id IN (SELECT inspection_id FROM inspection_role WHERE person_id = $1 AND role = 'group_head'))
  UNION ALL
  SELECT 'decide_extension', m.id FROM measure m
   WHERE m.stage = 'rectify' AND m.pending_extension IS NOT NULL
     AND (m.responsible_leader_id = $1 OR m.inspection_id IN (SELECT inspection_id FROM inspection_role WHERE person_id = $1 AND role = 'group_head'))
  UNION ALL
  SELECT 'record_look_back', m.id FROM measure m
   WHERE m.stage = 'lookback' AND m.look_back_due AND m.inspection_id IN (SELECT inspection_id FROM inspection_role WHERE person_id = $1 AND role IN ('supervisor', 'office'))`;

/** One piece of work waiting for a person (我的待办). */
export interface WorkItemRow {
  action: string;
  id: string;
  inspectionId: string;
  text: string;
  kind: MeasureKind;
  stage: Stage;
  round: number;
  stageDueAt: Date | null;
  escalationLevel: number;
  colour: Colour;
  problemNumber: number;
  problemTitle: string;
}

export interface DashboardTotalsRow {
  /** Counted measures (voided ones aside). */
  measures: number;
  /** 已完成 / 持续推进 / 未完成 by the done rule. */
  done: number;
  ongoing: number;
  open: number;
  voided: number;
  /** 领办: claimed by a leader. */
  claimed: number;
  closed: number;
  signedOff: number;
  red: number;
  yellow: number;
  escalated: number;
  /** 督办单 issued on the measures in scope (every supervise action). */
  supervisionIssued: number;
  /** 督办单 not yet closed by the supervisor (open, answered or sent back), as the desk's supervised filter. */
  supervisionOpen: number;
}

export interface DashboardSectionRow {
  number: string;
  title: string;
  categoryNumber: string;
  categoryTitle: string;
  total: number;
  done: number;
  closed: number;
  signedOff: number;
}

export interface DashboardDepartmentRow {
  id: string;
  name: string;
  total: number;
  done: number;
  closed: number;
  overdue: number;
}

export interface DashboardOverdueRow {
  id: string;
  text: string;
  stage: Stage;
  stageDueAt: Date | null;
  escalationLevel: number;
  problemNumber: number;
}

/** The dashboard's figures over the measures in scope, as six reads. */
export interface DashboardRows {
  totals: DashboardTotalsRow;
  bySection: DashboardSectionRow[];
  byDepartment: DashboardDepartmentRow[];
  overdue: DashboardOverdueRow[];
  /** Measures closed per day (Asia/Shanghai), oldest first. */
  trend: { day: string; done: number; closed: number }[];
  /** Open measures per escalation level above 0. */
  escalations: { level: number; count: number }[];
}

/** Reads over many measures at once: an inspection's counts, the work waiting for a person, the dashboard. */
export class MeasureReportsRepository extends BaseRepository {
  /** Measures of the inspection the scope lets through, counted per stage. */
  async countsByStage(
    inspectionId: string,
    scope: MeasureScope,
    tx?: EntityManager,
  ): Promise<{ stage: Stage; count: number }[]> {
    const parameters: unknown[] = [inspectionId];
    const visible = visibleMeasureCondition(scope, parameters);
    const rows: { stage: Stage; count: string }[] = await this.db(tx).query(
      `SELECT stage, count(*) AS count FROM measure m WHERE m.inspection_id = $1 AND ${visible} AND ${COUNTED_SQL} GROUP BY stage`,
      parameters,
    );
    return rows.map((row) => ({ stage: row.stage, count: Number(row.count) }));
  }

  /** Red and yellow measures of the inspection the scope lets through. */
  async colourCounts(
    inspectionId: string,
    scope: MeasureScope,
    tx?: EntityManager,
  ): Promise<{ red: number; yellow: number }> {
    const parameters: unknown[] = [inspectionId];
    const visible = visibleMeasureCondition(scope, parameters);
    const [row]: { red: string; yellow: string }[] = await this.db(tx).query(
      `SELECT count(*) FILTER (WHERE ${COLOUR_SQL} = 'red') AS red, count(*) FILTER (WHERE ${COLOUR_SQL} = 'yellow') AS yellow
         FROM measure m WHERE m.inspection_id = $1 AND ${visible}`,
      parameters,
    );
    return { red: Number(row.red), yellow: Number(row.yellow) };
  }

  /** What needs this person now (at most 1,000), red first, then by stage deadline and problem. */
  work(
    personId: string,
    departmentId: string | null,
    inspectionId?: string,
    tx?: EntityManager,
  ): Promise<WorkItemRow[]> {
    const parameters: unknown[] = [personId, departmentId];
    if (inspectionId) parameters.push(inspectionId);
    return this.db(tx).query(
      `SELECT w.action, m.id, m.inspection_id AS "inspectionId", m.text, m.kind, m.stage, m.round, m.stage_due_at AS "stageDueAt",
              m.escalation_level AS "escalationLevel", ${COLOUR_SQL} AS colour, p.number AS "problemNumber", p.title AS "problemTitle"
         FROM (${WORK}) w JOIN measure m ON m.id = w.id JOIN problem p ON p.id = m.problem_id
        ${inspectionId ? 'WHERE m.inspection_id = $3' : ''}
        ORDER BY CASE ${COLOUR_SQL} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, m.stage_due_at NULLS LAST, p.number
        LIMIT 1000`,
      parameters,
    );
  }

  /** 统计: completion by section and department, 销号, the overdue list, closures per day, escalations. */
  async dashboard(inspectionId: string, scope: MeasureScope, tx?: EntityManager): Promise<DashboardRows> {
    const parameters: unknown[] = [inspectionId];
    const visible = visibleMeasureCondition(scope, parameters);
    const all = `FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.inspection_id = $1 AND ${visible}`;
    const base = `${all} AND ${COUNTED_SQL}`;
    const query = <T>(sql: string): Promise<T[]> => this.db(tx).query(sql, parameters);
    const [{ voided }] = await query<{ voided: number }>(
      `SELECT count(*) FILTER (WHERE NOT ${COUNTED_SQL})::int AS voided ${all}`,
    );
    const [counted] = await query<Omit<DashboardTotalsRow, 'voided' | 'supervisionIssued' | 'supervisionOpen'>>(
      `SELECT count(*)::int AS measures,
              count(*) FILTER (WHERE ${PROGRESS_SQL} = 'done')::int AS done,
              count(*) FILTER (WHERE ${PROGRESS_SQL} = 'ongoing')::int AS ongoing,
              count(*) FILTER (WHERE ${PROGRESS_SQL} = 'open')::int AS open,
              count(*) FILTER (WHERE m.claimed_by IS NOT NULL)::int AS claimed,
              count(*) FILTER (WHERE m.stage = 'closed')::int AS closed,
              count(*) FILTER (WHERE m.signed_off_at IS NOT NULL)::int AS "signedOff",
              count(*) FILTER (WHERE ${COLOUR_SQL} = 'red')::int AS red,
              count(*) FILTER (WHERE ${COLOUR_SQL} = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE m.escalation_level > 0 AND m.stage <> 'closed')::int AS escalated ${base}`,
    );
    const [supervision] = await query<Pick<DashboardTotalsRow, 'supervisionIssued' | 'supervisionOpen'>>(
      `SELECT (SELECT count(*) FROM audit_event a WHERE a.inspection_id = $1 AND a.kind = 'action' AND a.action = 'supervise'
                  AND a.measure_id IN (SELECT m.id ${all}))::int AS "supervisionIssued",
              (SELECT count(*) ${all} AND m.supervision IS NOT NULL AND m.stage NOT IN ('closed', 'voided'))::int AS "supervisionOpen"`,
    );
    const totals: DashboardTotalsRow = { ...counted, ...supervision, voided };
    const bySection = await query<DashboardSectionRow>(
      `SELECT coalesce(p.section_number, '') AS number, coalesce(p.section_title, '') AS title, coalesce(p.category_number, '') AS "categoryNumber",
              coalesce(p.category_title, '') AS "categoryTitle", count(*)::int AS total,
              count(*) FILTER (WHERE ${PROGRESS_SQL} = 'done')::int AS done, count(*) FILTER (WHERE m.stage = 'closed')::int AS closed, count(*) FILTER (WHERE m.signed_off_at IS NOT NULL)::int AS "signedOff"
         ${base} GROUP BY 1, 2, 3, 4 ORDER BY 1, 3`,
    );
    const byDepartment = await query<DashboardDepartmentRow>(
      `SELECT d.id, d.name, count(*)::int AS total, count(*) FILTER (WHERE ${PROGRESS_SQL} = 'done')::int AS done,
              count(*) FILTER (WHERE m.stage = 'closed')::int AS closed,
              count(*) FILTER (WHERE ${COLOUR_SQL} = 'red')::int AS overdue
         ${base.replace('FROM measure m JOIN problem p ON p.id = m.problem_id', 'FROM measure m JOIN problem p ON p.id = m.problem_id JOIN department d ON d.id = m.lead_department_id')}
        GROUP BY d.id, d.name ORDER BY total DESC`,
    );
    const overdue = await query<DashboardOverdueRow>(
      `SELECT m.id, m.text, m.stage, m.stage_due_at AS "stageDueAt", m.escalation_level AS "escalationLevel", p.number AS "problemNumber"
         ${base} AND ${COLOUR_SQL} = 'red' ORDER BY m.stage_due_at LIMIT 20`,
    );
    // Per day (China time): measures signed off (销号, still done) and measures closed after the look-back.
    const day = (column: string) => `to_char(date_trunc('day', ${column} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`;
    const trend = await query<{ day: string; done: number; closed: number }>(
      `SELECT day, sum(done)::int AS done, sum(closed)::int AS closed FROM (
         SELECT ${day('m.signed_off_at')} AS day, 1 AS done, 0 AS closed ${base} AND ${PROGRESS_SQL} = 'done' AND m.signed_off_at IS NOT NULL
         UNION ALL
         SELECT ${day('m.closed_at')}, 0, 1 ${base} AND m.closed_at IS NOT NULL) t
       GROUP BY day ORDER BY day`,
    );
    const escalations = await query<{ level: number; count: number }>(
      `SELECT m.escalation_level AS level, count(*)::int AS count ${base} AND m.escalation_level > 0 AND m.stage <> 'closed' GROUP BY 1 ORDER BY 1`,
    );
    return { totals, bySection, byDepartment, overdue, trend, escalations };
  }
}
