import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds: from a quick read (5 ms) to a slow Update under load (10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How an action's Workflow Update ended: applied, refused by the validator (a 4xx), or not delivered. */
export type UpdateOutcome = 'ok' | 'refused' | 'error';

/**
 * The API's Prometheus metrics, in a registry of this application's own (not prom-client's global
 * one, so two applications in one process, as in the tests, do not collide).
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'rectiflow_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly requestSeconds = new Histogram({
    name: 'rectiflow_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly updateSeconds = new Histogram({
    name: 'rectiflow_update_duration_seconds',
    help: "Time of a measure action's Workflow Update (executeUpdate, from sending to the result), by action and outcome",
    labelNames: ['action', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    this.registry.setDefaultLabels({ process: 'api' });
    collectDefaultMetrics({ register: this.registry });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.requestSeconds.observe(labels, seconds);
  }

  /** Starts timing one action's Update; call the result once with how it ended. */
  timeUpdate(action: string): (outcome: UpdateOutcome) => void {
    const stop = this.updateSeconds.startTimer({ action });
    return (outcome) => void stop({ outcome });
  }
}
