import { isIP } from 'node:net';
import { integerSetting } from './config';

/**
 * Where a process serves its Prometheus metrics: a port of its own (never the API's public port),
 * bound to loopback unless METRICS_HOST says otherwise, and then only with a bearer token.
 */
export interface MetricsEndpoint {
  port: number;
  host: string;
  /** METRICS_TOKEN: scrapes must send `Authorization: Bearer <token>`; null accepts any local scrape. */
  token: string | null;
}

export interface ApiMetricsConfig extends MetricsEndpoint {
  /** How long the per-inspection gauges (one SQL query) are reused between scrapes. */
  gaugeCacheMs: number;
}

export interface WorkerMetricsConfig {
  /** The worker's own metrics (activities, process); null when WORKER_METRICS_PORT is unset. */
  endpoint: MetricsEndpoint | null;
  /**
   * The Temporal SDK's runtime metrics (Runtime.install telemetryOptions.metrics.prometheus), always
   * on 127.0.0.1 (that server has no authentication); the worker's endpoint includes them.
   */
  sdkPort: number | null;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

export function metricsEndpoint(env: NodeJS.ProcessEnv, portVariable: string): MetricsEndpoint | null {
  const raw = env[portVariable]?.trim();
  if (!raw || raw === 'off') return null;
  const port = integerSetting(env, portVariable, 0, 0, 65_535);
  const host = env.METRICS_HOST?.trim() || '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0)
    throw new Error(`METRICS_HOST must be an IP address or localhost (got "${host}")`);
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token !== null && token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  if (!isLoopback(host) && token === null)
    throw new Error(
      `METRICS_HOST=${host} serves metrics beyond this machine: set METRICS_TOKEN (16+ characters) for the scraper`,
    );
  return { port, host, token };
}

/** METRICS_PORT (unset or "off": no metrics endpoint), METRICS_HOST, METRICS_TOKEN, METRICS_GAUGE_CACHE_MS. */
export function apiMetricsConfig(env: NodeJS.ProcessEnv = process.env): ApiMetricsConfig | null {
  const endpoint = metricsEndpoint(env, 'METRICS_PORT');
  if (!endpoint) return null;
  return { ...endpoint, gaugeCacheMs: integerSetting(env, 'METRICS_GAUGE_CACHE_MS', 10_000, 0, 600_000) };
}

/** WORKER_METRICS_PORT and WORKER_SDK_METRICS_PORT (each unset or "off": none), METRICS_HOST, METRICS_TOKEN. */
export function workerMetricsConfig(env: NodeJS.ProcessEnv = process.env): WorkerMetricsConfig {
  const sdk = env.WORKER_SDK_METRICS_PORT?.trim();
  return {
    endpoint: metricsEndpoint(env, 'WORKER_METRICS_PORT'),
    sdkPort: !sdk || sdk === 'off' ? null : integerSetting(env, 'WORKER_SDK_METRICS_PORT', 0, 1, 65_535),
  };
}
