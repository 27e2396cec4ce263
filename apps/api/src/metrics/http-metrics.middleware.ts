import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from './api-metrics';

/**
 * Counts and times every request by its route pattern (`/api/measures/:id/actions/:action`), never its
 * raw URL, so ids do not each make a series. Unmatched API paths share one label, and so do the
 * workbench's files.
 */
export function httpMetricsMiddleware(metrics: ApiMetrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(request.method, routeOf(request), response.statusCode, seconds);
    });
    next();
  };
}

export function routeOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${request.baseUrl}${pattern}`;
  return request.originalUrl.startsWith('/api') ? 'unmatched' : 'workbench';
}
