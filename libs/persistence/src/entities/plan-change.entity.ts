import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InspectionEntity } from './inspection.entity';
import { PersonEntity } from './person.entity';

/**
 * Append-only record of the office's changes to the plan that are not a measure's own workflow
 * events: a problem's title edited, a measure added to an existing problem, a measure deleted before 交办 (its row and workflow are gone,
 * so the measure's audit trail cannot hold it). Everything a measure's workflow does is in `audit_event`.
 */
@Entity('plan_change')
@Index('ix_plan_change_inspection', ['inspectionId', 'occurredAt'])
export class PlanChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  /** The measure added or deleted; no foreign key, since a deleted one's row is gone. */
  @Column({ name: 'measure_id', type: 'uuid', nullable: true })
  measureId: string | null;

  /** problem.edit, measure.add, measure.delete */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: PersonEntity;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
