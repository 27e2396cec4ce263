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
import type { Contribution, ExtensionRequest, MeasureKind, Stage, SupervisionNotice } from '@rectiflow/domain';
import { DepartmentEntity } from './department.entity';
import { InspectionEntity } from './inspection.entity';
import { PersonEntity } from './person.entity';
import { ProblemEntity } from './problem.entity';

/** Read model of one measure; written only by the workflow's projection activity (and at creation). */
@Entity('measure')
@Index('uq_measure_number', ['problemId', 'number'], { unique: true })
@Index('ix_measure_inspection_stage', ['inspectionId', 'stage'])
@Index('ix_measure_stage_due', ['stageDueAt'])
export class MeasureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => InspectionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: InspectionEntity;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @ManyToOne(() => ProblemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'problem_id' })
  problem?: ProblemEntity;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 12 })
  kind: MeasureKind;

  @Index('ix_measure_lead_department')
  @Column({ name: 'lead_department_id', type: 'uuid' })
  leadDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartment?: DepartmentEntity;

  @Index('ix_measure_responsible_leader')
  @Column({ name: 'responsible_leader_id', type: 'uuid' })
  responsibleLeaderId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_leader_id' })
  responsibleLeader?: PersonEntity;

  /** Further leaders named with the responsible one; they see the measure and are told of its changes. */
  @Column({ name: 'co_leader_ids', type: 'uuid', array: true, default: () => "'{}'" })
  coLeaderIds: string[];

  /** 承办人: the person of the lead department doing the work (null: the department as a whole). */
  @Index('ix_measure_assignee')
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: PersonEntity;

  /** 交办要求: the office's instructions at 交办. */
  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** 原定时限: the deadline set at 交办, kept when it is later changed (due_at is then the 调整后时限). */
  @Column({ name: 'original_due_at', type: 'timestamptz', nullable: true })
  originalDueAt: Date | null;

  /** The deadline is provisional until 交办 (立行立改 / 长期坚持 created without a date). */
  @Column({ name: 'due_on_assign', type: 'boolean', default: false })
  dueOnAssign: boolean;

  @Column({ type: 'varchar', length: 12, default: 'assign' })
  stage: Stage;

  @Column({ type: 'int', default: 1 })
  round: number;

  @Column({ name: 'stage_due_at', type: 'timestamptz', nullable: true })
  stageDueAt: Date | null;

  @Column({ name: 'yellow_from', type: 'timestamptz', nullable: true })
  yellowFrom: Date | null;

  @Column({ name: 'escalation_level', type: 'int', default: 0 })
  escalationLevel: number;

  @Column({ name: 'look_back_due', type: 'boolean', default: false })
  lookBackDue: boolean;

  /** 领办: the leader who claimed the measure, and when. */
  @Index('ix_measure_claimed_by')
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claimed_by' })
  claimer?: PersonEntity;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  /** The open 督办单 (issued, answered, its reply deadline), null when none. */
  @Column({ type: 'jsonb', nullable: true })
  supervision: SupervisionNotice | null;

  /** 配合反馈 of the current round: each cooperating department's part. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  contributions: Contribution[];

  @Column({ name: 'latest_progress', type: 'text', nullable: true })
  latestProgress: string | null;

  @Column({ name: 'pending_extension', type: 'jsonb', nullable: true })
  pendingExtension: ExtensionRequest | null;

  @Column({ name: 'signed_off_at', type: 'timestamptz', nullable: true })
  signedOffAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Sequence number of the last workflow event projected here; guards against out-of-order writes. */
  @Column({ name: 'last_seq', type: 'int', default: 0 })
  lastSeq: number;

  @Column({ name: 'workflow_id', type: 'varchar', length: 100 })
  workflowId: string;

  /** False until Temporal has accepted the workflow start; the API re-starts any left false (e.g. after a crash). */
  @Index('ix_measure_workflow_pending', { where: 'workflow_started = false' })
  @Column({ name: 'workflow_started', type: 'boolean', default: false })
  workflowStarted: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
