import type { TFunction } from 'i18next';
import { ApiError } from './api';

/**
 * A failure as a person reads it: a headline in their language chosen by the server's error code,
 * and the server's own detail (which names the field, stage or file concerned) after it.
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
    return { headline: t(key, { defaultValue: t('error.unknown') }), detail: failure.message || null };
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
