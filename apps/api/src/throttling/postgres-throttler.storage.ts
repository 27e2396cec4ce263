import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottleBucketRepository, UnitOfWork } from '@rectiflow/persistence';
import { countRequest, ThrottleRecord } from './throttle-window';

const SWEEP_EVERY_MS = 60_000;

/**
 * The throttles' counts in PostgreSQL, so every API process shares them (and a restart forgets
 * nothing). Only throttled routes come here — sign-in and public feedback — so a transaction per
 * request is cheap. The database's clock decides, so API hosts with drifting clocks agree.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private lastSweep = 0;
  private readonly logger = new Logger(PostgresThrottlerStorage.name);

  constructor(
    private readonly buckets: ThrottleBucketRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottleRecord> {
    const record = await this.unitOfWork.run(async (tx) => {
      // The row stays locked until the commit, so parallel requests are counted one after another.
      const row = await this.buckets.claim(key, tx);
      const now = row.now.getTime();
      const { bucket, record } = countRequest(
        { hits: row.hits, windowEndsAt: row.windowEndsAt.getTime(), blockedUntil: row.blockedUntil?.getTime() ?? null },
        now,
        ttl,
        limit,
        blockDuration,
      );
      await this.buckets.save(
        key,
        {
          hits: bucket.hits,
          windowEndsAt: new Date(bucket.windowEndsAt),
          blockedUntil: bucket.blockedUntil === null ? null : new Date(bucket.blockedUntil),
        },
        tx,
      );
      return record;
    });
    // Housekeeping: the answer does not wait for it, and its failure is not the request's.
    void this.sweep().catch((error: unknown) => this.logger.warn(`throttle sweep failed: ${String(error)}`));
    return record;
  }

  /** Forgets buckets whose window and block are over, at most once a minute per process. */
  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    await this.buckets.sweep();
  }
}
