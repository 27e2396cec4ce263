import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DefaultLogger, LogLevel, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { WorkerConfig } from '../../../libs/platform/src';
import { MeasureProjectionActivities } from './activities/measure-projection.activities';
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

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly projection: MeasureProjectionActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runtimeInstalled) {
      try {
        const level = (process.env.TEMPORAL_LOG_LEVEL ?? 'WARN').toUpperCase() as LogLevel;
        Runtime.install({ shutdownSignals: [], logger: new DefaultLogger(level) });
      } catch {
        // Already installed by an earlier worker in this process (tests).
      }
      runtimeInstalled = true;
    }
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    const workflows = this.config.workflowBundlePath
      ? { workflowBundle: { codePath: this.config.workflowBundlePath } }
      : { workflowsPath: require.resolve('../../../workflows') };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      ...workflows,
      activities: { projectMeasureEvent: this.projection.projectMeasureEvent.bind(this.projection) },
      ...(this.config.maxCachedWorkflows !== null ? { maxCachedWorkflows: this.config.maxCachedWorkflows } : {}),
      shutdownGraceTime: '10s',
    });
    this.running = this.worker.run();
    this.running.catch((error) => this.logger.error(`worker stopped: ${error}`));
    this.logger.log(`worker polling task queue ${this.config.taskQueue} on ${this.config.temporalAddress}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
