import { DataSource } from 'typeorm';
import { AccountRepository } from './account.repository';
import { AdminAuditEventRepository } from './admin-audit-event.repository';
import { PlanChangeRepository } from './plan-change.repository';
import { PlanEditRepository } from './plan-edit.repository';
import { InboxRepository } from './inbox.repository';
import { OrganisationRepository } from './organisation.repository';
import { ThrottleBucketRepository } from './throttle-bucket.repository';
import { EvidenceRepository } from './evidence.repository';
import { ImportDraftRepository } from './import-draft.repository';
import { NoticeRepository } from './notice.repository';
import { NoticeFiguresRepository } from './notice-figures.repository';
import { PublicFeedbackRepository } from './public-feedback.repository';
import { RecordRepository } from './record.repository';
import { LedgerRepository } from './ledger.repository';
import { VisibilityRepository } from './visibility.repository';
import { InspectionRepository } from './inspection.repository';
import { ProblemRepository } from './problem.repository';
import { MeasureRepository } from './measure.repository';
import { MeasureProjectionRepository } from './measure-projection.repository';
import { MeasureReportsRepository } from './measure-reports.repository';
import { ParticipantsRepository } from './participants.repository';
import { AuditEventRepository } from './audit-event.repository';
import { NotificationRepository } from './notification.repository';
import { RequestActorRepository } from './request-actor.repository';
import { HealthRepository } from './health.repository';
import { InspectionGaugesRepository } from './inspection-gauges.repository';
import { CalendarRepository } from './calendar.repository';
import { PapersRepository } from './papers.repository';
import { ReportVersionRepository } from './report-version.repository';
import { SupervisionNoticeRepository } from './supervision-notice.repository';
import { ReportReminderRepository } from './report-reminder.repository';
import { UnitOfWork } from './unit-of-work';

/**
 * Every repository class, each constructed with the DataSource. Nest modules register them with
 * `repositoryProviders(...)` (a plain provider shape, so this library stays free of Nest).
 * A new repository adds one line here.
 */
export const REPOSITORIES = [
  UnitOfWork,
  AccountRepository,
  AdminAuditEventRepository,
  PlanChangeRepository,
  PlanEditRepository,
  InboxRepository,
  OrganisationRepository,
  ThrottleBucketRepository,
  EvidenceRepository,
  ImportDraftRepository,
  NoticeRepository,
  NoticeFiguresRepository,
  PublicFeedbackRepository,
  RecordRepository,
  LedgerRepository,
  VisibilityRepository,
  InspectionRepository,
  ProblemRepository,
  MeasureRepository,
  MeasureProjectionRepository,
  MeasureReportsRepository,
  ParticipantsRepository,
  AuditEventRepository,
  NotificationRepository,
  RequestActorRepository,
  HealthRepository,
  InspectionGaugesRepository,
  CalendarRepository,
  PapersRepository,
  ReportVersionRepository,
  SupervisionNoticeRepository,
  ReportReminderRepository,
] as const;

type RepositoryClass = new (dataSource: DataSource) => unknown;

export function repositoryProviders(classes: readonly RepositoryClass[] = REPOSITORIES) {
  return classes.map((repository) => ({
    provide: repository,
    useFactory: (dataSource: DataSource) => new repository(dataSource),
    inject: [DataSource],
  }));
}
