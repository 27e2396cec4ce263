import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';

/**
 * The throttler guard of the sign-in and public feedback routes. A refusal sends the standard
 * `Retry-After` (seconds) and says what the limit is and how long to wait; the package's own guard
 * sends `Retry-After-<throttler name>` (which no client reads) and one fixed text for every window.
 * The module turns the package's headers off (`setHeaders: false`): this is the only one sent.
 */
@Injectable()
export class RequestThrottle extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context.switchToHttp().getResponse().setHeader('Retry-After', String(detail.timeToBlockExpire));
    throw new ThrottlerException(throttleMessage(detail.limit, detail.ttl, detail.timeToBlockExpire));
  }
}

/** "too many requests from this address (at most 5 in 10 minutes); try again in 10 minutes". */
export function throttleMessage(limit: number, windowMs: number, retryAfterSeconds: number): string {
  return `too many requests from this address (at most ${limit} in ${duration(Math.round(windowMs / 1000))}); try again in ${duration(retryAfterSeconds)}`;
}

/** Seconds as a person says them: under two minutes in seconds, then whole minutes (rounded up), then hours. */
export function duration(seconds: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (seconds < 120 && seconds % 60 !== 0) return plural(Math.max(0, seconds), 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120 || minutes % 60 !== 0) return plural(minutes, 'minute');
  return plural(minutes / 60, 'hour');
}
