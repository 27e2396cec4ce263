import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeasureEntity } from './measure.entity';

/**
 * Append-only audit trail: one row per transition, timer firing and escalation.
 * event_key (measure id + workflow sequence number) makes the projection idempotent under retries and replays.
 */
@Entity('audit_event')
@Index('ix_audit_measure_seq', ['measureId', 'seq'])
@Index('uq_audit_chain', ['inspectionId', 'chainSeq'], { unique: true })
@Index('uq_audit_idempotency', ['measureId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index('uq_audit_event_key', { unique: true })
  @Column({ name: 'event_key', type: 'varchar', length: 120 })
  eventKey: string;

  @Column({ name: 'measure_id', type: 'uuid' })
  measureId: string;

  @ManyToOne(() => MeasureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measure_id' })
  measure?: MeasureEntity;

  @Index('ix_audit_inspection')
  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ type: 'int' })
  seq: number;

  /** "action" for a person's action, "timer" for a reminder, escalation or look-back falling due. */
  @Column({ type: 'varchar', length: 10 })
  kind: 'action' | 'timer';

  @Column({ type: 'varchar', length: 30 })
  action: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'from_stage', type: 'varchar', length: 12 })
  fromStage: string;

  @Column({ name: 'to_stage', type: 'varchar', length: 12 })
  toStage: string;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'jsonb' })
  detail: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  /** Position in the inspection's hash chain (1, 2, 3, …); a gap means a removed row. */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true })
  chainSeq: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  /** SHA-256 over the previous hash and this row's content (evidence hashes included). */
  @Column({ type: 'char', length: 64, nullable: true })
  hash: string | null;
}
