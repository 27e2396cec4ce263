import { EntityManager } from 'typeorm';
import type { Contribution, ExtensionRequest, MeasureKind, Stage, SupervisionNotice } from '@rectiflow/domain';
import { BaseRepository } from './unit-of-work';

/** The read-model values one workflow event leaves on its measure (the projection writes them). */
export interface MeasureProjection {
  measureId: string;
  /** The event's sequence number: the row only moves forward (an older event changes nothing). */
  seq: number;
  /** 措施类型 (调整时限 may change it); null keeps what the row has. */
  kind: MeasureKind | null;
  stage: Stage;
  round: number;
  dueAt: string;
  stageDueAt: string | null;
  yellowFrom: string | null;
  escalationLevel: number;
  lookBackDue: boolean;
  latestProgress: string | null;
  pendingExtension: ExtensionRequest | null;
  signedOffAt: string | null;
  closedAt: string | null;
  leadDepartmentId: string;
  responsibleLeaderId: string;
  coLeaderIds: string[];
  assigneeId: string | null;
  instructions: string | null;
  /** The deadline set at 交办 (null: not known to the workflow, the column keeps what it had). */
  originalDueAt: string | null;
  /** The measure's new wording (修改措施), or null to keep it. */
  text: string | null;
  claimedBy: string | null;
  claimedAt: string | null;
  contributions: Contribution[];
  supervision: SupervisionNotice | null;
}

/** What the worker's projection writes to `measure` and `measure_cooperating_department` (the hot path). */
export class MeasureProjectionRepository extends BaseRepository {
  /**
   * Moves the row to the event's state unless a later event is already there (last_seq guard).
   * Returns the measure's text when the row moved, undefined when it did not.
   */
  async project(values: MeasureProjection, tx?: EntityManager): Promise<string | undefined> {
    // The open 督办单's reply deadline is kept beside the row (same statement, no extra round trip),
    // keyed by its issue: the measure row forgets it once the notice is closed, the paper must not.
    const updated: [{ text: string }[], number] = await this.db(tx).query(
      `WITH reply_due AS (
         INSERT INTO supervision_reply_due (measure_id, issued_at, reply_due_at, seq)
         SELECT $1, ($25::jsonb->>'issuedAt')::timestamptz, ($25::jsonb->>'replyDueAt')::timestamptz, $15
          WHERE $25::jsonb ? 'replyDueAt'
         ON CONFLICT (measure_id, issued_at) DO UPDATE SET reply_due_at = EXCLUDED.reply_due_at, seq = EXCLUDED.seq
          WHERE supervision_reply_due.seq < EXCLUDED.seq)
       UPDATE measure SET stage = $2, round = $3, due_at = $4, stage_due_at = $5, yellow_from = $6, escalation_level = $7,
         look_back_due = $8, latest_progress = $9, pending_extension = $10, signed_off_at = $11, closed_at = $12,
         lead_department_id = $13, responsible_leader_id = $14, last_seq = $15, co_leader_ids = $16, assignee_id = $17,
         instructions = $18, original_due_at = coalesce($19, original_due_at), text = coalesce($20, text),
         due_on_assign = due_on_assign AND $21, claimed_by = $22, claimed_at = $23, contributions = $24,
         supervision = $25, kind = coalesce($26, kind),
         updated_at = now()
       WHERE id = $1 AND last_seq < $15
       RETURNING text`,
      [
        values.measureId,
        values.stage,
        values.round,
        values.dueAt,
        values.stageDueAt,
        values.yellowFrom,
        values.escalationLevel,
        values.lookBackDue,
        values.latestProgress,
        values.pendingExtension ? JSON.stringify(values.pendingExtension) : null,
        values.signedOffAt,
        values.closedAt,
        values.leadDepartmentId,
        values.responsibleLeaderId,
        values.seq,
        values.coLeaderIds,
        values.assigneeId,
        values.instructions,
        values.originalDueAt,
        values.text,
        // The deadline stays provisional only while the measure waits for 交办.
        values.stage === 'assign',
        values.claimedBy,
        values.claimedAt,
        JSON.stringify(values.contributions),
        values.supervision ? JSON.stringify(values.supervision) : null,
        values.kind,
      ],
    );
    return updated[0][0]?.text;
  }

  /** Replaces the measure's cooperating departments (交办 and 调整责任 may name new ones). */
  async replaceCooperatingDepartments(measureId: string, departmentIds: string[], tx?: EntityManager): Promise<void> {
    await this.db(tx).query('DELETE FROM measure_cooperating_department WHERE measure_id = $1', [measureId]);
    if (departmentIds.length > 0) {
      await this.db(tx).query(
        `INSERT INTO measure_cooperating_department (measure_id, department_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [measureId, departmentIds],
      );
    }
  }

  /** The measure's text; `lock` holds the row for the transaction (the text an update replaces). */
  async textOf(id: string, tx?: EntityManager, options: { lock?: boolean } = {}): Promise<string | undefined> {
    const [row]: { text: string }[] = await this.db(tx).query(
      `SELECT text FROM measure WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row?.text;
  }
}
