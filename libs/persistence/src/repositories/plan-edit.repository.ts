import { EntityManager } from 'typeorm';
import type { Stage } from '@rectiflow/domain';
import { BaseRepository } from './unit-of-work';

/** A measure as its deletion needs it, read under a row lock. */
export interface LockedMeasureRow {
  id: string;
  inspectionId: string;
  problemId: string;
  number: number;
  text: string;
  stage: Stage;
  lastSeq: number;
  workflowId: string;
  evidenceCount: number;
}

/**
 * The office's edits of the plan outside a measure's workflow: a problem's title, and deleting a
 * measure its workflow never acted on (still at 交办, no event, no evidence).
 */
export class PlanEditRepository extends BaseRepository {
  /** Locks the measure's row for the rest of the transaction, so no 交办 can project onto it meanwhile. */
  async lockMeasure(id: string, tx: EntityManager): Promise<LockedMeasureRow | undefined> {
    const [row]: LockedMeasureRow[] = await tx.query(
      `SELECT m.id, m.inspection_id AS "inspectionId", m.problem_id AS "problemId", m.number, m.text, m.stage,
              m.last_seq AS "lastSeq", m.workflow_id AS "workflowId",
              (SELECT count(*) FROM evidence e WHERE e.measure_id = m.id)::int AS "evidenceCount"
         FROM measure m WHERE m.id = $1 FOR UPDATE OF m`,
      [id],
    );
    return row;
  }

  async deleteMeasure(id: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM measure_cooperating_department WHERE measure_id = $1', [id]);
    await tx.query('DELETE FROM notification WHERE measure_id = $1', [id]);
    await tx.query('DELETE FROM measure WHERE id = $1', [id]);
  }

  /** Sets a problem's title; answers the earlier one (undefined: no such problem). */
  async retitleProblem(id: string, title: string, tx: EntityManager): Promise<string | undefined> {
    // An UPDATE answers [rows, count] through TypeORM's pg driver.
    const [[row]]: [{ before: string }[], number] = await tx.query(
      `UPDATE problem p SET title = $2 FROM (SELECT id, title AS before FROM problem WHERE id = $1 FOR UPDATE) old
        WHERE p.id = old.id RETURNING old.before`,
      [id, title],
    );
    return row?.before;
  }

  /** The problem's inspection, for the office check. */
  async problemInspection(id: string, tx?: EntityManager): Promise<string | undefined> {
    const [row]: { inspectionId: string }[] = await this.db(tx).query(
      'SELECT inspection_id AS "inspectionId" FROM problem WHERE id = $1',
      [id],
    );
    return row?.inspectionId;
  }
}
