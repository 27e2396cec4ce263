import { EntityManager } from 'typeorm';
import { AdminAuditEventEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** One administrator's account action to record (account.disable, account.enable, account.reset_password). */
export interface NewAdminAuditEvent {
  action: string;
  actorId: string;
  subjectId: string;
  clientAddress: string | null;
  detail: Record<string, unknown>;
}

/** A recorded account action with the names of who acted and on whom. */
export interface AdminAuditEventRow {
  id: string;
  action: string;
  actorId: string;
  actorName: string;
  subjectId: string;
  subjectName: string;
  clientAddress: string | null;
  detail: Record<string, unknown>;
  occurredAt: Date;
}

/** `admin_audit_event`: append-only; written in the transaction of the change it records. */
export class AdminAuditEventRepository extends BaseRepository {
  async record(event: NewAdminAuditEvent, tx?: EntityManager): Promise<void> {
    const events = this.db(tx).getRepository(AdminAuditEventEntity);
    await events.save(events.create(event));
  }

  /** Newest first, optionally of one subject. */
  list(subjectId: string | undefined, limit: number, tx?: EntityManager): Promise<AdminAuditEventRow[]> {
    return this.db(tx).query(
      `SELECT e.id, e.action, e.actor_id AS "actorId", actor.name AS "actorName", e.subject_id AS "subjectId", subject.name AS "subjectName",
              e.client_address AS "clientAddress", e.detail, e.occurred_at AS "occurredAt"
         FROM admin_audit_event e JOIN person actor ON actor.id = e.actor_id JOIN person subject ON subject.id = e.subject_id
        WHERE $1::uuid IS NULL OR e.subject_id = $1 ORDER BY e.id DESC LIMIT $2`,
      [subjectId ?? null, limit],
    );
  }
}
