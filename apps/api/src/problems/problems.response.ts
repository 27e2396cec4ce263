import { ContributionResponse } from '../measures/measures.response';
import { MEASURE_KINDS, STAGES } from '@rectiflow/domain';
import { Res } from '../common/response-fields';
import { ParticipantsWarningResponse, ProblemLadderResponse } from '../measures/measures.response';

/** A problem of the inspection with the counts of the measures this person may see. */
export class ProblemWithCountsResponse extends ProblemLadderResponse {
  @Res.int({ description: 'measures in scope' })
  measures: number;

  @Res.int()
  measuresClosed: number;

  @Res.int({ description: '已完成 measures (销号) in scope' })
  measuresDone: number;

  @Res.bool({ description: '已整改销号: every measure, voided ones aside, done (told to all, whatever their scope)' })
  done: boolean;

  @Res.bool({ description: 'every measure of the problem closed (told to all, whatever their scope)' })
  closed: boolean;

  @Res.dateTime({ nullable: true, description: 'when the last measure closed, if the problem is closed' })
  closedAt: string | null;
}

/** A measure as just created: at 交办, its workflow started. */
export class CreatedMeasureResponse {
  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.id()
  problemId: string;

  @Res.int()
  number: number;

  @Res.text()
  text: string;

  @Res.enum(MEASURE_KINDS, 'MeasureKind')
  kind: string;

  @Res.id()
  leadDepartmentId: string;

  @Res.id()
  responsibleLeaderId: string;

  @Res.dateTime()
  dueAt: string;

  @Res.enum(STAGES, 'Stage')
  stage: string;

  @Res.int()
  round: number;

  @Res.text()
  workflowId: string;

  @Res.bool()
  workflowStarted: boolean;

  @Res.dateTime({ nullable: true, optional: true })
  stageDueAt?: string | null;

  @Res.dateTime({ nullable: true, optional: true })
  yellowFrom?: string | null;

  @Res.int({ optional: true })
  escalationLevel?: number;

  @Res.bool({ optional: true })
  lookBackDue?: boolean;

  @Res.text({ nullable: true, optional: true })
  latestProgress?: string | null;

  @Res.json({ nullable: true, optional: true })
  pendingExtension?: Record<string, unknown> | null;

  @Res.dateTime({ nullable: true, optional: true })
  signedOffAt?: string | null;

  @Res.dateTime({ nullable: true, optional: true })
  closedAt?: string | null;

  @Res.int({ optional: true })
  lastSeq?: number;

  @Res.ids({ optional: true })
  coLeaderIds?: string[];

  @Res.id({ optional: true, nullable: true })
  assigneeId?: string | null;

  @Res.text({ optional: true, nullable: true })
  instructions?: string | null;

  @Res.dateTime({ optional: true, nullable: true })
  originalDueAt?: string | null;

  @Res.bool({ optional: true, description: 'the deadline is provisional until 交办' })
  dueOnAssign?: boolean;

  @Res.id({ optional: true, nullable: true })
  claimedBy?: string | null;

  @Res.dateTime({ optional: true, nullable: true })
  claimedAt?: string | null;

  @Res.many(() => ContributionResponse, { optional: true, description: 'always empty on creation' })
  contributions?: ContributionResponse[];

  @Res.json({ optional: true, nullable: true })
  supervision?: Record<string, unknown> | null;

  @Res.dateTime()
  createdAt: string;

  @Res.dateTime()
  updatedAt: string;

  @Res.many(() => ParticipantsWarningResponse, { optional: true })
  warnings?: ParticipantsWarningResponse[];
}

/** A problem as just created (its place in the ladder, number and title), with its measures. */
export class CreatedProblemResponse extends ProblemLadderResponse {
  @Res.id()
  inspectionId: string;

  @Res.dateTime()
  createdAt: string;

  @Res.many(() => CreatedMeasureResponse)
  measures: CreatedMeasureResponse[];
}
