import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MetricsServer, startMetricsServer, WorkerConfig } from '@rectiflow/platform';
import { WORKER_CONFIG } from '../worker-config';
import { WorkerMetrics } from './worker-metrics';

/**
 * Serves the worker's metrics on WORKER_METRICS_PORT, followed by the Temporal SDK's (read from its own
 * endpoint on 127.0.0.1:WORKER_SDK_METRICS_PORT), so one authenticated scrape gets both.
 */
@Injectable()
export class WorkerMetricsEndpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: MetricsServer | null = null;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly metrics: WorkerMetrics,
  ) {}

  /** The port scrapes go to, or null when WORKER_METRICS_PORT is unset. */
  get port(): number | null {
    return this.server?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const endpoint = this.config.metrics?.endpoint;
    if (!endpoint) return;
    const sdkPort = this.config.metrics?.sdkPort ?? null;
    this.server = await startMetricsServer({
      endpoint,
      registry: this.metrics.registry,
      extra: sdkPort === null ? undefined : () => sdkMetrics(sdkPort),
      warn: (message) => this.logger.warn(message),
    });
    this.logger.log(
      `metrics on http://${endpoint.host}:${this.server.port}/metrics${endpoint.token ? ' (bearer token required)' : ''}` +
        (sdkPort === null ? '' : `, with the Temporal SDK's from 127.0.0.1:${sdkPort}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
}

async function sdkMetrics(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) throw new Error(`the Temporal SDK's metrics answered ${response.status}`);
  return response.text();
}
