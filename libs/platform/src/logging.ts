/**
 * The one structured logger of every process (API, worker, tools): pino, one JSON object a line in
 * production, readable lines (pino-pretty) on a terminal or with LOG_FORMAT=pretty.
 */
import type { LoggerService } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import pino, { Logger, LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

const LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Never written to a log, wherever they appear in a logged object (request headers, bodies, errors). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-metrics-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'password',
  'newPassword',
  'currentPassword',
  'oneTimePassword',
  'refreshToken',
  'accessToken',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.oneTimePassword',
  '*.refreshToken',
  '*.accessToken',
];

/** LOG_FORMAT: json or pretty; unset, pretty when standard output is a terminal (npm start by hand), else JSON. */
export function logFormat(env: NodeJS.ProcessEnv = process.env, isTerminal = Boolean(process.stdout.isTTY)): LogFormat {
  const raw = (env.LOG_FORMAT ?? '').trim().toLowerCase();
  if (raw === '') return isTerminal ? 'pretty' : 'json';
  if (raw === 'json' || raw === 'pretty') return raw;
  throw new Error(`LOG_FORMAT must be json or pretty (got "${env.LOG_FORMAT}")`);
}

/** LOG_LEVEL: one of pino's levels, info by default. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): LevelWithSilent {
  const raw = (env.LOG_LEVEL ?? '').trim().toLowerCase();
  if (raw === '') return 'info';
  if ((LEVELS as readonly string[]).includes(raw)) return raw as LevelWithSilent;
  throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
}

export interface LoggerOptions {
  /** The process: api, worker, cli… (pino's `name` field). */
  name: string;
  env?: NodeJS.ProcessEnv;
  /** Where the lines go (tests); standard output by default. */
  destination?: NodeJS.WritableStream;
}

/**
 * A pino logger writing synchronously (no line lost when the process exits right after), with the
 * secrets above redacted. JSON lines carry pino's fields: level, time, pid, hostname, name, msg.
 */
export function createLogger(options: LoggerOptions): Logger {
  const env = options.env ?? process.env;
  const format = logFormat(env);
  const settings = {
    name: options.name,
    level: logLevel(env),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (format === 'pretty') {
    const stream = pretty({
      sync: true,
      colorize: Boolean(process.stdout.isTTY) && !options.destination,
      translateTime: 'SYS:HH:MM:ss.l',
      // One line per entry: the context in front; a request's method, URL, status and time are in its message.
      messageFormat: '{if context}[{context}] {end}{msg}',
      ignore: 'pid,hostname,context,req,res,responseTime',
      destination: options.destination ?? 1,
    });
    return pino(settings, stream);
  }
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: true }));
}

/** Nest's start-up dump of every module, controller and route: noise in a log, so dropped. */
const QUIET_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);

/** Nest's LoggerService over nestjs-pino's, without the start-up dump. */
export class QuietNestLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...optional: unknown[]): void {
    const context = optional[optional.length - 1];
    if (typeof context === 'string' && QUIET_CONTEXTS.has(context)) return;
    this.inner.log(message, ...optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.inner.error(message, ...optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.inner.warn(message, ...optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.inner.debug?.(message, ...optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.inner.verbose?.(message, ...optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...optional);
  }
}

/** A Nest logger for a process without HTTP (the worker): nestjs-pino's mapping over the given pino logger. */
export function nestLogger(logger: Logger): LoggerService {
  return new QuietNestLogger(new NestPinoLogger(new PinoLogger({ pinoHttp: { logger } }), {}));
}
