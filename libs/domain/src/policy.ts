import { durationTooLong, LONGEST_POLICY_DURATION } from './bounds';
import { addDuration, isDuration } from './duration';
import { isWorkingDaysDuration, PolicyDuration, resolveDuration, weekendsOnlyCalendar } from './working-days';

/**
 * Timer policy of one inspection. Every value is an ISO-8601 duration, so a demo or a test can
 * compress weeks into seconds; the fields typed PolicyDuration may instead count working days
 * (`{ "workingDays": 5 }`, on the PRC calendar). Defaults follow domain.md; see docs/architecture.md.
 */
export interface TimerPolicy {
  /** Reminders to the stage owner this long before the stage's due date. */
  remindBefore: PolicyDuration[];
  /** Escalation ladder after the due date: level 1 owner, 2 responsible leader, 3 group head, 4 督办单 to the supervisor. */
  escalateAfter: PolicyDuration[];
  /** Time the reviewer has to review submitted evidence. */
  reviewWithin: PolicyDuration;
  /** Time the responsible leader has to sign off (销号). */
  signOffWithin: PolicyDuration;
  /** Look-back (回头看) falls due this long after sign-off. */
  lookBackAfter: string;
  /** Once the look-back falls due, the supervisor has this long to record it before escalation. */
  lookBackWithin: PolicyDuration;
  /** Yellow light (黄灯) from this long before a due date. */
  yellowWithin: PolicyDuration;
  /** 长期坚持 measures report progress this often. */
  reportEvery: string;
  /** New rectification deadline after a look-back rebound, unless the supervisor sets one. */
  reboundRectifyWithin: string;
  /** 立行立改 measures given no date are due this long after 交办 (optional: policies written before it default to P30D). */
  immediateWithin?: string;
  /** 立行立改 measures may have a shorter escalation ladder than escalateAfter (same audiences, in order). */
  immediateEscalateAfter?: PolicyDuration[];
  /** A closed measure can be reopened (重新整改) for this long after it closed; its workflow waits that long. */
  reopenableFor?: string;
  /** Whether 长期坚持 periodic reports go to review (审核) before they count. */
  reviewOngoingReports?: boolean;
  /** A 督办单 must be answered within this (default P3D); unanswered, it escalates to the group head. */
  supervisionReplyWithin?: PolicyDuration;
  /**
   * The 整改报告 is due this long after the feedback day (default P2M, may be working days); its
   * reminders follow remindBefore. Read by the API and the worker's report sweep, never by a workflow.
   */
  reportWithin?: PolicyDuration;
  /**
   * Whether the person who submitted a round's evidence may also sign it off (销号), e.g. a small
   * unit whose responsible leader does the work himself. Off unless the inspection says so.
   */
  allowSubmitterSignOff?: boolean;
  /**
   * With a working calendar, a timer that falls on a day off fires at this hour (China time, 0–23;
   * default 9) of the next working day. Kept in each measure's state like the rest of the policy.
   */
  workdayStartHour?: number;
}

/** The policy's durations (every field but the switches): what a setup form edits as text. */
export type PolicyDurationField = Exclude<
  keyof TimerPolicy,
  'allowSubmitterSignOff' | 'reviewOngoingReports' | 'immediateEscalateAfter' | 'workdayStartHour'
>;

export const DEFAULT_POLICY: TimerPolicy & Required<Pick<TimerPolicy, PolicyDurationField>> = {
  remindBefore: ['P7D', 'P1D'],
  escalateAfter: ['P0D', 'P7D', 'P14D', 'P21D'],
  reviewWithin: 'P5D',
  signOffWithin: 'P5D',
  lookBackAfter: 'P90D',
  lookBackWithin: 'P14D',
  yellowWithin: 'P7D',
  reportEvery: 'P1M',
  reboundRectifyWithin: 'P30D',
  immediateWithin: 'P30D',
  reopenableFor: 'P1Y',
  supervisionReplyWithin: 'P3D',
  reportWithin: 'P2M',
};

export const ESCALATION_AUDIENCES = ['owner', 'responsible_leader', 'group_head', 'supervisor'] as const;
export type EscalationAudience = (typeof ESCALATION_AUDIENCES)[number];

const SINGLE_FIELDS = [
  'reviewWithin',
  'signOffWithin',
  'lookBackAfter',
  'lookBackWithin',
  'yellowWithin',
  'reportEvery',
  'reboundRectifyWithin',
  'immediateWithin',
  'reopenableFor',
  'supervisionReplyWithin',
  'reportWithin',
] as const;

