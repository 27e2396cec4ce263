import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProjectionActivities, ProjectionEvent } from '../../../../workflows/projection.types';

/**
 * Writes the workflow's events into PostgreSQL: one audit row per event and the measure's read-model
 * row. Idempotent: the audit row is keyed by `<measure>:<seq>`, and the measure row only moves forward
 * (last_seq guard), so retries, replays and out-of-order deliveries never duplicate or regress anything.
 */
@Injectable()
export class MeasureProjectionActivities implements ProjectionActivities {
  constructor(private readonly dataSource: DataSource) {}

  async projectMeasureEvent(event: ProjectionEvent): Promise<void> {
    const { state } = event;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO audit_event (event_key, measure_id, inspection_id, seq, kind, action, actor_id, idempotency_key, from_stage, to_stage, round, detail, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING`,
        [
          event.eventKey,
          event.measureId,
          event.inspectionId,
          event.seq,
          event.kind,
          event.action,
          event.actorId,
          event.idempotencyKey,
          event.fromStage,
          event.toStage,
          event.round,
          JSON.stringify(event.detail),
          event.occurredAt,
        ],
      );
      const updated: [unknown[], number] = await manager.query(
        `UPDATE measure SET stage = $2, round = $3, due_at = $4, stage_due_at = $5, yellow_from = $6, escalation_level = $7,
           look_back_due = $8, latest_progress = $9, pending_extension = $10, signed_off_at = $11, closed_at = $12,
           lead_department_id = $13, responsible_leader_id = $14, last_seq = $15, updated_at = now()
         WHERE id = $1 AND last_seq < $15`,
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
      const moved = updated[1] > 0;
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
    });
  }
}
