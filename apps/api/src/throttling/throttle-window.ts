import type { ThrottlerStorage } from '@nestjs/throttler';

/** What the throttler guard reads back (the package does not export the record's type by name). */
export type ThrottleRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A limit's state for one key: hits in the current fixed window, and the end of a block if one is on. */
export interface ThrottleBucket {
  hits: number;
  windowEndsAt: number;
  blockedUntil: number | null;
}

/**
 * Counts one request (times in milliseconds), as @nestjs/throttler's own storage does, but over a
 * fixed window so the state is one row: a request over `limit` starts a block of `blockMs` (the
 * window's rest when 0) during which nothing is counted; when the block or the window ends, counting
 * starts again from zero.
 */
export function countRequest(
  current: ThrottleBucket | null,
  now: number,
  ttlMs: number,
  limit: number,
  blockMs: number,
): { bucket: ThrottleBucket; record: ThrottleRecord } {
  const over = (bucket: ThrottleBucket) =>
    bucket.blockedUntil === null ? bucket.windowEndsAt <= now : bucket.blockedUntil <= now;
  let bucket: ThrottleBucket =
    current && !over(current) ? current : { hits: 0, windowEndsAt: now + ttlMs, blockedUntil: null };
  if (bucket.blockedUntil === null) {
    const hits = bucket.hits + 1;
    bucket = {
      ...bucket,
      hits,
      blockedUntil: hits > limit ? (blockMs > 0 ? now + blockMs : bucket.windowEndsAt) : null,
    };
  }
  const seconds = (until: number) => Math.max(0, Math.ceil((until - now) / 1000));
  return {
    bucket,
    record: {
      totalHits: bucket.hits,
      timeToExpire: seconds(bucket.windowEndsAt),
      isBlocked: bucket.blockedUntil !== null,
      timeToBlockExpire: bucket.blockedUntil === null ? 0 : seconds(bucket.blockedUntil),
    },
  };
}
