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

/**
 * What each action's input asks of a person, for the validators (transitions.ts) and the
 * workbench's forms alike: the field for their words and when it is required, the decision and
 * its two answers (going ahead first, then the refusal that needs words), a date, evidence files.
 */
export interface ActionForm {
  /** The field that carries the person's words, if the action takes any. */
  text: 'reason' | 'summary' | 'note' | null;
  /** Required always, never, or only with the decision's refusing answer. */
  textRequired: 'always' | 'never' | 'refusal';
  /** The field of the decision and its answers; for `approve` the answers stand for true and false. */
  decision: { field: 'decision' | 'approve' | 'result'; answers: readonly [string, string] } | null;
  /** A day the person picks; `refusal`: only offered with the refusing answer. */
  date: { field: 'requestedDueAt' | 'newDueAt'; required: boolean; refusal: boolean } | null;
  /** Evidence files the person picks (at least one). */
  evidence: boolean;
}

export const ACTION_FORMS: Record<ActionName, ActionForm> = {
  assign: { text: null, textRequired: 'never', decision: null, date: null, evidence: false },
  submit_evidence: { text: 'summary', textRequired: 'always', decision: null, date: null, evidence: true },
  report_progress: { text: 'summary', textRequired: 'always', decision: null, date: null, evidence: false },
  request_extension: {
    text: 'reason',
    textRequired: 'always',
    decision: null,
    date: { field: 'requestedDueAt', required: true, refusal: false },
    evidence: false,
  },
  decide_extension: {
    text: 'reason',
    textRequired: 'refusal',
    decision: { field: 'approve', answers: ['approve', 'refuse'] },
    date: null,
    evidence: false,
  },
  review: {
    text: 'reason',
    textRequired: 'refusal',
    decision: { field: 'decision', answers: ['approve', 'reject'] },
    date: null,
    evidence: false,
  },
  sign_off: {
    text: 'reason',
    textRequired: 'refusal',
    decision: { field: 'decision', answers: ['approve', 'return'] },
    date: null,
    evidence: false,
  },
  record_look_back: {
    text: 'note',
    textRequired: 'refusal',
    decision: { field: 'result', answers: ['holds', 'rebound'] },
    date: { field: 'newDueAt', required: false, refusal: true },
    evidence: false,
  },
  conclude: { text: 'note', textRequired: 'always', decision: null, date: null, evidence: false },
  supervise: { text: 'reason', textRequired: 'always', decision: null, date: null, evidence: false },
};

/** Whether the input gives the decision's refusing answer (reject, return, refuse, rebound). */
export function isRefusal(action: ActionName, input: Record<string, unknown>): boolean {
  const decision = ACTION_FORMS[action].decision;
  if (!decision) return false;
  const value = input[decision.field];
  return decision.field === 'approve' ? value === false : value === decision.answers[1];
}

/** Whether the action's words are required, given whether the person refuses. */
export function textRequired(action: ActionName, refusing: boolean): boolean {
  const { text, textRequired: when } = ACTION_FORMS[action];
  return text !== null && (when === 'always' || (when === 'refusal' && refusing));
}
