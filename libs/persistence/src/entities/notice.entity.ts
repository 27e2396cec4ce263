import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { InspectionEntity } from './inspection.entity';

/** The public progress notice: narrative parts edited by the office; the published copy is frozen. */
@Entity('notice')
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_notice_inspection')
  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  /** Title, opening, parts 一 and 三, closing call, contacts, signer, date. */
  @Column({ type: 'jsonb' })
  narrative: Record<string, unknown>;

  /** Everything the public page shows, frozen at publication; null while a draft. */
  @Column({ name: 'published_content', type: 'jsonb', nullable: true })
  publishedContent: Record<string, unknown> | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** The short code of its readable public address (/gongkai/<code>/<version>), given at first publication. */
  @Index('uq_notice_public_code', { unique: true })
  @Column({ name: 'public_code', type: 'varchar', length: 16, nullable: true })
  publicCode: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
