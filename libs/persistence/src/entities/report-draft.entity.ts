import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { InspectionEntity } from './inspection.entity';

/** The office's narrative of an inspection's 整改报告 (one a inspection), edited between generations. */
@Entity('report_draft')
export class ReportDraftEntity {
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  /** Title, addressee, opening, 总体情况 and 下一步打算 paragraphs with {placeholders}, signer, date. */
  @Column({ type: 'jsonb' })
  narrative: Record<string, unknown>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
