import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { MeasureEntity } from './measure.entity';

/**
 * The number of a 督办单: one row per `supervise` audit row, written the first time it is listed,
 * numbered 〔year〕第N号 per issuing body and year in the order issued; never renumbered. The
 * addressees are kept as they stood then, so a later 调整责任 does not rewrite an issued paper.
 */
@Entity('supervision_notice')
@Index('uq_supervision_notice_number', ['issuingBody', 'year', 'number'], { unique: true })
@Index('ix_supervision_notice_inspection', ['inspectionId', 'issuedAt'])
export class SupervisionNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_supervision_notice_audit', { unique: true })
  @Column({ name: 'audit_event_id', type: 'bigint' })
  auditEventId: string;

  @ManyToOne(() => AuditEventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'audit_event_id' })
  auditEvent?: AuditEventEntity;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ name: 'measure_id', type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measure_id' })
  measure?: MeasureEntity;

  @Column({ name: 'issuing_body', type: 'varchar', length: 200 })
  issuingBody: string;

  /** The year of issue in China time. */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  number: number;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'lead_department', type: 'varchar', length: 100 })
  leadDepartment: string;

  @Column({ name: 'responsible_leader', type: 'varchar', length: 100 })
  responsibleLeader: string;

  @Column({ name: 'numbered_at', type: 'timestamptz', default: () => 'now()' })
  numberedAt: Date;
}
