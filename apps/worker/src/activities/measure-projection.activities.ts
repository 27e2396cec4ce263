import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import {
  AuditEventRepository,
  EvidenceRepository,
  MeasureProjectionRepository,
  NotificationRepository,
  Recipients,
  UnitOfWork,
} from '@rectiflow/persistence';
import { missingContributions, type Participants } from '@rectiflow/domain';
import type { WorkerConfig } from '@rectiflow/platform';
import { PROJECTION_REJECTED } from '@rectiflow/workflows/measure.contract';
import type { ProjectionActivities, ProjectionEvent } from '@rectiflow/workflows/projection.types';
import { Audience, planNotifications } from '../notifications/notification-plan';
import { WORKER_CONFIG } from '../worker-config';

/**
 * Writes the workflow's events into PostgreSQL, in one transaction per event: the audit row
 * (appended to the inspection's hash chain), the measure's read-model row, and the notifications
 * it causes. Idempotent: the audit row is keyed by `<measure>:<seq>` and notifications by event and
 * recipient, and the measure row only moves forward (last_seq guard), so retries, replays and
 * out-of-order deliveries never duplicate or regress anything.
 */
/** Who held the measure before a 调整责任 and holds it no more. */
function released(event: ProjectionEvent, audience: 'departments_released' | 'people_released'): Recipients {
  const previous = (event.detail as { previous?: Participants }).previous;
  const now = event.state.participants;
  if (!previous) return { kind: 'people', personIds: [] };
  if (audience === 'departments_released') {
    const current = new Set([now.leadDepartmentId, ...now.cooperatingDepartmentIds]);
    return {
      kind: 'departments',
      departmentIds: [previous.leadDepartmentId, ...previous.cooperatingDepartmentIds].filter((id) => !current.has(id)),
    };
  }
  const current = new Set([now.responsibleLeaderId, now.assigneeId, ...(now.coLeaderIds ?? [])]);
  const before = [previous.responsibleLeaderId, previous.assigneeId, ...(previous.coLeaderIds ?? [])];
  return { kind: 'people', personIds: before.filter((id): id is string => !!id && !current.has(id)) };
}

