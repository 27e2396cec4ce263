import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeasureEntity } from './measure.entity';
import { PersonEntity } from './person.entity';

/**
 * An evidence file (佐证材料); the bytes live in the evidence store under their SHA-256. A file no
 * action has named yet may be withdrawn (a wrong upload): the row stays, marked, and leaves the lists.
 */
@Entity('evidence')
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_evidence_measure')
  @Column({ name: 'measure_id', type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measure_id' })
  measure?: MeasureEntity;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploadedBy?: PersonEntity;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnById: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'withdrawn_by' })
  withdrawnBy?: PersonEntity;
}
