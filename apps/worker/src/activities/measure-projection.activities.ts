import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { appendToChain } from '../../../../libs/persistence/src';
import type { WorkerConfig } from '../../../../libs/platform/src';
import { PROJECTION_REJECTED } from '../../../../workflows/measure.contract';
import type { ProjectionActivities, ProjectionEvent } from '../../../../workflows/projection.types';
import { Audience, planNotifications } from '../notifications/notification-plan';
import { WORKER_CONFIG } from '../worker-config';

/**
 * Writes the workflow's events into PostgreSQL, in one transaction per event: the audit row
 * (appended to the inspection's hash chain), the measure's read-model row, and the notifications
 * it causes. Idempotent: the audit row is keyed by `<measure>:<seq>` and notifications by event and
 * recipient, and the measure row only moves forward (last_seq guard), so retries, replays and
 * out-of-order deliveries never duplicate or regress anything.
 */
@Injectable()
export class MeasureProjectionActivities implements ProjectionActivities {
  private readonly logger = new Logger('Projection');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /**
   * An action whose data PostgreSQL refuses (data exception or integrity violation other than a
   * duplicate key) would fail on every retry: it fails the Update at once instead, and the workflow
   * undoes it. Timer events keep retrying, since they carry no input of a person's.
   */
  async projectMeasureEvent(event: ProjectionEvent): Promise<void> {
    try {
      await this.write(event);
    } catch (error) {
      const code = error instanceof QueryFailedError ? String((error.driverError as { code?: unknown })?.code ?? '') : '';
      if (event.kind !== 'action' || !/^2[23]/.test(code) || code === '23505') throw error;
      this.logger.error(`ALERT: PostgreSQL refused ${event.action} on measure ${event.measureId} (${code}: ${(error as Error).message}); the action is refused, not retried`);
      throw ApplicationFailure.create({ type: PROJECTION_REJECTED, message: `the database refused it (${code}: ${(error as Error).message})`, nonRetryable: true });
    }
  }