@Injectable()
export class MeasureProjectionActivities implements ProjectionActivities {
  private readonly logger = new Logger('Projection');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly measures: MeasureProjectionRepository,
    private readonly evidence: EvidenceRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditEventRepository,
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
      const code =
        error instanceof QueryFailedError ? String((error.driverError as { code?: unknown })?.code ?? '') : '';
      if (event.kind !== 'action' || !/^2[23]/.test(code) || code === '23505') throw error;
      this.logger.error(
        `ALERT: PostgreSQL refused ${event.action} on measure ${event.measureId} (${code}: ${(error as Error).message}); the action is refused, not retried`,
      );
      throw ApplicationFailure.create({
        type: PROJECTION_REJECTED,
        message: `the database refused it (${code}: ${(error as Error).message})`,
        nonRetryable: true,
      });
    }
  }

  private async write(event: ProjectionEvent): Promise<void> {
    const { state } = event;
    await this.unitOfWork.run(async (tx) => {
      let detail = await this.withEvidenceHashes(tx, event);
      // 修改措施: the wording it replaces is kept in the audit row (the workflow does not hold the text).
      const previousText =
        event.action === 'edit_text' ? await this.measures.textOf(event.measureId, tx, { lock: true }) : undefined;
      const text = await this.measures.project(
        {
          measureId: event.measureId,
          seq: event.seq,
          // Every state carries its kind, also in histories from before 调整时限 could change it.
          kind: state.kind ?? null,
          stage: state.stage,
          round: state.round,
          dueAt: state.dueAt,
          stageDueAt: state.stageDueAt,
          yellowFrom: event.yellowFrom,
          escalationLevel: state.escalationLevel,
          lookBackDue: state.lookBackDue,
          latestProgress: state.latestProgress,
          pendingExtension: state.pendingExtension,
          signedOffAt: state.signedOffAt,
          closedAt: state.stage === 'closed' ? state.stageEnteredAt : null,
          leadDepartmentId: state.participants.leadDepartmentId,
          responsibleLeaderId: state.participants.responsibleLeaderId,
          coLeaderIds: state.participants.coLeaderIds ?? [],
          assigneeId: state.participants.assigneeId ?? null,
          instructions: state.instructions ?? null,
          originalDueAt: state.originalDueAt ?? null,
          text: event.action === 'edit_text' ? String((event.detail as { text?: unknown }).text) : null,
          claimedBy: state.claimedBy ?? null,
          claimedAt: state.claimedAt ?? null,
          contributions: (state.contributions ?? []).filter((item) => item.round === state.round),
          supervision: state.supervision ?? null,
        },
        tx,
      );
      // Only when this event moved the row: a late or repeated one read the text after it.
      if (text !== undefined && previousText !== undefined) detail = { ...detail, previousText };
      if (text !== undefined && (event.action === 'assign' || event.action === 'reassign')) {
        await this.measures.replaceCooperatingDepartments(
          event.measureId,
          state.participants.cooperatingDepartmentIds,
          tx,
        );
      }
      // Notifications are keyed by event and recipient, so a retried event adds none.
      await this.notify(tx, event, text);
      // Last, so the inspection's chain head stays locked only for the append and the commit:
      // every projection of one inspection queues on that lock.
      await this.audit.append(
        {
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
        },
        tx,
      );
    });
  }

  /** Evidence keeps its SHA-256 in the audit chain: the ids of a submission are stored with their hashes. */
  private async withEvidenceHashes(tx: EntityManager, event: ProjectionEvent): Promise<Record<string, unknown>> {
    const ids = (event.detail as { evidenceIds?: string[] }).evidenceIds;
    if (!Array.isArray(ids) || ids.length === 0) return event.detail;
    const rows = await this.evidence.hashes(ids, tx);
    return { ...event.detail, evidence: rows.map((row) => ({ id: row.id, sha256: row.sha256 })) };
  }

  /** Who the audience is, as people the notification insert resolves in its one statement. */
  private recipients(event: ProjectionEvent, audience: Audience): Recipients {
    const { participants } = event.state;
    switch (audience) {
      case 'department_staff':
      case 'owner':
        return {
          kind: 'departments',
          departmentIds: [participants.leadDepartmentId, ...participants.cooperatingDepartmentIds],
        };
      case 'submitter':
        return { kind: 'people', personIds: event.state.lastSubmission ? [event.state.lastSubmission.by] : [] };
      case 'reviewers':
        // The inspection's reviewers; the office when it has none.
        return { kind: 'reviewers', inspectionId: event.inspectionId };
      case 'responsible_leader':
        return { kind: 'people', personIds: [participants.responsibleLeaderId] };
      case 'group_head':
        return { kind: 'role', inspectionId: event.inspectionId, role: 'group_head' };
      case 'supervisor':
        return { kind: 'role', inspectionId: event.inspectionId, role: 'supervisor' };
      case 'named_people':
        return {
          kind: 'people',
          personIds: [...(participants.coLeaderIds ?? []), participants.assigneeId].filter((id): id is string => !!id),
        };
      case 'departments_released':
      case 'people_released':
        return released(event, audience);
      case 'lead_department':
        return { kind: 'departments', departmentIds: [participants.leadDepartmentId] };
      case 'cooperating_missing':
        return { kind: 'departments', departmentIds: missingContributions(event.state) };
    }
  }

  /** Inbox rows, once per event and recipient (never the actor); e-mail copies are queued for the mailer when SMTP is set up. */
  private async notify(tx: EntityManager, event: ProjectionEvent, text: string | undefined): Promise<void> {
    let planned = planNotifications(event, text ?? '');
    if (planned.length === 0) return;
    // The text comes back from the read-model update; an older event arriving late did not update it.
    if (text === undefined) planned = planNotifications(event, (await this.measures.textOf(event.measureId, tx)) ?? '');
    for (const notification of planned) {
      await this.notifications.notify(
        {
          inspectionId: event.inspectionId,
          measureId: event.measureId,
          kind: notification.kind,
          title: notification.title,
          body: notification.body,
          dedupeKey: `${event.eventKey}:${notification.kind}`,
          emailCopy: this.config.mail.smtpUrl !== null,
          exceptPersonId: event.actorId,
        },
        this.recipients(event, notification.audience),
        tx,
      );
    }
  }
}
