/** What each action's form asks of a person: the validators and the workbench read the same table. */
import type { ActionName } from './actions';

/**
 * What each action's input asks of a person, for the validators (transitions.ts) and the
 * workbench's forms alike: the field for their words and when it is required, the decision and
 * its two answers (going ahead first, then the refusal that needs words), a date, evidence files.
 */
export interface ActionForm {
  /** The field that carries the person's words, if the action takes any. */
  text: 'reason' | 'summary' | 'note' | 'instructions' | 'text' | 'message' | null;
  /** Required always, never, or only with the decision's refusing answer. */
  textRequired: 'always' | 'never' | 'refusal';
  /** The field of the decision and its answers; for `approve` the answers stand for true and false. */
  decision: { field: 'decision' | 'approve' | 'result'; answers: readonly [string, string] } | null;
  /** A day the person picks; `refusal`: only offered with the refusing answer. */
  date: { field: 'requestedDueAt' | 'newDueAt' | 'dueAt'; required: boolean; refusal: boolean } | null;
  /** Evidence files the person picks: at least one (`required`), any number (`optional`), or none offered. */
  evidence: 'required' | 'optional' | false;
}

export const ACTION_FORMS: Record<ActionName, ActionForm> = {
  assign: {
    text: 'instructions',
    textRequired: 'never',
    decision: null,
    date: { field: 'dueAt', required: false, refusal: false },
    evidence: false,
  },
  submit_evidence: { text: 'summary', textRequired: 'always', decision: null, date: null, evidence: 'required' },
  report_progress: { text: 'summary', textRequired: 'always', decision: null, date: null, evidence: 'optional' },
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
  reassign: { text: 'reason', textRequired: 'always', decision: null, date: null, evidence: false },
  change_deadline: {
    text: 'reason',
    textRequired: 'always',
    decision: null,
    date: { field: 'dueAt', required: false, refusal: false },
    evidence: false,
  },
  edit_text: { text: 'text', textRequired: 'always', decision: null, date: null, evidence: false },
  void: { text: 'reason', textRequired: 'always', decision: null, date: null, evidence: false },
  reopen: {
    text: 'reason',
    textRequired: 'always',
    decision: null,
    date: { field: 'dueAt', required: true, refusal: false },
    evidence: false,
  },
  claim: { text: 'note', textRequired: 'never', decision: null, date: null, evidence: false },
  contribute: { text: 'summary', textRequired: 'always', decision: null, date: null, evidence: 'optional' },
  urge: { text: 'message', textRequired: 'always', decision: null, date: null, evidence: false },
  answer_supervision: { text: 'text', textRequired: 'always', decision: null, date: null, evidence: 'optional' },
  close_supervision: {
    text: 'reason',
    textRequired: 'refusal',
    decision: { field: 'decision', answers: ['close', 'return'] },
    date: null,
    evidence: false,
  },
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
