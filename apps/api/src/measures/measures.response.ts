import { ACTIONS, COLOURS, MEASURE_KINDS, STAGES } from '@rectiflow/domain';
import { Res } from '../common/response-fields';

import { ContributionResponse, MeasureSupervisionResponse, PendingExtensionResponse } from './measure-parts.response';

export { ContributionResponse, MeasureSupervisionResponse, PendingExtensionResponse };

/** A measure's read-model row: its stage, deadlines, owners and 红黄绿灯 (a ledger row). */
export class MeasureResponse {
  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.id()
  problemId: string;

  @Res.int({ description: 'number within its problem (一是 → 1)' })
  number: number;

  @Res.text()
  text: string;

  @Res.enum(MEASURE_KINDS, 'MeasureKind')
  kind: string;

  @Res.id()
  leadDepartmentId: string;

  @Res.ids()
  cooperatingDepartmentIds: string[];

  @Res.id()
  responsibleLeaderId: string;

  @Res.dateTime({ description: '整改时限: the rectification deadline (调整后时限 once changed)' })
  dueAt: string;

  @Res.dateTime({
    nullable: true,
    description:
      '原定时限: the deadline set at 交办 (null before 交办, and for measures handed out before it was kept); differs from dueAt once changed',
  })
  originalDueAt: string | null;

  @Res.bool({ description: 'the deadline is provisional until 交办 (立行立改 / 长期坚持 created without a date)' })
  dueOnAssign: boolean;

  @Res.id({ nullable: true, description: '承办人: the person of the lead department doing the work' })
  assigneeId: string | null;

  @Res.ids({ description: 'further leaders named with the responsible one' })
  coLeaderIds: string[];

  @Res.text({ nullable: true, description: '交办要求: the instructions given at 交办' })
  instructions: string | null;

  @Res.id({ nullable: true, description: '领办: the leader who claimed the measure' })
  claimedBy: string | null;

  @Res.dateTime({ nullable: true })
  claimedAt: string | null;

  @Res.many(() => ContributionResponse, {
    description: '配合反馈 of the current round, one per cooperating department',
  })
  contributions: ContributionResponse[];

  @Res.one(() => MeasureSupervisionResponse, { nullable: true, description: 'the open 督办单, if any' })
  supervision: MeasureSupervisionResponse | null;

  @Res.enum(STAGES, 'Stage')
  stage: string;

  @Res.int()
  round: number;

  @Res.dateTime({ nullable: true, description: "the current stage's due date" })
  stageDueAt: string | null;

  @Res.int({ description: '0 none, 1 owner, 2 responsible leader, 3 group head, 4 督办单' })
  escalationLevel: number;

  @Res.bool()
  lookBackDue: boolean;

  @Res.text({ nullable: true, description: '最新进展: the latest progress summary' })
  latestProgress: string | null;

  @Res.one(() => PendingExtensionResponse, { nullable: true })
  pendingExtension: PendingExtensionResponse | null;

  @Res.dateTime({ nullable: true })
  signedOffAt: string | null;

  @Res.dateTime({ nullable: true })
  closedAt: string | null;

  @Res.text()
  workflowId: string;

  @Res.dateTime()
  updatedAt: string;

  @Res.enum(COLOURS, 'Colour')
  colour: string;
}

/** A ledger row: the measure with its problem's 问题序号 and title. */
export class MeasureListItemResponse extends MeasureResponse {
  @Res.int({ description: '问题序号' })
  problemNumber: number;

  @Res.text({ description: '所属问题' })
  problemTitle: string;
}

/** One page of the ledger. */
export class MeasurePageResponse {
  @Res.int({ description: 'all matching measures, not only this page' })
  total: number;

  @Res.int()
  limit: number;

  @Res.int()
  offset: number;

  @Res.many(() => MeasureListItemResponse)
  items: MeasureListItemResponse[];
}

/** A problem's place in the heading ladder (一、 → (一) → 1. → (1)). */
export class ProblemLadderResponse {
  @Res.id()
  id: string;

  @Res.text({ nullable: true })
  sectionNumber: string | null;

  @Res.text({ nullable: true })
  sectionTitle: string | null;

  @Res.text({ nullable: true })
  categoryNumber: string | null;

  @Res.text({ nullable: true })
  categoryTitle: string | null;

  @Res.text({ nullable: true })
  groupNumber: string | null;

  @Res.text({ nullable: true })
  groupTitle: string | null;

  @Res.int({ description: '问题序号' })
  number: number;

  @Res.text()
  title: string;
}

/** The measure page: the row, the names of its owners, its problem, and what this person may do now. */
export class MeasureDetailResponse extends MeasureResponse {
  @Res.text()
  leadDepartmentName: string;

  @Res.texts()
  cooperatingDepartmentNames: string[];

  @Res.text()
  responsibleLeaderName: string;

  @Res.text({ nullable: true })
  assigneeName: string | null;

  @Res.text({ nullable: true })
  claimedByName: string | null;

  @Res.texts()
  coLeaderNames: string[];

  @Res.one(() => ProblemLadderResponse)
  problem: ProblemLadderResponse;

  @Res.enums(ACTIONS, 'ActionName', {
    description: 'the actions this person may take now (empty when none, or when the workflow cannot be asked)',
  })
  allowedActions: string[];

  @Res.text({ nullable: true, description: "the measure's workflow in the Temporal Web UI, when configured" })
  workflowUrl: string | null;
}

/** One row of the audit trail: an action or a timer. */
export class TimelineEntryResponse {
  @Res.int()
  seq: number;

  @Res.enum(['action', 'timer'], 'TimelineKind')
  kind: string;

  @Res.text({ description: 'the action name, or reminder / escalation / look_back_due for a timer' })
  action: string;

  @Res.id({ nullable: true, description: 'null for a timer' })
  actorId: string | null;

  @Res.enum(STAGES, 'Stage')
  fromStage: string;

  @Res.enum(STAGES, 'Stage')
  toStage: string;

  @Res.int()
  round: number;

  @Res.json({ description: 'what the action or timer recorded (reason, summary, note, evidence, level…)' })
  detail: Record<string, unknown>;

  @Res.dateTime()
  occurredAt: string;

  @Res.text({ nullable: true })
  idempotencyKey: string | null;
}

/** Something the server noticed about an accepted request (a leader in his own lead department). */
export class ParticipantsWarningResponse {
  @Res.enum(['LEADER_IN_LEAD_DEPARTMENT'], 'WarningCode')
  code: string;

  @Res.text({ description: "the leader's name" })
  leader: string;

  @Res.text({ description: "the department's name" })
  department: string;

  @Res.text()
  message: string;
}

/** The measure after an action (the Workflow Update's answer). */
export class ActionResultResponse {
  @Res.id()
  measureId: string;

  @Res.enum(ACTIONS, 'ActionName')
  action: string;

  @Res.enum(STAGES, 'Stage')
  stage: string;

  @Res.int()
  round: number;

  @Res.dateTime()
  dueAt: string;

  @Res.dateTime({ nullable: true })
  stageDueAt: string | null;

  @Res.int()
  seq: number;

  @Res.bool({
    optional: true,
    description: 'true when this is the stored answer of an earlier request with the same idempotency key',
  })
  duplicate?: boolean;

  @Res.many(() => ParticipantsWarningResponse, { optional: true })
  warnings?: ParticipantsWarningResponse[];
}
