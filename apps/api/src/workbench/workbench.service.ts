import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../common/actor';
import { Visibility } from '../common/visibility';
import { COLOUR_SQL } from '../measures/measures.service';

/** Each kind of work and who has it now, in SQL over the read model (the workflow stays the authority on acting). */
const WORK = `
  SELECT 'assign' AS action, m.id FROM measure m
   WHERE m.stage = 'assign' AND m.inspection_id IN (SELECT inspection_id FROM inspection_role WHERE person_id = $1 AND role = 'office')
  UNION ALL
  SELECT CASE WHEN m.kind = 'ongoing' THEN 'report_progress' ELSE 'submit_evidence' END, m.id FROM measure m
   WHERE m.stage = 'rectify' AND ($2::uuid IS NOT NULL) AND (m.lead_department_id = $2
      OR EXISTS (SELECT 1 FROM measure_cooperating_department c WHERE c.measure_id = m.id AND c.department_id = $2))
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

@Injectable()
export class WorkbenchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: Visibility,
  ) {}

  /** 我的待办: what needs this person now, grouped by action, most urgent first. */
  async myWork(actor: RequestActor, inspectionId?: string) {
    const parameters: unknown[] = [actor.personId, actor.departmentId];
    if (inspectionId) parameters.push(inspectionId);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT w.action, m.id, m.inspection_id AS "inspectionId", m.text, m.kind, m.stage, m.round, m.stage_due_at AS "stageDueAt",
              m.escalation_level AS "escalationLevel", ${COLOUR_SQL} AS colour, p.number AS "problemNumber", p.title AS "problemTitle"
         FROM (${WORK}) w JOIN measure m ON m.id = w.id JOIN problem p ON p.id = m.problem_id
        ${inspectionId ? 'WHERE m.inspection_id = $3' : ''}
        ORDER BY CASE ${COLOUR_SQL} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, m.stage_due_at NULLS LAST, p.number
        LIMIT 1000`,
      parameters,
    );
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) groups.set(row.action as string, [...(groups.get(row.action as string) ?? []), row]);
    return { total: rows.length, groups: [...groups.entries()].map(([action, items]) => ({ action, items })) };
  }

  /** 统计: completion by section and department, 销号 rate, overdue list, closures over time, escalations. */
  async dashboard(inspectionId: string, actor: RequestActor) {
    const parameters: unknown[] = [inspectionId];
    const visible = (await this.visibility.hasOversight(actor, inspectionId)) ? 'true' : this.visibility.measureCondition(actor, parameters);
    const base = `FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.inspection_id = $1 AND ${visible}`;
    const query = (sql: string) => this.dataSource.query(sql, parameters);
    const [totals] = await query(
      `SELECT count(*)::int AS measures,
              count(*) FILTER (WHERE m.stage = 'closed')::int AS closed,
              count(*) FILTER (WHERE m.signed_off_at IS NOT NULL)::int AS "signedOff",
              count(*) FILTER (WHERE ${COLOUR_SQL} = 'red')::int AS red,
              count(*) FILTER (WHERE ${COLOUR_SQL} = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE m.escalation_level > 0 AND m.stage <> 'closed')::int AS escalated ${base}`,
    );
    const bySection = await query(
      `SELECT coalesce(p.section_number, '') AS number, coalesce(p.section_title, '') AS title, coalesce(p.category_number, '') AS "categoryNumber",
              coalesce(p.category_title, '') AS "categoryTitle", count(*)::int AS total,
              count(*) FILTER (WHERE m.stage = 'closed')::int AS closed, count(*) FILTER (WHERE m.signed_off_at IS NOT NULL)::int AS "signedOff"
         ${base} GROUP BY 1, 2, 3, 4 ORDER BY 1, 3`,
    );
    const byDepartment = await query(
      `SELECT d.id, d.name, count(*)::int AS total, count(*) FILTER (WHERE m.stage = 'closed')::int AS closed,
              count(*) FILTER (WHERE ${COLOUR_SQL} = 'red')::int AS overdue
         ${base.replace('FROM measure m JOIN problem p ON p.id = m.problem_id', 'FROM measure m JOIN problem p ON p.id = m.problem_id JOIN department d ON d.id = m.lead_department_id')}
        GROUP BY d.id, d.name ORDER BY total DESC`,
    );
    const overdue = await query(
      `SELECT m.id, m.text, m.stage, m.stage_due_at AS "stageDueAt", m.escalation_level AS "escalationLevel", p.number AS "problemNumber"
         ${base} AND ${COLOUR_SQL} = 'red' ORDER BY m.stage_due_at LIMIT 20`,
    );
    const trend = await query(
      `SELECT to_char(date_trunc('day', m.closed_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS day, count(*)::int AS closed
         ${base} AND m.closed_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    const escalations = await query(
      `SELECT m.escalation_level AS level, count(*)::int AS count ${base} AND m.escalation_level > 0 AND m.stage <> 'closed' GROUP BY 1 ORDER BY 1`,
    );
    let running = 0;
    return {
      totals: { ...totals, signOffRate: totals.measures ? totals.signedOff / totals.measures : 0 },
      bySection,
      byDepartment,
      overdue,
      trend: trend.map((row: { day: string; closed: number }) => ({ ...row, cumulative: (running += row.closed) })),
      escalations,
    };
  }
}
