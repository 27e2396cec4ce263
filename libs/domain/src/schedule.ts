import { addDuration } from './duration';
import { ESCALATION_AUDIENCES, EscalationAudience } from './policy';
import type { MeasureState } from './measure-state';
import { missingContributions } from './plan-transitions';
import { offsetLabel, policyTime, timerInstant } from './policy-time';
import type { Colour } from './stage';

/** cooperation_reminder: to the cooperating departments that have not given their part (measures with that feature). */
export type TimerKind = 'reminder' | 'escalation' | 'look_back_due' | 'cooperation_reminder' | 'supervision_overdue';

export interface TimerEvent {
  /** Unique per stage entry, round and deadline: moving the deadline yields new keys. */
  key: string;
  kind: TimerKind;
  at: string;
  /** Escalation level 1..4 (owner, responsible leader, group head, 督办单 to the supervisor). */
  level: number;
  audience: EscalationAudience;
  /** The offset from the policy that produced this event, e.g. "P7D". */
  offset: string;
}

/** All timer events of the current stage, in time order, and an open 督办单's reply deadline. */
export function stageSchedule(state: MeasureState): TimerEvent[] {
  const notice = state.supervision;
  // Unanswered by its deadline, the 督办单 goes to the group head (whatever the stage).
  const supervision: TimerEvent[] =
    notice?.status === 'open' && state.stage !== 'closed' && state.stage !== 'voided'
      ? [
          {
            key: `supervision:${notice.issuedAt}:${notice.replyDueAt}:overdue`,
            kind: 'supervision_overdue',
            at: notice.replyDueAt,
            level: 3,
            audience: 'group_head',
            offset: 'P0D',
          },
        ]
      : [];
  return [...stageEvents(state), ...supervision].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || RANK[a.kind] - RANK[b.kind] || a.level - b.level,
  );
}

/** Stable order at one instant: reminders, the look-back falling due, then escalations. */
const RANK: Record<TimerKind, number> = {
  reminder: 0,
  cooperation_reminder: 0,
  look_back_due: 1,
  supervision_overdue: 2,
  escalation: 2,
};

function stageEvents(state: MeasureState): TimerEvent[] {
  if (state.stage === 'closed' || state.stage === 'assign' || !state.stageDueAt) return [];
  const due = new Date(state.stageDueAt);
  const prefix = `${state.stage}:${state.round}:${state.stageEnteredAt}:${state.stageDueAt}`;
  const events: TimerEvent[] = [];
  if (state.stage === 'lookback' && !state.lookBackDue) {
    // Before the re-check falls due there is nothing to remind or escalate: the measure is signed off.
    return [
      {
        key: `${prefix}:look_back_due`,
        kind: 'look_back_due',
        at: state.stageDueAt,
        level: 0,
        audience: 'supervisor',
        offset: 'P0D',
      },
    ];
  }
  state.policy.remindBefore.forEach((offset) => {
    events.push({
      key: `${prefix}:reminder:${offsetLabel(offset)}`,
      kind: 'reminder',
      at: timerInstant(state, policyTime(state, due, offset, -1)).toISOString(),
      level: 0,
      audience: 'owner',
      offset: offsetLabel(offset),
    });
  });
  if (state.features?.cooperation && state.stage === 'rectify' && missingContributions(state).length > 0) {
    state.policy.remindBefore.forEach((offset) => {
      events.push({
        key: `${prefix}:cooperation_reminder:${offsetLabel(offset)}`,
        kind: 'cooperation_reminder',
        at: timerInstant(state, policyTime(state, due, offset, -1)).toISOString(),
        level: 0,
        audience: 'owner',
        offset: offsetLabel(offset),
      });
    });
  }
  // 立行立改 in 整改 may have its own, shorter ladder.
  const ladder =
    state.kind === 'immediate' && state.stage === 'rectify' && state.policy.immediateEscalateAfter
      ? state.policy.immediateEscalateAfter
      : state.policy.escalateAfter;
  ladder.forEach((offset, index) => {
    const at = timerInstant(state, policyTime(state, due, offset)).toISOString();
    events.push({
      key: `${prefix}:escalation:${index + 1}`,
      kind: 'escalation',
      at,
      level: index + 1,
      audience: ESCALATION_AUDIENCES[index],
      offset: offsetLabel(offset),
    });
  });
  return events;
}

