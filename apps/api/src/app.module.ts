import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ThrottleBucketRepository, UnitOfWork } from '@rectiflow/persistence';
import { ApiConfig, apiConfig } from '@rectiflow/platform';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { AuthGuard } from './common/actor';
import { HttpErrorFilter } from './common/domain-error';
import { CoreModule } from './core.module';
import { EvidenceModule } from './evidence/evidence.module';
import { HealthModule } from './health.module';
import { httpLogging } from './http-logging';
import { ImportsModule } from './imports/imports.module';
import { InspectionsModule } from './inspections/inspections.module';
import { MeasuresModule } from './measures/measures.module';
import { MetricsModule } from './metrics/metrics.module';
import { NoticesModule } from './notices/notices.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PapersModule } from './papers/papers.module';
import { ProblemsModule } from './problems/problems.module';
import { PostgresThrottlerStorage } from './throttling/postgres-throttler.storage';
import { WorkbenchModule } from './workbench/workbench.module';

const FEATURES = [
  HealthModule,
  AuthModule,
  AdminModule,
  OrganisationModule,
  InspectionsModule,
  ProblemsModule,
  MeasuresModule,
  EvidenceModule,
  ImportsModule,
  NoticesModule,
  PapersModule,
  NotificationsModule,
  WorkbenchModule,
  CalendarModule,
];

/** Composes the features over the shared infrastructure (database, tokens, throttles, uploads, logs). */
@Module({})
export class AppModule {
  static register(config: ApiConfig = apiConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        CoreModule.register(config),
        // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // PEM public key on every request, which cost about a tenth of the API's CPU under load.
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
          signOptions: { algorithm: 'HS256' },
        }),
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
        // Global, so the upload interceptors of the evidence and import features get the size limit.
        {
          ...MulterModule.register({ limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 10 } }),
          global: true,
        },
        LoggerModule.forRoot(httpLogging()),
        MetricsModule,
        ...FEATURES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
