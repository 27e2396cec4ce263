import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InspectionKind, TimerPolicy } from '@rectiflow/domain';

@Entity('inspection')
export class InspectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  kind: InspectionKind;

  @Column({ name: 'inspecting_body', type: 'varchar', length: 200 })
  inspectingBody: string;

  @Column({ name: 'inspected_unit', type: 'varchar', length: 200 })
  inspectedUnit: string;

  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'feedback_on', type: 'date', nullable: true })
  feedbackOn: string | null;

  @Column({ type: 'jsonb' })
  policy: TimerPolicy;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