function isReminder(event: TimerEvent): boolean {
  return event.kind === 'reminder' || event.kind === 'cooperation_reminder';
}

export interface TimerPlan {
  /** Events to fire now, in order. */
  fire: TimerEvent[];
  /** Past events that are not worth sending any more (an older reminder superseded by a newer one). */
  skip: TimerEvent[];
  /** The next future event to wait for, if any. */
  next: TimerEvent | null;
}

/**
 * What to do at `now`: every escalation level that is due fires (each has its own audience), but of
 * several overdue reminders only the latest is sent — a measure created two days before its
 * deadline gets the one-day reminder, not a stale seven-day one as well.
 * Reminders before a stage started are never sent.
 */
export function planTimers(state: MeasureState, handled: ReadonlySet<string>, now: Date): TimerPlan {
  const pending = stageSchedule(state).filter((event) => !handled.has(event.key));
  const entered = Date.parse(state.stageEnteredAt);
  const past = pending.filter((event) => Date.parse(event.at) <= now.getTime());
  const future = pending.filter((event) => Date.parse(event.at) > now.getTime());
  const skip: TimerEvent[] = [];
  const fire: TimerEvent[] = [];
  // Of several overdue reminders of one kind, only the latest is sent.
  const latest = new Map<TimerKind, TimerEvent>();
  for (const event of past) if (isReminder(event)) latest.set(event.kind, event);
  for (const event of past) {
    if (isReminder(event) && (event !== latest.get(event.kind) || Date.parse(event.at) < entered)) skip.push(event);
    else fire.push(event);
  }
  return { fire, skip, next: future[0] ?? null };
}

/** 红黄绿灯: red past the stage's due date, yellow within the policy's warning window, else green. */
export function colourOf(
  state: Pick<MeasureState, 'stage' | 'stageDueAt' | 'policy' | 'lookBackDue' | 'calendar'>,
  now: Date,
): Colour {
  if (!state.stageDueAt || state.stage === 'closed' || state.stage === 'assign') return 'green';
  if (state.stage === 'lookback' && !state.lookBackDue) return 'green';
  const due = new Date(state.stageDueAt);
  if (now.getTime() > due.getTime()) return 'red';
  if (now.getTime() >= policyTime(state, due, state.policy.yellowWithin, -1).getTime()) return 'yellow';
  return 'green';
}

/** When the yellow light starts for the current stage (stored in the read model so lists can filter by colour in SQL). */
export function yellowFrom(
  state: Pick<MeasureState, 'stage' | 'stageDueAt' | 'policy' | 'lookBackDue' | 'calendar'>,
): string | null {
  if (!state.stageDueAt || state.stage === 'closed' || state.stage === 'assign') return null;
  if (state.stage === 'lookback' && !state.lookBackDue) return null;
  return policyTime(state, new Date(state.stageDueAt), state.policy.yellowWithin, -1).toISOString();
}

/**
 * What a fired timer does to the measure. A reminder changes nothing but the trail; an escalation
 * raises the level; the look-back falling due opens the re-check, with its own deadline.
 */
export function applyTimer(state: MeasureState, event: TimerEvent, now: Date): MeasureState {
  switch (event.kind) {
    case 'reminder':
    case 'cooperation_reminder':
    case 'supervision_overdue':
      return state;
    case 'escalation':
      return { ...state, escalationLevel: Math.max(state.escalationLevel, event.level) };
    case 'look_back_due':
      return {
        ...state,
        lookBackDue: true,
        stageDueAt: policyTime(state, now, state.policy.lookBackWithin).toISOString(),
      };
  }
}

/** How long a closed measure can still be reopened (重新整改): reopenableFor (default P1Y) after it closed. */
export function reopenWindowMs(state: Pick<MeasureState, 'stageEnteredAt' | 'policy'>, nowMs: number): number {
  return addDuration(new Date(state.stageEnteredAt), state.policy.reopenableFor ?? 'P1Y').getTime() - nowMs;
}
