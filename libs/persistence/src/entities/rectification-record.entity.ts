import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InspectionEntity } from './inspection.entity';

export const RECORD_KINDS = ['meeting', 'supervision', 'rule', 'campaign'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What the office keeps besides measures: scheduling meetings (调度会议), internal supervision (内部督查), rules (建章立制), campaigns (专项整治). */
@Entity('rectification_record')
@Index('ix_record_inspection_kind', ['inspectionId', 'kind'])
export class RectificationRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  @Column({ type: 'varchar', length: 12 })
  kind: RecordKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn: string | null;

  /** Measures this record belongs to (a rule produced by a measure, a meeting that scheduled it). */
  @Column({ name: 'measure_ids', type: 'uuid', array: true, default: () => "'{}'" })
  measureIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
