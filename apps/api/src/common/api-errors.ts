import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, ApiResponse } from '@nestjs/swagger';
import { REFUSAL_CODES } from '@rectiflow/domain';

/** A refusal's reason, as every 4xx body and a batch's refused items carry it. */
export const REASON_SCHEMA: ApiPropertyOptions = {
  description:
    "why, as a code and its parameters, for the workbench to say in the person's language (the message is the English fallback)",
  type: 'object',
  properties: {
    code: { type: 'string', enum: [...REFUSAL_CODES] },
    params: { type: 'object', additionalProperties: true },
  },
  required: ['code', 'params'],
};

/** Every refusal has this body (HttpErrorFilter): the status, a stable code, and words naming the field, stage or file. */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode: number;

  @ApiProperty({
    description:
      'INVALID_INPUT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, PASSWORD_CHANGE_REQUIRED, STAGE_CONFLICT, CONFLICT, IDEMPOTENCY_CONFLICT, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, UNAVAILABLE, TOO_MANY_REQUESTS',
    example: 'INVALID_INPUT',
  })
  error: string;

  @ApiProperty({ example: 'dueAt must be an ISO-8601 date-time' })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'more about the refusal where there is more (the rows of a bad import, the limit passed)',
  })
  details?: Record<string, unknown>;

  @ApiPropertyOptional(REASON_SCHEMA)
  reason?: { code: string; params: Record<string, unknown> };
}

/** What each status means in this API. */
const MEANINGS: Record<number, string> = {
  400: 'INVALID_INPUT: a field, parameter or file is missing or wrong (the message names it)',
  401: 'UNAUTHENTICATED: no valid access token (or, at sign-in, the wrong username or password)',
  403: "FORBIDDEN: the person's role does not allow it; PASSWORD_CHANGE_REQUIRED after a password reset",
  404: 'NOT_FOUND: no such record, or one this person may not see',
  409: 'STAGE_CONFLICT or CONFLICT: the stage does not allow it, or it was already done',
  413: 'PAYLOAD_TOO_LARGE: the upload is over a limit (details.limit names it)',
  415: 'UNSUPPORTED_MEDIA_TYPE: the file is not of an accepted type',
  422: 'IDEMPOTENCY_CONFLICT: the idempotency key was used for another request',
  429: 'TOO_MANY_REQUESTS: over a throttle; Retry-After gives the seconds to wait',
};

/** The refusals an operation can answer, each with the common error body. */
export function ApiErrors(...statuses: (keyof typeof MEANINGS)[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: MEANINGS[status], type: ErrorResponse })),
  );
}

/** The answers and security every operation gets from the document builder, not from each controller. */
export const AUTH_REFUSALS = { 401: MEANINGS[401], 403: MEANINGS[403] } as const;
