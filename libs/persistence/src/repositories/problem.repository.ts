import { EntityManager, In } from 'typeorm';
import { ProblemEntity } from '../entities';
import { COUNTED_SQL, PROGRESS_SQL } from './measure-filter';
import { BaseRepository } from './unit-of-work';
import { MeasureScope, visibleMeasureCondition } from './visibility.repository';

/** A new problem with its place in the heading ladder (一、 section / (一) category / 1. group / (1) number). */
export interface NewProblem {
  inspectionId: string;
  sectionNumber: string | null;
  sectionTitle: string | null;
  categoryNumber: string | null;
  categoryTitle: string | null;
  groupNumber: string | null;
  groupTitle: string | null;
  number: number;
  title: string;
}

/** A problem's place in the heading ladder, as the measure page shows it. */
export interface ProblemLadderRow {
  id: string;
  sectionNumber: string | null;
  sectionTitle: string | null;
  categoryNumber: string | null;
  categoryTitle: string | null;
  groupNumber: string | null;
  groupTitle: string | null;
  number: number;
  title: string;
}

/** A problem with the counts of the measures in scope; `closed` and `lastClosedAt` are over all its measures. */
export interface ProblemCountsRow extends ProblemLadderRow {
  measures: number;
  measuresClosed: number;
  /** 已完成 measures (销号) in scope. */
  measuresDone: number;
  closed: boolean;
  /** 已整改销号: every measure (voided ones aside) done. */
  done: boolean;
  lastClosedAt: Date | null;
}

/** 已整改销号 over problem alias `p`: it has counted measures and each is done (the done rule). */
export const PROBLEM_DONE_SQL = `EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND ${COUNTED_SQL})
  AND NOT EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND ${COUNTED_SQL} AND ${PROGRESS_SQL} <> 'done')`;

const LADDER_COLUMNS = `p.id, p.section_number AS "sectionNumber", p.section_title AS "sectionTitle", p.category_number AS "categoryNumber",
              p.category_title AS "categoryTitle", p.group_number AS "groupNumber", p.group_title AS "groupTitle", p.number, p.title`;

/** `problem`: the feedback problems of an inspection. */
export class ProblemRepository extends BaseRepository {
  private problems(tx?: EntityManager) {
    return this.db(tx).getRepository(ProblemEntity);
  }

  byId(id: string, tx?: EntityManager): Promise<ProblemEntity | null> {
    return this.problems(tx).findOne({ where: { id } });
  }

  async inspectionIdOf(id: string, tx?: EntityManager): Promise<string | undefined> {
    const problem = await this.problems(tx).findOne({ where: { id }, select: ['id', 'inspectionId'] });
    return problem?.inspectionId;
  }

  /** 领办 of a whole problem: its measures the person sees that are still open and unclaimed (or claimed by them), in order. */
  async claimableMeasureIds(
    problemId: string,
    viewer: MeasureScope,
    personId: string,
    tx?: EntityManager,
  ): Promise<string[]> {
    const parameters: unknown[] = [problemId, personId];
    const rows: { id: string }[] = await this.db(tx).query(
      `SELECT m.id FROM measure m
        WHERE m.problem_id = $1 AND m.stage NOT IN ('closed', 'voided') AND (m.claimed_by IS NULL OR m.claimed_by = $2)
          AND ${visibleMeasureCondition(viewer, parameters)}
        ORDER BY m.number`,
      parameters,
    );
    return rows.map((row) => row.id);
  }

  /** Of these numbers, the ones a problem of the inspection already has. */
  async numbersTaken(inspectionId: string, numbers: number[], tx?: EntityManager): Promise<number[]> {
    const rows = await this.problems(tx).find({ where: { inspectionId, number: In(numbers) }, select: ['number'] });
    return rows.map((row) => row.number);
  }

  /** Inserts the problems, returning the saved rows in the same order. */
  insertMany(problems: NewProblem[], tx?: EntityManager): Promise<ProblemEntity[]> {
    const repository = this.problems(tx);
    return repository.save(
      problems.map((problem) => repository.create(problem)),
      { chunk: 500 },
    );
  }

  async ladder(id: string, tx?: EntityManager): Promise<ProblemLadderRow | undefined> {
    const [row]: ProblemLadderRow[] = await this.db(tx).query(
      `SELECT id, section_number AS "sectionNumber", section_title AS "sectionTitle", category_number AS "categoryNumber",
              category_title AS "categoryTitle", group_number AS "groupNumber", group_title AS "groupTitle", number, title
         FROM problem WHERE id = $1`,
      [id],
    );
    return row;
  }

  /**
   * The inspection's problems by number with the counts of the measures in scope; a scope narrower
   * than 'all' lists only the problems holding one of its measures.
   */
  withCounts(inspectionId: string, scope: MeasureScope, tx?: EntityManager): Promise<ProblemCountsRow[]> {
    const parameters: unknown[] = [inspectionId];
    const visible = visibleMeasureCondition(scope, parameters);
    return this.db(tx).query(
      `SELECT ${LADDER_COLUMNS},
              count(m.id) FILTER (WHERE ${visible} AND ${COUNTED_SQL})::int AS measures,
              count(m.id) FILTER (WHERE m.stage = 'closed' AND ${visible})::int AS "measuresClosed",
              count(m.id) FILTER (WHERE ${PROGRESS_SQL} = 'done' AND ${visible})::int AS "measuresDone",
              count(m.id) FILTER (WHERE ${COUNTED_SQL}) > 0 AND coalesce(bool_and(m.stage = 'closed') FILTER (WHERE ${COUNTED_SQL}), false) AS closed,
              count(m.id) FILTER (WHERE ${COUNTED_SQL}) > 0 AND coalesce(bool_and(${PROGRESS_SQL} = 'done') FILTER (WHERE ${COUNTED_SQL}), false) AS done,
              max(m.closed_at) AS "lastClosedAt"
         FROM problem p LEFT JOIN measure m ON m.problem_id = p.id
        WHERE p.inspection_id = $1
          ${visible === 'true' ? '' : `AND EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND ${visible})`}
        GROUP BY p.id ORDER BY p.number`,
      parameters,
    );
  }

  /** The inspection's problems in scope, and how many are 已整改销号: every measure, voided ones aside, done. */
  async closedCounts(
    inspectionId: string,
    scope: MeasureScope,
    tx?: EntityManager,
  ): Promise<{ total: number; closed: number }> {
    const parameters: unknown[] = [inspectionId];
    const visible = visibleMeasureCondition(scope, parameters);
    const [row]: { total: string; closed: string }[] = await this.db(tx).query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE ${PROBLEM_DONE_SQL}) AS closed
         FROM problem p WHERE p.inspection_id = $1
          ${visible === 'true' ? '' : `AND EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND ${visible})`}`,
      parameters,
    );
    return { total: Number(row.total), closed: Number(row.closed) };
  }
}