/** The fields that may count working days; the others stay calendar time. */
const WORKING_DAY_FIELDS = new Set<string>([
  'reviewWithin',
  'signOffWithin',
  'lookBackWithin',
  'yellowWithin',
  'supervisionReplyWithin',
  'reportWithin',
]);

/** Why a policy duration is refused, or null. */
function durationProblem(value: unknown, workingDaysAllowed: boolean): string | null {
  if (workingDaysAllowed && isWorkingDaysDuration(value)) return null;
  if (typeof value !== 'string' || !isDuration(value))
    return workingDaysAllowed
      ? 'must be an ISO-8601 duration or { "workingDays": n } (n from 0 to 1000)'
      : 'must be an ISO-8601 duration';
  if (durationTooLong(value)) return TOO_LONG;
  return null;
}

const TOO_LONG = `is longer than ${LONGEST_POLICY_DURATION}`;

/** An instant a policy duration from `from`, on weekends only when it counts working days (for ordering checks). */
function policyInstant(from: Date, duration: PolicyDuration): Date {
  return typeof duration === 'string'
    ? addDuration(from, duration)
    : resolveDuration(weekendsOnlyCalendar(), from, duration);
}

/** A refused value as the refusal quotes it: its start only, so a megabyte sent is not a megabyte answered. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} characters)` : text;
}

/** Merges a partial policy onto the defaults and lists every invalid field by name. */
export function resolvePolicy(partial: Partial<TimerPolicy> | undefined | null): {
  policy: TimerPolicy;
  errors: string[];
} {
  const policy: TimerPolicy = { ...DEFAULT_POLICY, ...(partial ?? {}) };
  const errors: string[] = [];
  for (const field of SINGLE_FIELDS) {
    const value = policy[field];
    const problem = durationProblem(value, WORKING_DAY_FIELDS.has(field));
    if (problem === TOO_LONG) errors.push(`policy.${field} ${problem}`);
    else if (problem) errors.push(`policy.${field} ${problem} (got ${shown(value)})`);
  }
  for (const field of ['remindBefore', 'escalateAfter', 'immediateEscalateAfter'] as const) {
    const list = policy[field];
    if (field === 'immediateEscalateAfter' && list === undefined) continue;
    const problems = Array.isArray(list) ? list.map((item) => durationProblem(item, true)) : [];
    if (!Array.isArray(list) || problems.some((problem) => problem && problem !== TOO_LONG)) {
      errors.push(`policy.${field} must be a list of ISO-8601 durations or { "workingDays": n } (got ${shown(list)})`);
    } else if (list.length > 10) {
      errors.push(`policy.${field} has more than 10 steps`);
    } else if (problems.includes(TOO_LONG)) {
      errors.push(`policy.${field} has a step longer than ${LONGEST_POLICY_DURATION}`);
    }
  }
  if (Array.isArray(policy.escalateAfter) && policy.escalateAfter.length > ESCALATION_AUDIENCES.length) {
    errors.push(
      `policy.escalateAfter has at most ${ESCALATION_AUDIENCES.length} steps (owner, responsible leader, group head, supervisor)`,
    );
  }
  for (const field of ['allowSubmitterSignOff', 'reviewOngoingReports'] as const) {
    if (policy[field] !== undefined && typeof policy[field] !== 'boolean')
      errors.push(`policy.${field} must be true or false`);
  }
  const hour = policy.workdayStartHour;
  if (hour !== undefined && !(Number.isInteger(hour) && hour >= 0 && hour <= 23))
    errors.push(`policy.workdayStartHour must be a whole hour from 0 to 23 (got ${shown(hour)})`);
  if (
    Array.isArray(policy.immediateEscalateAfter) &&
    policy.immediateEscalateAfter.length > ESCALATION_AUDIENCES.length
  )
    errors.push(`policy.immediateEscalateAfter has at most ${ESCALATION_AUDIENCES.length} steps`);
  const known = new Set<string>([
    ...SINGLE_FIELDS,
    'remindBefore',
    'escalateAfter',
    'immediateEscalateAfter',
    'allowSubmitterSignOff',
    'reviewOngoingReports',
    'workdayStartHour',
  ]);
  const unknown = Object.keys(partial ?? {}).filter((field) => !known.has(field));
  if (unknown.length)
    errors.push(
      `policy has unknown fields: ${unknown
        .slice(0, 10)
        .map((field) => field.slice(0, 40))
        .join(', ')}`,
    );
  if (errors.length === 0) {
    const origin = new Date(0);
    const offsets = policy.escalateAfter.map((item) => policyInstant(origin, item).getTime());
    if (offsets.some((value, index) => index > 0 && value < offsets[index - 1])) {
      errors.push('policy.escalateAfter must be in ascending order');
    }
  }
  return { policy, errors };
}
