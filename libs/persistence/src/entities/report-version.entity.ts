import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InspectionEntity } from './inspection.entity';
import { PersonEntity } from './person.entity';

/**
 * One generation of an inspection's 整改报告 (numbered 1, 2, 3… per inspection), kept as it was
 * generated: the content it was written from and both files (the report and its ledger attachment).
 */
@Entity('report_version')
@Index('uq_report_version', ['inspectionId', 'version'], { unique: true })
export class ReportVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'generated_by', type: 'uuid' })
  generatedById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'generated_by' })
  generatedBy?: PersonEntity;

  @Column({ name: 'generated_at', type: 'timestamptz', default: () => 'now()' })
  generatedAt: Date;

  /** The report's content as rendered (figures, problems, narrative filled in). */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ type: 'bytea' })
  docx: Buffer;

  @Column({ name: 'ledger_xlsx', type: 'bytea' })
  ledgerXlsx: Buffer;

  /** 报送: when the office marked this version sent to the inspection body (null: not sent). */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by' })
  submittedBy?: PersonEntity;
}
