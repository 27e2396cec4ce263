import type { MeasureRole } from './measure-state';

export const ACTIONS = [
  'assign',
  'submit_evidence',
  'report_progress',
  'request_extension',
  'decide_extension',
  'review',
  'sign_off',
  'record_look_back',
  'conclude',
  'supervise',
  'reassign',
  'change_deadline',
  'edit_text',
  'void',
  'reopen',
  'claim',
  'contribute',
  'urge',
  'answer_supervision',
  'close_supervision',
] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface AssignInput {
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  /** 承办人: a person of the lead department who then gets the work. */
  assigneeId?: string | null;
  /** 交办要求: instructions shown to the department. */
  instructions?: string;
  /** The deadline confirmed or changed (omitted: the plan's; 立行立改 without one: the policy's immediateWithin). */
  dueAt?: string;
}
/** 调整责任: the office moves a measure to other owners; only the fields given change. */
export interface ReassignInput {
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  assigneeId?: string | null;
  reason: string;
}
/** 调整时限 by the office (with the responsible leader's consent) or the group head; the original deadline is kept. */
export interface ChangeDeadlineInput {
  dueAt?: string;
  kind?: 'immediate' | 'deadline' | 'ongoing';
  reason: string;
  /** The responsible leader who agreed (需经责任领导同意), when the office and not the group head changes it. */
  approvedById?: string;
}
/** 修改措施: the measure's text, the earlier wording kept in the audit trail. */
export interface EditTextInput {
  text: string;
  reason?: string;
}
/** 作废: the measure is withdrawn from the plan; its workflow ends and it leaves every count. */
export interface VoidInput {
  reason: string;
}
export interface SubmitEvidenceInput {
  summary: string;
  evidenceIds: string[];
}
export interface ReportProgressInput {
  summary: string;
  evidenceIds?: string[];
}
export interface RequestExtensionInput {
  requestedDueAt: string;
  reason: string;
}
export interface DecideExtensionInput {
  approve: boolean;
  reason?: string;
}
export interface ReviewInput {
  decision: 'approve' | 'reject';
  reason?: string;
}
export interface SignOffInput {
  decision: 'approve' | 'return';
  reason?: string;
}
export interface LookBackInput {
  result: 'holds' | 'rebound';
  note?: string;
  newDueAt?: string;
}
export interface ConcludeInput {
  note: string;
}
/** 督办单: the supervisor escalates a measure at once, with the reason. */
export interface SuperviseInput {
  reason: string;
}

/** 重新整改: a closed measure reopened because the problem came back (反弹回潮, found later or reported by the public). */
export interface ReopenInput {
  reason: string;
  /** The new rectification deadline. */
  dueAt: string;
}
/** 领办: a leader claims the measure as his own to drive. */
export interface ClaimInput {
  note?: string;
}
/** 配合反馈: a cooperating department's own part, given to the lead department. */
export interface ContributeInput {
  summary: string;
  evidenceIds?: string[];
}
/** 催办: a reminder now to whoever must act, with a message. */
export interface UrgeInput {
  message: string;
}

/** 督办回复: the addressee answers the 督办单. */
export interface AnswerSupervisionInput {
  text: string;
  evidenceIds?: string[];
}
/** The supervisor closes the answered 督办单, or sends it back for a better answer. */
export interface CloseSupervisionInput {
  decision: 'close' | 'return';
  reason?: string;
}

export interface ActionInputs {
  assign: AssignInput;
  submit_evidence: SubmitEvidenceInput;
  report_progress: ReportProgressInput;
  request_extension: RequestExtensionInput;
  decide_extension: DecideExtensionInput;
  review: ReviewInput;
  sign_off: SignOffInput;
  record_look_back: LookBackInput;
  conclude: ConcludeInput;
  supervise: SuperviseInput;
  reassign: ReassignInput;
  change_deadline: ChangeDeadlineInput;
  edit_text: EditTextInput;
  void: VoidInput;
  reopen: ReopenInput;
  claim: ClaimInput;
  contribute: ContributeInput;
  urge: UrgeInput;
  answer_supervision: AnswerSupervisionInput;
  close_supervision: CloseSupervisionInput;
}

/** Who may take each action (any one of the roles suffices). */
export const ACTION_ROLES: Record<ActionName, MeasureRole[]> = {
  assign: ['office'],
  submit_evidence: ['staff'],
  report_progress: ['staff'],
  request_extension: ['staff'],
  decide_extension: ['responsible_leader', 'group_head'],
  review: ['reviewer', 'office'],
  sign_off: ['responsible_leader', 'group_head'],
  record_look_back: ['supervisor', 'office'],
  conclude: ['office'],
  supervise: ['supervisor'],
  reassign: ['office'],
  change_deadline: ['office', 'group_head'],
  edit_text: ['office'],
  void: ['office'],
  reopen: ['supervisor', 'office'],
  claim: ['responsible_leader', 'group_head'],
  contribute: ['cooperating_staff'],
  urge: ['office', 'supervisor'],
  answer_supervision: ['staff', 'responsible_leader'],
  close_supervision: ['supervisor'],
};

export const ACTION_LABELS: Record<ActionName, string> = {
  assign: '交办',
  submit_evidence: '提交佐证材料',
  report_progress: '报送进展',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  review: '审核',
  sign_off: '销号',
  record_look_back: '回头看',
  conclude: '结束长期坚持',
  supervise: '督办',
  reassign: '调整责任',
  change_deadline: '调整时限',
  edit_text: '修改措施',
  void: '作废',
  reopen: '重新整改',
  claim: '领办',
  contribute: '配合反馈',
  urge: '催办',
  answer_supervision: '督办回复',
  close_supervision: '督办办结',
};

/** The office's upkeep of the plan (not a step of the measure's own work). */
export const PLAN_ACTIONS: readonly ActionName[] = ['reassign', 'change_deadline', 'edit_text', 'void'];

// The forms' table: kept beside the actions for those who import it from here (the workbench).
export * from './action-forms';
