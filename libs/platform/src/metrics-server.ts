/**
 * The Prometheus endpoint of a process: GET /metrics on a port of its own, apart from the public API,
 * refusing scrapes without the bearer token when one is configured.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { MetricsEndpoint } from './metrics-config';

export interface MetricsServer {
  /** The port it listens on (the configured one, or the one the system chose for port 0). */
  port: number;
  close(): Promise<void>;
}

export interface MetricsServerOptions {
  endpoint: MetricsEndpoint;
  registry: Registry;
  /** More exposition text appended to the registry's (the Temporal SDK's own endpoint); may fail. */
  extra?: () => Promise<string>;
  /** Where a failed extra source is reported. */
  warn?: (message: string) => void;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compared as digests in constant time, so neither the token nor its length leaks through timing. */
export function bearerMatches(request: Pick<IncomingMessage, 'headers'>, token: string | null): boolean {
  if (token === null) return true;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { endpoint, registry } = options;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found; metrics are at GET /metrics\n');
      return;
    }
    if (!bearerMatches(request, endpoint.token)) {
      response
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' })
        .end('a bearer token is required (METRICS_TOKEN)\n');
      return;
    }
    void exposition(options).then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(endpoint.port, endpoint.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function exposition(options: MetricsServerOptions): Promise<string> {
  const own = await options.registry.metrics();
  if (!options.extra) return own;
  const extra = await options.extra().catch((error: Error) => {
    options.warn?.(`metrics: the extra source failed: ${error.message}`);
    return '';
  });
  return extra ? `${own.trimEnd()}\n${extra}` : own;
}
