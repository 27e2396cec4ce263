import { EntityManager } from 'typeorm';
import { MeasureScope, visibleMeasureCondition } from './visibility.repository';
import { BaseRepository } from './unit-of-work';

/** A numbered 督办单 with what its paper prints. */
export interface SupervisionNoticeRow {
  id: string;
  inspection_id: string;
  measure_id: string;
  issuing_body: string;
  year: number;
  number: number;
  issued_at: Date;
  lead_department: string;
  responsible_leader: string;
  reason: string;
  issued_by: string | null;
  inspected_unit: string;
  problem_number: number;
  problem_title: string;
  measure_number: number;
  measure_text: string;
  /**
   * The reply deadline the measure's workflow set (the latest, after a send-back); null only for a
   * 督办单 of a measure created before answers were asked for, whose workflow set none.
   */
  reply_due_at: Date | null;
  status: SupervisionNoticeStatus;
  /** The latest answer (督办回复), if any. */
  answered_at: Date | null;
  answer_text: string | null;
}

/** open: awaiting the answer; answered: awaiting the supervisor; returned: sent back, awaiting a new answer; closed. */
export type SupervisionNoticeStatus = 'open' | 'answered' | 'returned' | 'closed';

const SELECT = `SELECT s.id, s.inspection_id, s.measure_id, s.issuing_body, s.year, s.number, s.issued_at,
       s.lead_department, s.responsible_leader, coalesce(a.detail->>'reason', '') AS reason, issuer.name AS issued_by,
       i.inspected_unit, p.number AS problem_number, p.title AS problem_title, m.number AS measure_number, m.text AS measure_text,
       coalesce(due.reply_due_at, CASE WHEN (m.supervision->>'issuedAt')::timestamptz = s.issued_at
                                       THEN (m.supervision->>'replyDueAt')::timestamptz END) AS reply_due_at,
       coalesce(latest.status, 'open') AS status, answer.occurred_at AS answered_at, answer.detail->>'text' AS answer_text
  FROM supervision_notice s
  JOIN audit_event a ON a.id = s.audit_event_id
  JOIN inspection i ON i.id = s.inspection_id
  JOIN measure m ON m.id = s.measure_id
  JOIN problem p ON p.id = m.problem_id
  LEFT JOIN person issuer ON issuer.id = a.actor_id
  LEFT JOIN supervision_reply_due due ON due.measure_id = s.measure_id AND due.issued_at = s.issued_at
  LEFT JOIN LATERAL (
    SELECT CASE WHEN x.action = 'answer_supervision' THEN 'answered'
                WHEN x.detail->>'decision' = 'close' THEN 'closed' ELSE 'returned' END AS status
      FROM audit_event x
     WHERE x.measure_id = s.measure_id AND x.kind = 'action' AND x.action IN ('answer_supervision', 'close_supervision')
       AND (x.detail->>'issuedAt')::timestamptz = s.issued_at
     ORDER BY x.seq DESC LIMIT 1) latest ON true
  LEFT JOIN LATERAL (
    SELECT x.occurred_at, x.detail FROM audit_event x
     WHERE x.measure_id = s.measure_id AND x.kind = 'action' AND x.action = 'answer_supervision'
       AND (x.detail->>'issuedAt')::timestamptz = s.issued_at
     ORDER BY x.seq DESC LIMIT 1) answer ON true`;

/**
 * `supervision_notice`: the numbers of the 督办单. A `supervise` audit row gets its number the first
 * time any 督办单 of its issuing body is listed — every row of that body not yet numbered, in the
 * order issued, after the highest number of its year — and keeps it for ever.
 */
export class SupervisionNoticeRepository extends BaseRepository {
  /**
   * Numbers the issuing body's 督办单 that have none yet; answers how many it numbered. One statement
   * under the body's lock (taken in its own transaction unless one is passed), so two listings at
   * once cannot hand out a number twice; the unique indexes refuse it anyway.
   */
  async numberPending(issuingBody: string, tx?: EntityManager): Promise<number> {
    const work = async (db: EntityManager) => {
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('supervision_notice:' || $1))`, [issuingBody]);
      const rows: unknown[] = await db.query(
        `WITH pending AS (
           SELECT a.id, a.inspection_id, a.measure_id, a.occurred_at,
                  extract(year FROM (a.occurred_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS year
             FROM audit_event a JOIN inspection i ON i.id = a.inspection_id
            WHERE i.inspecting_body = $1 AND a.kind = 'action' AND a.action = 'supervise'
              AND NOT EXISTS (SELECT 1 FROM supervision_notice s WHERE s.audit_event_id = a.id))
         INSERT INTO supervision_notice (audit_event_id, inspection_id, measure_id, issuing_body, year, number, issued_at, lead_department, responsible_leader)
         SELECT pending.id, pending.inspection_id, pending.measure_id, $1, pending.year,
                coalesce((SELECT max(s.number) FROM supervision_notice s WHERE s.issuing_body = $1 AND s.year = pending.year), 0)
                  + row_number() OVER (PARTITION BY pending.year ORDER BY pending.occurred_at, pending.id),
                pending.occurred_at, lead.name, leader.name
           FROM pending JOIN measure m ON m.id = pending.measure_id
           JOIN department lead ON lead.id = m.lead_department_id
           JOIN person leader ON leader.id = m.responsible_leader_id
         ON CONFLICT (audit_event_id) DO NOTHING
         RETURNING id`,
        [issuingBody],
      );
      return rows.length;
    };
    return tx ? work(tx) : this.dataSource.transaction(work);
  }

  /** The inspection's 督办单 whose measures the scope covers, in the order issued. */
  ofInspection(inspectionId: string, scope: MeasureScope, tx?: EntityManager): Promise<SupervisionNoticeRow[]> {
    const parameters: unknown[] = [inspectionId];
    const visible = visibleMeasureCondition(scope, parameters);
    return this.db(tx).query(
      `${SELECT} WHERE s.inspection_id = $1 AND ${visible} ORDER BY s.issued_at, s.audit_event_id`,
      parameters,
    );
  }

  async byId(id: string, tx?: EntityManager): Promise<SupervisionNoticeRow | null> {
    const [row]: SupervisionNoticeRow[] = await this.db(tx).query(`${SELECT} WHERE s.id = $1`, [id]);
    return row ?? null;
  }
}
