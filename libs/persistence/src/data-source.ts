import { DataSource, DataSourceOptions } from 'typeorm';
import { integerSetting } from '@rectiflow/platform/config';
import {
  AccountEntity,
  AdminAuditEventEntity,
  PlanChangeEntity,
  AuditChainHeadEntity,
  AuditEventEntity,
  NotificationEntity,
  RefreshTokenEntity,
  DepartmentEntity,
  EvidenceEntity,
  ImportDraftEntity,
  InspectionEntity,
  InspectionRoleEntity,
  MeasureCooperatingDepartmentEntity,
  MeasureEntity,
  NoticeEntity,
  PersonEntity,
  ProblemEntity,
  PublicFeedbackEntity,
  RectificationRecordEntity,
  ThrottleBucketEntity,
  ReportDraftEntity,
  ReportVersionEntity,
  SupervisionNoticeEntity,
  SupervisionReplyDueEntity,
  CalendarDayEntity,
  CalendarChangeEntity,
  CalendarYearEntity,
  NoticeVersionEntity,
  NotificationSettingEntity,
} from './entities';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  InspectionEntity,
  DepartmentEntity,
  PersonEntity,
  InspectionRoleEntity,
  ProblemEntity,
  MeasureEntity,
  MeasureCooperatingDepartmentEntity,
  AuditEventEntity,
  EvidenceEntity,
  ImportDraftEntity,
  RectificationRecordEntity,
  NoticeEntity,
  PublicFeedbackEntity,
  AccountEntity,
  RefreshTokenEntity,
  NotificationEntity,
  AuditChainHeadEntity,
  ThrottleBucketEntity,
  AdminAuditEventEntity,
  PlanChangeEntity,
  ReportDraftEntity,
  ReportVersionEntity,
  SupervisionNoticeEntity,
  SupervisionReplyDueEntity,
  CalendarDayEntity,
  CalendarChangeEntity,
  CalendarYearEntity,
  NoticeVersionEntity,
  NotificationSettingEntity,
];

/** One place that says how we talk to PostgreSQL; synchronize stays off, the schema comes from migrations. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: integerSetting(process.env, 'DATABASE_POOL_SIZE', 10, 1, 1000) },
    ...overrides,
  } as DataSourceOptions;
}

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
