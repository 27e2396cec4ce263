import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NoticeEntity } from './notice.entity';

/** One published version of a notice, frozen as the public saw it; publishing again adds the next one. */
@Entity('notice_version')
@Index('uq_notice_version', ['noticeId', 'version'], { unique: true })
export class NoticeVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne(() => NoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id' })
  notice?: NoticeEntity;

  /** 1, 2, 3… per notice. */
  @Column({ type: 'int' })
  version: number;

  /** Everything the public page shows for this version. */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
