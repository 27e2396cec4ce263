import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NoticeEntity } from './notice.entity';

/** A message from the public (群众监督) sent through a published notice; read by the office. */
@Entity('public_feedback')
export class PublicFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_feedback_notice')
  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne(() => NoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id' })
  notice?: NoticeEntity;

  @Column({ type: 'varchar', length: 50, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contact: string | null;

  @Column({ type: 'text' })
  content: string;

  /** SHA-256 of the sender's address: enough to see repeated senders, without keeping the address. */
  @Column({ name: 'sender_hash', type: 'char', length: 64 })
  senderHash: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
