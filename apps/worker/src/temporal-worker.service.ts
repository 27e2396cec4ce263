import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { WorkerConfig } from '@rectiflow/platform';
import { WorkingCalendarActivities } from './activities/calendar.activities';
import { MeasureProjectionActivities } from './activities/measure-projection.activities';
import { WorkerMetrics } from './metrics/worker-metrics';
import { installTemporalRuntime } from './temporal-runtime';
import { WORKER_CONFIG } from './worker-config';

let runtimeInstalled = false;

/**
 * Runs the Temporal worker inside the Nest application context: started (not awaited) once the
 * context is up, drained and awaited on shutdown. Nest owns the process signals, not the SDK.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  private shuttingDown = false;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly projection: MeasureProjectionActivities,
    private readonly calendar: WorkingCalendarActivities,
    private readonly metrics: WorkerMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runtimeInstalled) {
      installTemporalRuntime(this.config);
      runtimeInstalled = true;
    }
    this.connection = await this.connect();
    const workflows = this.config.workflowBundlePath
      ? { workflowBundle: { codePath: this.config.workflowBundlePath } }
      : { workflowsPath: require.resolve('../../../workflows') };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      ...workflows,
      activities: {
        projectMeasureEvent: this.projection.projectMeasureEvent.bind(this.projection),
        workingCalendar: this.calendar.workingCalendar.bind(this.calendar),
      },
      interceptors: { activity: [this.metrics.activityInterceptors] },
      ...(this.config.maxCachedWorkflows !== null ? { maxCachedWorkflows: this.config.maxCachedWorkflows } : {}),
      shutdownGraceTime: '10s',
    });
    this.running = this.worker.run();
    this.running.catch((error) => {
      this.logger.error(`worker stopped: ${error}`);
      // A worker that stopped polling is useless: end the process so its supervisor starts a new one.
      if (this.config.exitOnFailure && !this.shuttingDown) process.exit(1);
    });
    this.logger.log(`worker polling task queue ${this.config.taskQueue} on ${this.config.temporalAddress}`);
  }

  /** Temporal may still be starting (or restarting): keep trying for a while instead of giving up at once. */
  private async connect(): Promise<NativeConnection> {
    const deadline = Date.now() + 5 * 60_000;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await NativeConnection.connect({ address: this.config.temporalAddress });
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.logger.warn(
          `Temporal at ${this.config.temporalAddress} not reachable (attempt ${attempt}): ${(error as Error).message}; retrying`,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * attempt)));
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
