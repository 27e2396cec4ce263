import { EntityManager } from 'typeorm';
import { COUNTED_SQL, PROGRESS_SQL } from './measure-filter';
import { PROBLEM_DONE_SQL } from './problem.repository';
import { BaseRepository } from './unit-of-work';

/** Problems and measures of an inspection, and how many are closed (the notice's live figures). */
export interface ProgressCounts {
  problems: number;
  measures: number;
  /** 已完成整改措施: done by the done rule (销号), not only past the look-back; the name is the notice's placeholder. */
  closedMeasures: number;
  /** 已整改销号: problems whose measures (voided ones aside) are all done. */
  closedProblems: number;
  /** 持续推进: 长期坚持 measures whose reports are on time. */
  ongoingMeasures: number;
  /** 认领: measures a leader claimed (领办). */
  claimedMeasures: number;
  /** 督办单 issued: every \`supervise\` action of the inspection, numbered or not yet. */
  supervisionNotices: number;
}

/** One measure (or a problem without measures) with its place in the heading ladder, in notice order. */
export interface NoticeSectionRow {
  section_number: string | null;
  section_title: string | null;
  category_number: string | null;
  category_title: string | null;
  group_number: string | null;
  group_title: string | null;
  problem_number: number;
  problem_title: string;
  measure_number: number | null;
  /** The measure's latest progress, else its text; null for a problem without measures. */
  text: string | null;
}

/** What the progress notice and its records read live from `problem` and `measure`. */
export class NoticeFiguresRepository extends BaseRepository {
  async progress(inspectionId: string, tx?: EntityManager): Promise<ProgressCounts> {
    const [row]: ProgressCounts[] = await this.db(tx).query(
      `SELECT (SELECT count(*) FROM problem WHERE inspection_id = $1)::int AS problems,
              (SELECT count(*) FROM measure m WHERE m.inspection_id = $1 AND ${COUNTED_SQL})::int AS measures,
              (SELECT count(*) FROM measure m WHERE m.inspection_id = $1 AND ${PROGRESS_SQL} = 'done')::int AS "closedMeasures",
              (SELECT count(*) FROM problem p WHERE p.inspection_id = $1 AND ${PROBLEM_DONE_SQL})::int AS "closedProblems",
              (SELECT count(*) FROM measure m WHERE m.inspection_id = $1 AND ${PROGRESS_SQL} = 'ongoing')::int AS "ongoingMeasures",
              (SELECT count(*) FROM measure m WHERE m.inspection_id = $1 AND ${COUNTED_SQL} AND m.claimed_by IS NOT NULL)::int AS "claimedMeasures",
              (SELECT count(*) FROM audit_event a WHERE a.inspection_id = $1 AND a.kind = 'action' AND a.action = 'supervise')::int AS "supervisionNotices"`,
      [inspectionId],
    );
    return row;
  }

  /** Every problem with its measures, by problem number then measure number. */
  sectionRows(inspectionId: string, tx?: EntityManager): Promise<NoticeSectionRow[]> {
    return this.db(tx).query(
      `SELECT p.section_number, p.section_title, p.category_number, p.category_title, p.group_number, p.group_title,
              p.number AS problem_number, p.title AS problem_title, m.number AS measure_number, coalesce(m.latest_progress, m.text) AS text
         FROM problem p LEFT JOIN measure m ON m.problem_id = p.id AND m.stage <> 'voided'
        WHERE p.inspection_id = $1 ORDER BY p.number, m.number`,
      [inspectionId],
    );
  }

  /** Of these ids, the ones that are measures of this inspection (what a record may name). */
  async measureIdsOf(inspectionId: string, ids: string[], tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.db(tx).query(
      'SELECT id FROM measure WHERE inspection_id = $1 AND id = ANY($2::uuid[])',
      [inspectionId, ids],
    );
    return rows.map((row) => row.id);
  }
}
