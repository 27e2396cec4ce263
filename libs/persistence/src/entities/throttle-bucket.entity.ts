import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One request limit's count for one address and route (sign-in, public feedback), shared by every API
 * process: behind N replicas the allowance stays what the setting says instead of N times it.
 */
@Entity('throttle_bucket')
export class ThrottleBucketEntity {
  /**
   * The throttler's key: a SHA-256 of route, limit name and client address; or
   * lockout:<username>:<hashed address> for counted password attempts (apps/api/src/auth/lockout.ts).
   */
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Index('ix_throttle_bucket_window_ends_at')
  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
