import { EntityManager } from 'typeorm';
import { PlanChangeEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

export interface NewPlanChange {
  inspectionId: string;
  problemId: string;
  measureId: string | null;
  action: 'problem.edit' | 'measure.add' | 'measure.delete';
  actorId: string;
  detail: Record<string, unknown>;
}

export interface PlanChangeRow extends NewPlanChange {
  id: string;
  actorName: string;
  occurredAt: Date;
}

/** `plan_change`: append-only; written in the transaction of the change it records. */
export class PlanChangeRepository extends BaseRepository {
  async record(change: NewPlanChange, tx?: EntityManager): Promise<void> {
    const changes = this.db(tx).getRepository(PlanChangeEntity);
    await changes.save(changes.create(change));
  }

  /** Newest first, of one inspection (optionally one problem). */
  list(inspectionId: string, problemId: string | null, limit: number, tx?: EntityManager): Promise<PlanChangeRow[]> {
    return this.db(tx).query(
      `SELECT c.id, c.inspection_id AS "inspectionId", c.problem_id AS "problemId", c.measure_id AS "measureId", c.action,
              c.actor_id AS "actorId", p.name AS "actorName", c.detail, c.occurred_at AS "occurredAt"
         FROM plan_change c JOIN person p ON p.id = c.actor_id
        WHERE c.inspection_id = $1 AND ($2::uuid IS NULL OR c.problem_id = $2)
        ORDER BY c.id DESC LIMIT $3`,
      [inspectionId, problemId, limit],
    );
  }
}
