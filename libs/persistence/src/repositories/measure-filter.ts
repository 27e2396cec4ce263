import type { Colour, MeasureKind, Progress, Stage } from '@rectiflow/domain';
import { Viewer, visibleMeasureCondition } from './visibility.repository';

/** 红黄绿灯 in SQL over measure alias `m`, the same rule as colourOf() in libs/domain. */
export const COLOUR_SQL = `CASE WHEN m.stage IN ('closed', 'assign', 'voided') OR m.stage_due_at IS NULL THEN 'green'
  WHEN now() > m.stage_due_at THEN 'red'
  WHEN m.yellow_from IS NOT NULL AND now() >= m.yellow_from THEN 'yellow' ELSE 'green' END`;

/**
 * The done rule in SQL over alias `m`, the same rule as progressOf() in libs/domain: 'done' from
 * 销号 on, 'ongoing' for a 长期坚持 measure whose report is on time or in review, 'open' otherwise,
 * NULL voided. test/done-rule-sql.test.ts checks the two agree on every stage, kind and due date.
 */
export const PROGRESS_SQL = `CASE WHEN m.stage = 'voided' THEN NULL WHEN m.stage IN ('lookback', 'closed') THEN 'done'
  WHEN m.kind = 'ongoing' AND (m.stage = 'review' OR (m.stage = 'rectify' AND coalesce(m.stage_due_at >= now(), true)))
  THEN 'ongoing' ELSE 'open' END`;

/** Measures that count in totals: all but the voided (作废). */
export const COUNTED_SQL = `m.stage <> 'voided'`;

/** Open measures: neither finished nor voided. */
const OPEN_SQL = `m.stage NOT IN ('closed', 'voided')`;

/** The ledger's orders besides its default: 问题序号, 整改时限. */
export const MEASURE_SORTS = ['problemNumber', 'dueAt'] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];

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
  /** 已完成 / 持续推进 / 未完成 by the done rule (a voided measure is in none). */
  progress?: Progress;
  /** 领办: claimed by a leader (true), or not (false). */
  claimed?: boolean;
  /** Open measures with a 督办单 not yet closed (open or answered, awaiting the supervisor). */
  supervised?: boolean;
  /** Open measures rectified again after a 回头看 found a rebound or after a reopen (反弹回潮). */
  rebound?: boolean;
  /** Without it: open measures first, by their stage deadline. Ties end on the problem and measure numbers. */
  sort?: MeasureSort;
  order?: 'asc' | 'desc';
}

/**
 * The list's WHERE clause over measure alias `m` (and problem subqueries): what the viewer may see and
 * every filter given; appends the values to `parameters`, so every value is a placeholder.
 */
export function measureFilterCondition(filter: MeasureFilter, viewer: Viewer, parameters: unknown[]): string {
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
  // The problem's place in the heading ladder: 一、 section, (一) category.
  for (const [key, column] of [
    ['sectionNumber', 'section_number'],
    ['categoryNumber', 'category_number'],
  ] as const) {
    const value = filter[key];
    if (value)
      add((p) => `EXISTS (SELECT 1 FROM problem pl WHERE pl.id = m.problem_id AND pl.${column} = ${p})`, value);
  }
  if (filter.q?.trim()) {
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    add(
      (p) =>
        `(m.text ILIKE ${p} OR EXISTS (SELECT 1 FROM problem pq WHERE pq.id = m.problem_id AND pq.title ILIKE ${p}))`,
      pattern,
    );
  }
  if (filter.progress) add((p) => `${PROGRESS_SQL} = ${p}`, filter.progress);
  if (filter.claimed !== undefined) where.push(filter.claimed ? 'm.claimed_by IS NOT NULL' : 'm.claimed_by IS NULL');
  if (filter.supervised === true) where.push(`m.supervision IS NOT NULL AND ${OPEN_SQL}`);
  if (filter.supervised === false) where.push(`NOT (m.supervision IS NOT NULL AND ${OPEN_SQL})`);
  if (filter.rebound !== undefined)
    where.push(
      `${filter.rebound ? '' : 'NOT '}(${OPEN_SQL} AND EXISTS (SELECT 1 FROM audit_event ar WHERE ar.measure_id = m.id
        AND (ar.action = 'reopen' OR (ar.action = 'record_look_back' AND ar.detail->>'result' = 'rebound'))))`,
    );
  if (filter.escalated === true) where.push(`m.escalation_level > 0 AND ${OPEN_SQL}`);
  if (filter.escalated === false) where.push(`NOT (m.escalation_level > 0 AND ${OPEN_SQL})`);
  if (filter.overdue === true) where.push(`m.stage NOT IN ('closed', 'assign', 'voided') AND m.stage_due_at < now()`);
  if (filter.overdue === false)
    where.push(
      `NOT (m.stage NOT IN ('closed', 'assign', 'voided') AND coalesce(m.stage_due_at >= now(), true) = false)`,
    );
  return where.join(' AND ');
}
