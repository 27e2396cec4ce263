import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions, repositoryProviders, ThrottleBucketRepository, UnitOfWork } from '../../../libs/persistence/src';
import { ApiConfig, apiConfig } from '../../../libs/platform/src';
import { JwtModule } from '@nestjs/jwt';
import { AccountsController } from './admin/accounts.controller';
import { AccountsService } from './admin/accounts.service';
import { AdminController } from './admin/admin.controller';
import { AuthController } from './auth/auth.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { InboxService } from './notifications/inbox.service';
import { WorkbenchController } from './workbench/workbench.controller';
import { WorkbenchService } from './workbench/workbench.service';
import { AuthService } from './auth/auth.service';
import { SignInLockout } from './auth/lockout';
import { AuthGuard } from './common/actor';
import { Visibility } from './common/visibility';
import { ParticipantsCheck } from './measures/participants-check';
import { HttpErrorFilter } from './common/domain-error';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceService } from './evidence/evidence.service';
import { EvidenceStorage } from './evidence/evidence.storage';
import { HealthController } from './health.controller';
import { InspectionAccess } from './common/inspection-access';
import { DocumentImportService } from './imports/document-import.service';
import { ImportsController } from './imports/imports.controller';
import { LedgerExportService } from './imports/ledger-export.service';
import { LedgerImportService } from './imports/ledger-import.service';
import { NoticesController, PublicNoticesController } from './notices/notices.controller';
import { NoticesService } from './notices/notices.service';
import { NoticeFiguresService } from './notices/notice-figures.service';
import { NoticePublishingService } from './notices/notice-publishing.service';
import { NoticeRecordsService } from './notices/notice-records.service';
import { PublicFeedbackService } from './notices/public-feedback.service';
import { InspectionsController } from './inspections/inspections.controller';
import { InspectionsService } from './inspections/inspections.service';
import { MeasureActionsService } from './measures/measure-actions.service';
import { MeasureWorkflowsService } from './measures/measure-workflows.service';
import { MeasuresController } from './measures/measures.controller';
import { MeasuresService } from './measures/measures.service';
import { OrganisationController } from './organisation/organisation.controller';
import { OrganisationService } from './organisation/organisation.service';
import { ProblemsController } from './problems/problems.controller';
import { ProblemsService } from './problems/problems.service';
import { API_CONFIG, TemporalClientService } from './temporal/temporal-client.service';
import { PostgresThrottlerStorage } from './throttling/postgres-throttler.storage';

@Module({})
export class AppModule {
  static register(config: ApiConfig = apiConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // PEM public key on every request, which cost about a tenth of the API's CPU under load.
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.auth.jwtSecret)), signOptions: { algorithm: 'HS256' } }),
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            throttlers: [
              { name: 'sign-in', ttl: 60_000, limit: config.auth.signInPerMinute },
              { name: 'feedback', ttl: 10 * 60_000, limit: config.auth.feedbackPerTenMinutes },
            ],
            // No X-RateLimit-*-<name> or Retry-After-<name> headers: RequestThrottle sends the standard
            // Retry-After (seconds) with a refusal that names the limit's real window.
            setHeaders: false,
            // In PostgreSQL, so N API replicas share one allowance instead of giving N times it.
            storage: new PostgresThrottlerStorage(new ThrottleBucketRepository(dataSource), new UnitOfWork(dataSource)),
          }),
        }),
        MulterModule.register({ limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 10 } }),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: process.env.LOG_LEVEL ?? 'info',
            autoLogging: process.env.LOG_REQUESTS !== 'false',
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
      ],
      controllers: [HealthController, AuthController, OrganisationController, InspectionsController, ProblemsController, MeasuresController, EvidenceController, ImportsController, NoticesController, PublicNoticesController, NotificationsController, AdminController, AccountsController, WorkbenchController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        ...repositoryProviders(),
        TemporalClientService,
        OrganisationService,
        InspectionsService,
        ProblemsService,
        MeasuresService,
        MeasureWorkflowsService,
        MeasureActionsService,
        EvidenceService,
        EvidenceStorage,
        InspectionAccess,
        AuthService,
        SignInLockout,
        AccountsService,
        Visibility,
        ParticipantsCheck,
        DocumentImportService,
        LedgerImportService,
        LedgerExportService,
        NoticesService,
        NoticeRecordsService,
        NoticeFiguresService,
        NoticePublishingService,
        PublicFeedbackService,
        WorkbenchService,
        InboxService,
      ],
    };
  }
}
