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
] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface AssignInput {
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  dueAt?: string;
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
};
