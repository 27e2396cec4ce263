import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PersonEntity } from './person.entity';

/** A person's choice of how e-mail copies reach them, and when their last daily digest went out. */
@Entity('notification_setting')
export class NotificationSettingEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @OneToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  /** true: one digest a day; false: one e-mail each; null: the deployment's default (MAIL_DIGEST_DEFAULT). */
  @Column({ name: 'email_digest', type: 'boolean', nullable: true })
  emailDigest: boolean | null;

  @Column({ name: 'last_digest_at', type: 'timestamptz', nullable: true })
  lastDigestAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
