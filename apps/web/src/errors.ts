import type { TFunction } from 'i18next';
import { ApiError, RefusalReason } from './api';

/**
 * The server's refusals of the plan's upkeep and of 交办 that carry no structured reason, recognised
 * in its (English) words and said instead in the person's language (reason.* in the locales, which
 * take the person or stage the words name).
 */
const REASONS: [RegExp, string][] = [
  [/assigneeId names (.+?), who does not work in the lead department/, 'reason.assigneeOutside'],
  [/assigneeId names no person/, 'reason.assigneeUnknown'],
  [/(?:dueAt|newDueAt) must not be before today/, 'reason.dueInPast'],
  [/approvedById must name the responsible leader/, 'reason.leaderConsent'],
  [/nothing to reassign/, 'reason.sameOwners'],
  [/what the measure already has: nothing to change/, 'reason.sameDeadline'],
  [/dueAt or kind is required/, 'reason.deadlineOrKind'],
  [/workflow has finished/, 'reason.finished'],
  [/is not allowed in stage ([^ ]+) \(/, 'reason.stage'],
  [/reason is required|reason must not be empty|reason (?:is )?missing/, 'reason.reasonRequired'],
  [/^no measure with id/, 'reason.noMeasure'],
  [/has evidence files; void it/, 'reason.hasEvidence'],
  [/already committed/, 'reason.committed'],
  [/(?:idempotencyKey|Idempotency-Key).*(?:required|longer)/, 'reason.key'],
];

/** The server's words in the person's language when they are of a known kind, else null. */
export function explainReason(message: string | null | undefined, t: TFunction): string | null {
  if (!message) return null;
  for (const [pattern, key] of REASONS) {
    const match = pattern.exec(message);
    if (match) return t(key, { name: match[1] ?? '', stage: match[1] ?? '' });
  }
  return null;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A name the workbench translates (an action, a stage, a role, a field), or the server's own word. */
function named(t: TFunction, group: string, value: unknown): string {
  const word = String(value ?? '');
  return word ? t(`${group}.${word}`, { defaultValue: word }) : '';
}

/**
 * A structured refusal (`reason: {code, params}`) in the person's language (refusal.* in the
 * locales), its action, stage, roles and fields named by the workbench's own words; null for a
 * code the workbench does not know (the server's English message is then the fallback).
 */
export function refusalText(reason: RefusalReason | null, t: TFunction): string | null {
  if (!reason) return null;
  const key = `refusal.${reason.code}`;
  const { params } = reason;
  const separator = t('refusal.separator');
  const allowed = list(params.allowed).map((action) => named(t, 'action', action));
  const translated = {
    ...params,
    action: named(t, 'action', params.action),
    stage: named(t, 'stage', params.stage),
    field: named(t, 'field', params.field),
    entity: named(t, 'entity', params.entity),
    roles: list(params.roles)
      .map((role) => named(t, 'role', role))
      .join(separator),
    allowed: allowed.join(separator),
    limit: params.limit ?? '',
    name: params.name ?? '',
  };
  const text = t(key, { ...translated, defaultValue: '' });
  if (!text) return null;
  if (reason.code === 'STAGE_NOT_ALLOWED')
    return allowed.length
      ? t('refusal.STAGE_NOT_ALLOWED_NOW', translated)
      : t('refusal.STAGE_NOT_ALLOWED_NONE', translated);
  return text;
}

/** A refusal that says the form was stale: the stage moved on (or the work ended) since the page was loaded. */
export function isStale(failure: unknown): boolean {
  return (
    failure instanceof ApiError &&
    (failure.reason?.code === 'STAGE_NOT_ALLOWED' ||
      failure.reason?.code === 'WORKFLOW_FINISHED' ||
      failure.reason?.code === 'ALREADY_CLAIMED' ||
      failure.code === 'STAGE_CONFLICT')
  );
}

function withReason(message: string, t: TFunction): string {
  // A reason the workbench knows replaces the server's English; unknown words are the fallback.
  return explainReason(message, t) ?? message;
}

/**
 * A failure as a person reads it: a headline in their language chosen by the server's error code,
 * then why — the structured reason, or the server's words recognised, in their language; the
 * server's English words only when neither is known.
 */
export function describeFailure(
  failure: unknown,
  t: TFunction,
  headlines: Partial<Record<string, string>> = {},
): { headline: string; detail: string | null } {
  if (failure instanceof ApiError) {
    const key =
      failure.code && headlines[failure.code]
        ? headlines[failure.code]!
        : failure.code
          ? `error.${failure.code}`
          : 'error.unknown';
    // The structured reason in the person's language; the server's English words only for a code not known here.
    const structured = refusalText(failure.reason, t);
    return {
      headline: t(key, { defaultValue: t('error.unknown') }),
      detail: structured ?? (failure.message ? withReason(failure.message, t) : null),
    };
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (failure instanceof TypeError) return { headline: t('error.network'), detail: null };
  return { headline: t('error.unknown'), detail: failure instanceof Error ? failure.message : null };
}

/** The same on one line, for toasts. */
export function failureText(failure: unknown, t: TFunction): string {
  const { headline, detail } = describeFailure(failure, t);
  return detail ? t('error.withDetail', { headline, detail }) : headline;
}

/** One measure's refusal in a batch answer ({code, message}), on one line as failureText writes it. */
export function outcomeText(
  outcome: {
    code?: string;
    message?: string;
    status: number;
    reason?: { code?: RefusalReason['code']; params?: RefusalReason['params'] };
  },
  t: TFunction,
): string {
  // The document marks the reason's parts optional; a reason without its code is no reason.
  const why = outcome.reason?.code ? { code: outcome.reason.code, params: outcome.reason.params ?? {} } : null;
  return failureText(new ApiError(outcome.status, outcome.message ?? '', outcome.code ?? null, null, why), t);
}
