import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/**
 * One message in a person's inbox (reminder, escalation, assignment, rejection, supervision notice).
 * dedupe_key (the audit event and the recipient) makes it once-only under activity retries; the
 * e-mail copy is sent from this row by the mailer, which marks it, so it is sent once too.
 */
@Entity('notification')
@Index('ix_notification_inbox', ['recipientId', 'readAt'])
@Index('ix_notification_email_pending', ['emailStatus'], { where: "email_status = 'pending'" })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: PersonEntity;

  @Column({ name: 'inspection_id', type: 'uuid', nullable: true })
  inspectionId: string | null;

  @Column({ name: 'measure_id', type: 'uuid', nullable: true })
  measureId: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Index('uq_notification_dedupe', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** none (no address or no SMTP), pending, sent, failed. */
  @Column({ name: 'email_status', type: 'varchar', length: 10, default: 'none' })
  emailStatus: 'none' | 'pending' | 'sent' | 'failed';

  @Column({ name: 'email_attempts', type: 'int', default: 0 })
  emailAttempts: number;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}
