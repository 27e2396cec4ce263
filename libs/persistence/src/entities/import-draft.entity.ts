import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InspectionEntity } from './inspection.entity';

/** A parsed document or ledger waiting for the office to correct and commit it; nothing else is created before the commit. */
@Entity('import_draft')
export class ImportDraftEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_import_draft_inspection')
  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  @Column({ type: 'varchar', length: 10 })
  kind: 'document' | 'ledger';

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  warnings: string[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;
}
