import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { countRequest, ThrottleRecord } from './throttle-window';

const SWEEP_EVERY_MS = 60_000;

interface BucketRow {
  hits: number;
  window_ends_at: Date;
  blocked_until: Date | null;
  now: Date;
}

/**
 * The throttles' counts in PostgreSQL, so every API process shares them (and a restart forgets
 * nothing). Only throttled routes come here — sign-in and public feedback — so a transaction per
 * request is cheap. The database's clock decides, so API hosts with drifting clocks agree.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private lastSweep = 0;
  private readonly logger = new Logger(PostgresThrottlerStorage.name);

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottleRecord> {
    const record = await this.dataSource.transaction(async (manager) => {
      // Creates the row or locks the existing one, and reads it, in one statement.
      const [row]: BucketRow[] = await manager.query(
        `INSERT INTO throttle_bucket AS bucket (key, hits, window_ends_at) VALUES ($1, 0, now())
         ON CONFLICT (key) DO UPDATE SET hits = bucket.hits
         RETURNING hits, window_ends_at, blocked_until, now() AS now`,
        [key],
      );
      const now = row.now.getTime();
      const { bucket, record } = countRequest(
        { hits: row.hits, windowEndsAt: row.window_ends_at.getTime(), blockedUntil: row.blocked_until?.getTime() ?? null },
        now,
        ttl,
        limit,
        blockDuration,
      );
      await manager.query(`UPDATE throttle_bucket SET hits = $2, window_ends_at = $3, blocked_until = $4 WHERE key = $1`, [
        key,
        bucket.hits,
        new Date(bucket.windowEndsAt),
        bucket.blockedUntil === null ? null : new Date(bucket.blockedUntil),
      ]);
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
    await this.dataSource.query(`DELETE FROM throttle_bucket WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`);
  }
}