  private async write(event: ProjectionEvent): Promise<void> {
    const { state } = event;
    await this.dataSource.transaction(async (manager) => {
      const detail = await this.withEvidenceHashes(manager, event);
      const updated: [unknown[], number] = await manager.query(
        `UPDATE measure SET stage = $2, round = $3, due_at = $4, stage_due_at = $5, yellow_from = $6, escalation_level = $7,
           look_back_due = $8, latest_progress = $9, pending_extension = $10, signed_off_at = $11, closed_at = $12,
           lead_department_id = $13, responsible_leader_id = $14, last_seq = $15, updated_at = now()
         WHERE id = $1 AND last_seq < $15
         RETURNING text`,
        [
          event.measureId,
          state.stage,
          state.round,
          state.dueAt,
          state.stageDueAt,
          event.yellowFrom,
          state.escalationLevel,
          state.lookBackDue,
          state.latestProgress,
          state.pendingExtension ? JSON.stringify(state.pendingExtension) : null,
          state.signedOffAt,
          state.stage === 'closed' ? state.stageEnteredAt : null,
          state.participants.leadDepartmentId,
          state.participants.responsibleLeaderId,
          event.seq,
        ],
      );
      const [moved] = updated[0] as { text: string }[];
      if (moved && event.action === 'assign') {
        await manager.query('DELETE FROM measure_cooperating_department WHERE measure_id = $1', [event.measureId]);
        if (state.participants.cooperatingDepartmentIds.length > 0) {
          await manager.query(
            `INSERT INTO measure_cooperating_department (measure_id, department_id)
             SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
            [event.measureId, state.participants.cooperatingDepartmentIds],
          );
        }
      }
      // Notifications are keyed by event and recipient, so a retried event adds none.
      await this.notify(manager, event, moved?.text);
      // Last, so the inspection's chain head stays locked only for the append and the commit:
      // every projection of one inspection queues on that lock.
      await appendToChain(manager, {
        eventKey: event.eventKey,
        measureId: event.measureId,
        inspectionId: event.inspectionId,
        seq: event.seq,
        kind: event.kind,
        action: event.action,
        actorId: event.actorId,
        idempotencyKey: event.idempotencyKey,
        fromStage: event.fromStage,
        toStage: event.toStage,
        round: event.round,
        detail,
        occurredAt: event.occurredAt,
      });
    });
  }

  /** Evidence keeps its SHA-256 in the audit chain: the ids of a submission are stored with their hashes. */
  private async withEvidenceHashes(manager: EntityManager, event: ProjectionEvent): Promise<Record<string, unknown>> {
    const ids = (event.detail as { evidenceIds?: string[] }).evidenceIds;
    if (!Array.isArray(ids) || ids.length === 0) return event.detail;
    const rows: { id: string; sha256: string }[] = await manager.query('SELECT id, sha256 FROM evidence WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]);
    return { ...event.detail, evidence: rows.map((row) => ({ id: row.id, sha256: row.sha256 })) };
  }

  /**
   * Who the audience is, as a subquery of person ids (so the inbox rows are written in one statement).
   * Parameters $1–$7 of the insert are the notification's own; the audience's start at $8.
   */
  private recipients(event: ProjectionEvent, audience: Audience): { sql: string; params: unknown[] } {
    const { participants } = event.state;
    const byRole = (role: string) => ({ sql: 'SELECT person_id FROM inspection_role WHERE inspection_id = $8 AND role = $9', params: [event.inspectionId, role] });
    switch (audience) {
      case 'department_staff':
      case 'owner':
        return { sql: 'SELECT id FROM person WHERE department_id = ANY($8::uuid[])', params: [[participants.leadDepartmentId, ...participants.cooperatingDepartmentIds]] };
      case 'submitter':
        return { sql: 'SELECT unnest($8::uuid[])', params: [event.state.lastSubmission ? [event.state.lastSubmission.by] : []] };
      case 'reviewers':
        // The inspection's reviewers; the office when it has none.
        return {
          sql: `SELECT person_id FROM inspection_role WHERE inspection_id = $8 AND role = 'reviewer'
                UNION ALL
                SELECT person_id FROM inspection_role WHERE inspection_id = $8 AND role = 'office'
                   AND NOT EXISTS (SELECT 1 FROM inspection_role WHERE inspection_id = $8 AND role = 'reviewer')`,
          params: [event.inspectionId],
        };
      case 'responsible_leader':
        return { sql: 'SELECT unnest($8::uuid[])', params: [[participants.responsibleLeaderId]] };
      case 'group_head':
        return byRole('group_head');
      case 'supervisor':
        return byRole('supervisor');
    }
  }

  /** Inbox rows, once per event and recipient (never the actor); e-mail copies are queued for the mailer when SMTP is set up. */
  private async notify(manager: EntityManager, event: ProjectionEvent, text: string | undefined): Promise<void> {
    let planned = planNotifications(event, text ?? '');
    if (planned.length === 0) return;
    // The text comes back from the read-model update; an older event arriving late did not update it.
    if (text === undefined) {
      const [row] = await manager.query('SELECT text FROM measure WHERE id = $1', [event.measureId]);
      planned = planNotifications(event, row?.text ?? '');
    }
    for (const notification of planned) {
      const audience = this.recipients(event, notification.audience);
      await manager.query(
        `INSERT INTO notification (recipient_id, inspection_id, measure_id, kind, title, body, dedupe_key, email_status)
         SELECT p.id, $1, $2, $3, $4, $5, $6 || ':' || p.id,
                CASE WHEN $7::boolean AND p.email IS NOT NULL THEN 'pending' ELSE 'none' END
           FROM person p
          WHERE p.id IN (${audience.sql}) AND p.id IS DISTINCT FROM $${8 + audience.params.length}::uuid
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          event.inspectionId,
          event.measureId,
          notification.kind,
          notification.title,
          notification.body,
          `${event.eventKey}:${notification.kind}`,
          this.config.mail.smtpUrl !== null,
          ...audience.params,
          event.actorId,
        ],
      );
    }
  }
}
