import type { InspectionRole, MeasureKind, Stage } from './stage';
import type { TimerPolicy } from './policy';
import type { WorkingCalendar } from './working-days';

export interface Participants {
  leadDepartmentId: string;
  cooperatingDepartmentIds: string[];
  responsibleLeaderId: string;
  /** Further leaders named with the responsible one (`张三、李四`): informed and seeing the measure; 销号 stays his. */
  coLeaderIds?: string[];
  /** 承办人: the person of the lead department who does the work (null: the whole department). */
  assigneeId?: string | null;
}

export interface Submission {
  by: string;
  at: string;
  summary: string;
  evidenceIds: string[];
  round: number;
  /** A 长期坚持 periodic report under review, not a completion. */
  report?: boolean;
}

/** A cooperating department's part of one round (配合反馈). */
export interface Contribution {
  departmentId: string;
  by: string;
  at: string;
  summary: string;
  evidenceIds: string[];
  round: number;
}

/** An open 督办单: issued by the supervisor, answered by the addressee, closed (or sent back) by the supervisor. */
export interface SupervisionNotice {
  issuedAt: string;
  issuedBy: string;
  reason: string;
  /** The answer is due by then; unanswered, it escalates to the group head. */
  replyDueAt: string;
  /** When the reply period began: issued, or sent back (absent in notices issued before it was kept: issuedAt). */
  replyFrom?: string;
  status: 'open' | 'answered';
  answer: { by: string; at: string; text: string; evidenceIds: string[] } | null;
}

/**
 * Behaviour a measure was created with, carried in its state from the start so a running workflow
 * never changes course under its feet: measures created before a feature keep the old rules.
 */
export interface MeasureFeatures {
  /** Cooperating departments have their own part (配合反馈, reminders) and no longer the lead's powers. */
  cooperation?: boolean;
  /** 长期坚持: the first report is due reportEvery after 交办; 结束 needs a report and the leader's 销号. */
  ongoingLived?: boolean;
  /** A 督办单 must be answered (督办回复), escalates when it is not, and is closed by the supervisor. */
  supervisionReply?: boolean;
}

/** The features every new measure gets (initialState). */
export const CURRENT_FEATURES: Required<MeasureFeatures> = {
  cooperation: true,
  ongoingLived: true,
  supervisionReply: true,
};

export interface ExtensionRequest {
  by: string;
  at: string;
  requestedDueAt: string;
  reason: string;
}

/** Everything the workflow knows about one measure; plain JSON so it survives continue-as-new. */
export interface MeasureState {
  measureId: string;
  inspectionId: string;
  kind: MeasureKind;
  policy: TimerPolicy;
  participants: Participants;
  stage: Stage;
  round: number;
  /** The rectification deadline (整改时限); for 长期坚持 the next periodic report's due date. */
  dueAt: string;
  stageEnteredAt: string;
  /** Deadline of the current stage (what the colour light and the timers are measured against). */
  stageDueAt: string | null;
  escalationLevel: number;
  lastSubmission: Submission | null;
  pendingExtension: ExtensionRequest | null;
  /** Set when the look-back timer has fired: only then can the re-check be recorded. */
  lookBackDue: boolean;
  signedOffAt: string | null;
  reportsFiled: number;
  latestProgress: string | null;
  /** 原定时限: the deadline given at 交办, kept when the office or an extension moves it. */
  originalDueAt?: string;
  /** 交办要求: the office's instructions to the department. */
  instructions?: string | null;
  /** The deadline is provisional until 交办 (立行立改 and 长期坚持 created without a date): computed then from the policy. */
  dueOnAssign?: boolean;
  features?: MeasureFeatures;
  /** 领办: the leader who claimed the measure. */
  claimedBy?: string | null;
  claimedAt?: string | null;
  /** The cooperating departments' parts of the current round. */
  contributions?: Contribution[];
  /** The open 督办单, if any (measures with the supervisionReply feature). */
  supervision?: SupervisionNotice | null;
  /**
   * The working calendar fetched by the workflow (an activity, so it is in the history) when the
   * policy counts working days; a calendar change reaches it through the calendar_changed Update.
   */
  calendar?: WorkingCalendar;
}

/** Who is acting. Inspection roles are asserted by the API; measure roles are derived here. */
export interface Actor {
  personId: string;
  departmentId: string | null;
  inspectionRoles: InspectionRole[];
}

/** staff: the lead department's people (and, for measures created before cooperation had its own part, the cooperating ones). */
export type MeasureRole = InspectionRole | 'staff' | 'cooperating_staff' | 'responsible_leader';

export function measureRolesOf(state: Pick<MeasureState, 'participants' | 'features'>, actor: Actor): MeasureRole[] {
  const roles: MeasureRole[] = [...actor.inspectionRoles];
  const { leadDepartmentId, cooperatingDepartmentIds, responsibleLeaderId } = state.participants;
  const cooperating = !!actor.departmentId && cooperatingDepartmentIds.includes(actor.departmentId);
  if (actor.departmentId && actor.departmentId === leadDepartmentId) roles.push('staff');
  else if (cooperating) roles.push(state.features?.cooperation ? 'cooperating_staff' : 'staff');
  if (actor.personId === responsibleLeaderId) roles.push('responsible_leader');
  // The 承办人 works the measure even when filed under another department.
  if (!roles.includes('staff') && state.participants.assigneeId && actor.personId === state.participants.assigneeId) {
    roles.push('staff');
  }
  return roles;
}
