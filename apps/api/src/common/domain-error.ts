import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

import { reason, RefusalReason, validationReason } from '@rectiflow/domain';

/** Domain error codes; each transport maps them to its own status (HTTP here). */
export enum ErrorCode {
  InvalidInput = 'INVALID_INPUT',
  NotFound = 'NOT_FOUND',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  /** The account's password was reset: only the password change is open until it is changed. */
  PasswordChangeRequired = 'PASSWORD_CHANGE_REQUIRED',
  StageConflict = 'STAGE_CONFLICT',
  Conflict = 'CONFLICT',
  IdempotencyConflict = 'IDEMPOTENCY_CONFLICT',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unavailable = 'UNAVAILABLE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.InvalidInput]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.PasswordChangeRequired]: HttpStatus.FORBIDDEN,
  [ErrorCode.StageConflict]: HttpStatus.CONFLICT,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.IdempotencyConflict]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
};

/** The HTTP status a domain error answers with. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Why, as a code and parameters the workbench renders in the person's language. */
    readonly reason?: RefusalReason,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The entities a "no <entity> with id …" refusal names, as the workbench's entity.* words. */
const NOT_FOUND_ENTITIES: Record<string, string> = {
  measure: 'measure',
  problem: 'problem',
  inspection: 'inspection',
  evidence: 'evidence',
  notice: 'notice',
  'published notice': 'notice',
  'import draft': 'import',
  'supervision notice': 'supervisionNotice',
  notification: 'notification',
  feedback: 'feedback',
  person: 'person',
  department: 'department',
  account: 'account',
  record: 'record',
};

/** A 404 thrown without a reason still gets one, naming its entity from its words, so no English reaches a screen. */
function notFoundReason(message: string): RefusalReason {
  const named = /^no ([a-z ]+?) with\b/.exec(message)?.[1] ?? '';
  return reason('NOT_FOUND', { entity: NOT_FOUND_ENTITIES[named] ?? 'item' });
}

/** One error shape for every endpoint: { statusCode, error, message }; never a stack trace. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // A route's @Header (a download's text/csv and attachment name) is set before the handler runs:
    // a refusal is JSON, not a file called 整改台账.csv.
    if (!response.headersSent) {
      response.removeHeader('Content-Disposition');
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
    }
    if (exception instanceof DomainError) {
      const statusCode = HTTP_STATUS[exception.code];
      response.status(statusCode).json({
        statusCode,
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...(exception.reason
          ? { reason: exception.reason }
          : exception.code === ErrorCode.NotFound
            ? { reason: notFoundReason(exception.message) }
            : {}),
      });
      return;
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const body = exception.getResponse();
      const raw =
        typeof body === 'object' && body !== null && 'message' in body
          ? (body as { message: unknown }).message
          : exception.message;
      // A long list (an array over its limit, each item refused too) is named by its first ten.
      const message = Array.isArray(raw)
        ? raw.slice(0, 10).join('; ') + (raw.length > 10 ? `; and ${raw.length - 10} more` : '')
        : String(raw);
      const first = Array.isArray(raw) ? String(raw[0] ?? '') : message;
      response.status(statusCode).json({
        statusCode,
        error: codeForStatus(statusCode),
        message,
        // The validation pipe's words name the field first: the reason says which, for the workbench.
        ...(statusCode === 400 ? { reason: validationReason(first) } : {}),
      });
      return;
    }
    // Errors from Express middleware (body-parser: too large, bad encoding) carry their own 4xx status.
    const status = (exception as { status?: unknown; expose?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500 && (exception as { expose?: unknown }).expose) {
      const message = status === 413 ? 'the request body is too large' : (exception as Error).message;
      // body-parser's refusals: a body that is not JSON (or not in its charset) names the body.
      const why = status === 400 ? { reason: reason('FIELD_INVALID', { field: 'body' }) } : {};
      response.status(status).json({ statusCode: status, error: codeForStatus(status), message, ...why });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(500).json({ statusCode: 500, error: 'INTERNAL', message: 'internal error; see the server log' });
  }
}

function codeForStatus(status: number): string {
  const entry = Object.entries(HTTP_STATUS).find(([, value]) => value === status);
  return entry ? entry[0] : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
}
