import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * Append-only record of what system administrators did to accounts (disable, enable, password
 * reset). The measure audit trail (`audit_event`) belongs to a measure and its inspection's hash
 * chain; account administration belongs to neither, so it has its own table. Never holds a password.
 */
@Entity('admin_audit_event')
@Index('ix_admin_audit_subject', ['subjectId', 'occurredAt'])
export class AdminAuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** account.disable, account.enable, account.reset_password */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: PersonEntity;

  /** The person whose account was acted on. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_id' })
  subject?: PersonEntity;

  /** The client address the administrator acted from. */
  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
