import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { createLogger } from '@rectiflow/platform';

interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
}

const urlOf = (request: IncomingMessage) =>
  (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url;

/**
 * nestjs-pino's settings: one pino logger for the API's own lines and one line per answered request
 * (LOG_REQUESTS=false: none) with method, URL, status and time — no headers at all, so no token or
 * cookie, and no bodies, so no password; 4xx at warn, 5xx at error.
 */
export function httpLogging(env: NodeJS.ProcessEnv = process.env): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      logger: createLogger({ name: 'api', env }),
      autoLogging: env.LOG_REQUESTS !== 'false',
      customSuccessMessage: (request, response, milliseconds) =>
        `${request.method} ${urlOf(request)} ${response.statusCode} ${Math.round(milliseconds)} ms`,
      customErrorMessage: (request, response, error) =>
        `${request.method} ${urlOf(request)} ${response.statusCode} failed: ${error.message}`,
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (request: SerializedRequest) => ({
          id: request.id,
          method: request.method,
          url: request.url,
          remoteAddress: request.remoteAddress,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
