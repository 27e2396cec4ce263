import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, repositoryProviders } from '@rectiflow/persistence';
import { WorkerConfig, workerConfig } from '@rectiflow/platform';
import { WorkingCalendarActivities } from './activities/calendar.activities';
import { MeasureProjectionActivities } from './activities/measure-projection.activities';
import { WorkerMetrics } from './metrics/worker-metrics';
import { WorkerMetricsEndpointService } from './metrics/worker-metrics-endpoint.service';
import { MailerService } from './notifications/mailer.service';
import { ReportRemindersService } from './reports/report-reminders.service';
import { TemporalWorkerService } from './temporal-worker.service';
import { WORKER_CONFIG } from './worker-config';

@Module({})
export class WorkerModule {
  static register(config: WorkerConfig = workerConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, { extra: { max: 10 } }))],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        ...repositoryProviders(),
        MeasureProjectionActivities,
        WorkingCalendarActivities,
        TemporalWorkerService,
        MailerService,
        ReportRemindersService,
        WorkerMetrics,
        WorkerMetricsEndpointService,
      ],
    };
  }
}
