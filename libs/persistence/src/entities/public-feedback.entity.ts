import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeasureEntity } from './measure.entity';
import { NoticeEntity } from './notice.entity';
import { ProblemEntity } from './problem.entity';

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

  /** The problem the office routed it to (or the measure's problem when routed to a measure). */
  @Column({ name: 'problem_id', type: 'uuid', nullable: true })
  problemId: string | null;

  @ManyToOne(() => ProblemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'problem_id' })
  problem?: ProblemEntity;

  @Column({ name: 'measure_id', type: 'uuid', nullable: true })
  measureId: string | null;

  @ManyToOne(() => MeasureEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'measure_id' })
  measure?: MeasureEntity;

  /** The office's answer. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** Set while the answer (and the message it answers) is shown under the published notice. */
  @Column({ name: 'answer_published_at', type: 'timestamptz', nullable: true })
  answerPublishedAt: Date | null;
}
