import { Inject, Injectable } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { ThrottleBucketRepository, UnitOfWork } from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { PostgresThrottlerStorage } from '../throttling/postgres-throttler.storage';

/**
 * Password attempts counted per account AND client address (sign-in and password change share the
 * count): after LOCKOUT_ATTEMPTS attempts from one address within LOCKOUT_MINUTES without a correct
 * password, that address is shut out of that account for LOCKOUT_MINUTES, while the person signs in
 * from their own address as usual. Unknown usernames are counted the same way, so nothing about the
 * answers or their timing tells a real account from an invented one. The counts are rows of
 * `throttle_bucket` (shared by every API process, swept with the throttles' rows), keyed
 * `lockout:<username>:<hashed address>`, so an administrator's password reset or re-enable can clear
 * every address's count of one account.
 */
@Injectable()
export class SignInLockout {
  private readonly storage: PostgresThrottlerStorage;

  constructor(
    private readonly buckets: ThrottleBucketRepository,
    unitOfWork: UnitOfWork,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.storage = new PostgresThrottlerStorage(buckets, unitOfWork);
  }

  private key(username: string, address: string): string {
    const client = createHash('sha256')
      .update(normalizeIp(address || 'unknown'))
      .digest('hex')
      .slice(0, 32);
    return `${prefix(username)}${client}`;
  }

  /**
   * Counts one password attempt before the password is checked (so parallel requests cannot slip
   * in more guesses than allowed) and answers the seconds this address is still locked out of the
   * account, 0 when the password may be checked. The attempt after LOCKOUT_ATTEMPTS counted ones
   * within the window starts the lock; a correct password clears the count.
   */
  async attempt(username: string, address: string): Promise<number> {
    const window = this.config.auth.lockoutMinutes * 60_000;
    const record = await this.storage.increment(
      this.key(username, address),
      window,
      this.config.auth.lockoutAttempts,
      window,
    );
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : 0;
  }

  /** A correct password from this address starts its count again. */
  async clear(username: string, address: string): Promise<void> {
    await this.buckets.delete(this.key(username, address));
  }

  /** Every address's count and lock of one account (the administrator reset its password or enabled it). */
  async clearAccount(username: string): Promise<void> {
    await this.buckets.deleteByPrefix(prefix(username));
  }
}

const prefix = (username: string) => `lockout:${username.trim().toLowerCase()}:`;
