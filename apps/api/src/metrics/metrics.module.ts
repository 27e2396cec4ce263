import { Global, Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';
import { InspectionGauges } from './inspection-gauges';
import { MetricsEndpointService } from './metrics-endpoint.service';

/** Prometheus metrics: ApiMetrics for any feature to record into, and the endpoint that serves them. */
@Global()
@Module({
  providers: [ApiMetrics, InspectionGauges, MetricsEndpointService],
  exports: [ApiMetrics],
})
export class MetricsModule {}
