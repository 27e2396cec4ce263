import { EntityManager } from 'typeorm';
import { BaseRepository } from './unit-of-work';

/** A bucket's count as stored, with the database's clock (which decides, so API hosts with drifting clocks agree). */
export interface ThrottleBucketRow {
  hits: number;
  windowEndsAt: Date;
  blockedUntil: Date | null;
  now: Date;
}

/** What a bucket holds after a counted request. */
export interface ThrottleBucketState {
  hits: number;
  windowEndsAt: Date;
  blockedUntil: Date | null;
}

/**
 * `throttle_bucket`: the request throttles' counts and the per-account-and-address password lock-out
 * counts (keys `lockout:<username>:<hashed address>`), shared by every API process.
 */
export class ThrottleBucketRepository extends BaseRepository {
  /** Creates the row or locks the existing one, and reads it, in one statement: call inside a transaction. */
  async claim(key: string, tx: EntityManager): Promise<ThrottleBucketRow> {
    const [row]: ThrottleBucketRow[] = await this.db(tx).query(
      `INSERT INTO throttle_bucket AS bucket (key, hits, window_ends_at) VALUES ($1, 0, now())
       ON CONFLICT (key) DO UPDATE SET hits = bucket.hits
       RETURNING hits, window_ends_at AS "windowEndsAt", blocked_until AS "blockedUntil", now() AS now`,
      [key],
    );
    return row;
  }

  async save(key: string, state: ThrottleBucketState, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `UPDATE throttle_bucket SET hits = $2, window_ends_at = $3, blocked_until = $4 WHERE key = $1`,
      [key, state.hits, state.windowEndsAt, state.blockedUntil],
    );
  }

  async delete(key: string, tx?: EntityManager): Promise<void> {
    await this.db(tx).query('DELETE FROM throttle_bucket WHERE key = $1', [key]);
  }

  async deleteByPrefix(prefix: string, tx?: EntityManager): Promise<void> {
    await this.db(tx).query('DELETE FROM throttle_bucket WHERE starts_with(key, $1)', [prefix]);
  }

  /** Forgets buckets whose window and block are over. */
  async sweep(tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `DELETE FROM throttle_bucket WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`,
    );
  }
}
