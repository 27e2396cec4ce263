import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The worker's own Prometheus metrics (the Temporal SDK's are served by the SDK): every activity
 * attempt timed, and every failed attempt counted by activity and failure type. In a registry of
 * this context's own, so several workers in one process (the tests) do not collide.
 */
@Injectable()
export class WorkerMetrics {
  readonly registry = new Registry();

  private readonly failures = new Counter({
    name: 'rectiflow_activity_failures_total',
    help: 'Failed activity attempts (local activities included), by activity type and failure type',
    labelNames: ['activity', 'failure'] as const,
    registers: [this.registry],
  });

  private readonly seconds = new Histogram({
    name: 'rectiflow_activity_duration_seconds',
    help: 'Time of one activity attempt, by activity type and outcome (ok or failed)',
    labelNames: ['activity', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  constructor() {
    this.registry.setDefaultLabels({ process: 'worker' });
    collectDefaultMetrics({ register: this.registry });
  }

  /** For Worker.create's interceptors.activity: an interceptor per attempt that times it and counts its failure. */
  readonly activityInterceptors: ActivityInterceptorsFactory = (context) => ({
    inbound: {
      execute: async (input, next) => {
        const activity = context.info.activityType;
        const stop = this.seconds.startTimer({ activity });
        try {
          const result = await next(input);
          stop({ outcome: 'ok' });
          return result;
        } catch (error) {
          stop({ outcome: 'failed' });
          this.failures.inc({ activity, failure: failureType(error) });
          throw error;
        }
      },
    },
  });
}

/** An ApplicationFailure's type (PROJECTION_REJECTED…), else the error's class (QueryFailedError…). */
export function failureType(error: unknown): string {
  if (error instanceof ApplicationFailure && error.type) return error.type;
  if (error instanceof Error) return error.name || 'Error';
  return 'unknown';
}
