import { EntityManager, In } from 'typeorm';
import type { Colour, MeasureKind, Progress, Stage } from '@rectiflow/domain';
import { PersonEntity } from '../entities';
import { COLOUR_SQL, MeasureFilter, measureFilterCondition, PROGRESS_SQL } from './measure-filter';
import type { Viewer } from './visibility.repository';
import { BaseRepository } from './unit-of-work';

/** One measure of the live ledger with its problem's place in the heading ladder and its names (the export). */
export interface LedgerExportRow {
  section_number: string | null;
  section_title: string | null;
  category_number: string | null;
  category_title: string | null;
  group_number: string | null;
  group_title: string | null;
  problem_number: number;
  problem: string;
  measure_number: number;
  measure: string;
  kind: MeasureKind;
  leader: string;
  lead_department: string;
  /** Cooperating departments' names joined by 、 ('' when none). */
  cooperating: string;
  due_at: Date;
  /** 原定时限: the deadline set at 交办 (null before 交办, or handed out before it was kept). */
  original_due_at: Date | null;
  stage: Stage;
  /** 完成情况 by the done rule (PROGRESS_SQL, as the ledger's filter); null for a voided measure. */
  progress: Progress | null;
  colour: Colour;
  round: number;
  stage_due_at: Date | null;
  evidence_count: number;
  latest_progress: string | null;
  signed_off_at: Date | null;
  closed_at: Date | null;
}

/** A problem of the inspection as a re-imported ledger matches it (by number). */
export interface LedgerProblemRow {
  id: string;
  number: number;
  title: string;
}

/** A measure of the inspection as a re-imported ledger matches it (by problem and measure number). */
export interface LedgerMeasureRow {
  id: string;
  problem_number: number;
  number: number;
  text: string;
  kind: MeasureKind;
  stage: Stage;
  /** Lead department id. */
  lead: string;
  /** Responsible leader id. */
  leader: string;
  /** Cooperating department ids. */
  cooperating: string[];
  due_at: Date;
}

/** What the Excel ledger (台账) reads from `problem`, `measure` and their names, and the re-import's text updates. */
export class LedgerRepository extends BaseRepository {
  /** Every measure of the inspection, by problem number then measure number. */
  /**
   * The export's rows: every measure of the inspection, or with a filter and its viewer only those
   * the ledger on screen shows (the same WHERE clause as the list), in the template's order.
   */
  exportRows(
    inspectionId: string,
    narrowed?: { filter: MeasureFilter; viewer: Viewer },
    tx?: EntityManager,
  ): Promise<LedgerExportRow[]> {
    const parameters: unknown[] = [inspectionId];
    const condition = narrowed
      ? ` AND ${measureFilterCondition({ ...narrowed.filter, inspectionId }, narrowed.viewer, parameters)}`
      : '';
    return this.db(tx).query(
      `SELECT p.section_number, p.section_title, p.category_number, p.category_title, p.group_number, p.group_title,
              p.number AS problem_number, p.title AS problem, m.number AS measure_number, m.text AS measure, m.kind,
              leader.name AS leader, lead.name AS lead_department,
              coalesce((SELECT string_agg(d.name, '、' ORDER BY d.name) FROM measure_cooperating_department c JOIN department d ON d.id = c.department_id WHERE c.measure_id = m.id), '') AS cooperating,
              m.due_at, m.original_due_at, m.stage, ${PROGRESS_SQL} AS progress, ${COLOUR_SQL} AS colour, m.round, m.stage_due_at,
              (SELECT count(*)::int FROM evidence e WHERE e.measure_id = m.id AND e.withdrawn_at IS NULL) AS evidence_count,
              m.latest_progress, m.signed_off_at, m.closed_at
         FROM measure m JOIN problem p ON p.id = m.problem_id
         JOIN department lead ON lead.id = m.lead_department_id
         JOIN person leader ON leader.id = m.responsible_leader_id
        WHERE m.inspection_id = $1${condition}
        ORDER BY p.number, m.number`,
      parameters,
    );
  }

  problems(inspectionId: string, tx?: EntityManager): Promise<LedgerProblemRow[]> {
    return this.db(tx).query('SELECT id, number, title FROM problem WHERE inspection_id = $1', [inspectionId]);
  }

  measures(inspectionId: string, tx?: EntityManager): Promise<LedgerMeasureRow[]> {
    return this.db(tx).query(
      `SELECT m.id, p.number AS problem_number, m.number, m.text, m.kind, m.stage, m.lead_department_id AS lead, m.responsible_leader_id AS leader, m.due_at,
              ARRAY(SELECT c.department_id FROM measure_cooperating_department c WHERE c.measure_id = m.id) AS cooperating
         FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.inspection_id = $1`,
      [inspectionId],
    );
  }

  /** The people with these names, oldest first (a ledger names a leader; the first of two namesakes is taken). */
  peopleNamed(names: string[], tx?: EntityManager): Promise<PersonEntity[]> {
    return this.db(tx)
      .getRepository(PersonEntity)
      .find({ where: { name: In(names) }, order: { createdAt: 'ASC' } });
  }
}
