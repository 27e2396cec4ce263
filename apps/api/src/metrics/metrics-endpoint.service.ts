import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ApiConfig, MetricsServer, startMetricsServer } from '@rectiflow/platform';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { ApiMetrics } from './api-metrics';
import { InspectionGauges } from './inspection-gauges';

/** Serves ApiMetrics on METRICS_PORT (its own port, not the API's) from start-up to shutdown. */
@Injectable()
export class MetricsEndpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: MetricsServer | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly metrics: ApiMetrics,
    // Injected so the gauges are registered before the first scrape.
    readonly gauges: InspectionGauges,
  ) {}

  /** The port scrapes go to, or null when METRICS_PORT is unset. */
  get port(): number | null {
    return this.server?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const endpoint = this.config.metrics;
    if (!endpoint) return;
    this.server = await startMetricsServer({ endpoint, registry: this.metrics.registry });
    this.logger.log(
      `metrics on http://${endpoint.host}:${this.server.port}/metrics${endpoint.token ? ' (bearer token required)' : ''}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
}
