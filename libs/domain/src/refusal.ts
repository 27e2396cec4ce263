/**
 * Why something was refused, as a code and its parameters, so the workbench says it in the person's
 * language (zh-CN, en-US); the English message beside it is only a fallback for an unknown code.
 */
export const REFUSAL_CODES = [
  'STAGE_NOT_ALLOWED',
  'ROLE_NEEDED',
  'INSPECTION_ROLE_NEEDED',
  'SELF_REVIEW',
  'SELF_SIGNOFF',
  'FIELD_REQUIRED',
  'FIELD_TOO_LONG',
  'FIELD_INVALID',
  'FIELD_UNKNOWN',
  'DATE_BEFORE_TODAY',
  'CONSENT_NEEDED',
  'NOTHING_TO_CHANGE',
  'ALREADY_CLAIMED',
  'WORKFLOW_FINISHED',
  'WRONG_CREDENTIALS',
  'NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'ASSIGNEE_OUTSIDE_LEAD',
  'UNKNOWN_REFERENCE',
  'EVIDENCE_NOT_UPLOADER',
  'EVIDENCE_SUBMITTED',
  'ADMIN_ONLY',
] as const;
export type RefusalReasonCode = (typeof REFUSAL_CODES)[number];

export interface RefusalReason {
  code: RefusalReasonCode;
  params: Record<string, unknown>;
}

export function reason(code: RefusalReasonCode, params: Record<string, unknown> = {}): RefusalReason {
  return { code, params };
}

/** A refused text field's reason from the text rule's words ("is required", "is longer than N characters"). */
export function textFieldReason(field: string, problem: string): RefusalReason {
  if (/is required|must not be blank/.test(problem)) return reason('FIELD_REQUIRED', { field });
  const limit = /longer than (\d+)/.exec(problem);
  if (limit) return reason('FIELD_TOO_LONG', { field, limit: Number(limit[1]) });
  return reason('FIELD_INVALID', { field, problem });
}

/** A class-validator message ("dueAt must be …", "property x should not exist") as a reason naming the field. */
export function validationReason(message: string): RefusalReason {
  // Nest's ParseUUIDPipe on a path id: "Validation failed (uuid is expected)".
  if (/^Validation failed \(uuid/.test(message)) return reason('FIELD_INVALID', { field: 'id' });
  // The JSON parser's words ("Unexpected end of JSON input", "… is not valid JSON"): the body as a whole.
  if (/^Unexpected (token|end of JSON|non-whitespace)|is not valid JSON|in JSON at position/.test(message))
    return reason('FIELD_INVALID', { field: 'body' });
  const unknown = /^property (\S+) should not exist/.exec(message);
  if (unknown) return reason('FIELD_UNKNOWN', { field: unknown[1] });
  const field = /^(?:each value in )?(\S+)/.exec(message)?.[1] ?? '';
  if (/should not be empty|must not be empty|must not be blank|is required/.test(message))
    return reason('FIELD_REQUIRED', { field });
  const limit = /(?:shorter than or equal to|longer than|at most) (\d+)/.exec(message);
  if (limit) return reason('FIELD_TOO_LONG', { field, limit: Number(limit[1]) });
  return reason('FIELD_INVALID', { field });
}
