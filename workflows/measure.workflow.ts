/**
 * One durable workflow per rectification measure: assign → rectify → review → sign-off → look-back → closed.
 * Deterministic: only @temporalio/workflow, pure domain code and type-only imports. Every side effect
 * (the read model, the audit trail) goes through the projection activity.
 */
import * as wf from '@temporalio/workflow';
import {
  ACTIONS,
  ActionName,
  applyAction,
  applyTimer,
  authorise,
  calendarRange,
  onCalendar,
  usesWorkingDays,
  authoriseInput,
  FINAL_STAGES,
  planTimers,
  reopenWindowMs,
  TimerEvent,
  validateInput,
  yellowFrom,
} from '../libs/domain/src';
import type { MeasureState } from '../libs/domain/src';
import {
  ActionRequest,
  ActionResult,
  actionUpdates,
  calendarChangedUpdate,
  IDEMPOTENCY_CONFLICT,
  MeasureOutcome,
  MeasureWorkflowInput,
  RememberedResult,
  snapshotQuery,
} from './measure.contract';
import type { CalendarActivities } from './calendar.types';
import { projectionRejection, toFailure } from './measure-failures';
import type { ProjectionActivities, ProjectionEvent } from './projection.types';

const { workingCalendar } = wf.proxyLocalActivities<CalendarActivities>({
  startToCloseTimeout: '30s',
  retry: {
    initialInterval: '200ms',
    backoffCoefficient: 2,
    maximumInterval: '10s',
    nonRetryableErrorTypes: ['INVALID_INPUT'],
  },
});

const { projectMeasureEvent } = wf.proxyLocalActivities<ProjectionActivities>({
  startToCloseTimeout: '30s',
  // The read model must eventually get every event: retry without limit, backing off to 10 s.
  // Only an action the database can never store fails at once (PROJECTION_REJECTED, non-retryable).
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/** Idempotency keys remembered inside the workflow (the audit trail in PostgreSQL remembers them all). */
const REMEMBERED_RESULTS = 200;

/** Patch id of the rules added after workflows were running (text rule, no 销号 of one's own submission). */
const STRICT_RULES_PATCH = 'strict-text-and-signoff-2026-12';
/** Patch id of fetching the working calendar for a policy that counts working days. */
const WORKING_DAYS_PATCH = 'working-days-2026-12';
/** Patch id of the wait after 办结 during which a measure can be reopened (重新整改). */
const REOPEN_WINDOW_PATCH = 'reopen-window-2026-12';
/** Patch id of the plan's content at 交办 (承办人, 交办要求, the original deadline, a deadline not before today). */
const PLAN_RULES_PATCH = 'plan-content-2026-12';
/** Patch id of a calendar change re-planning an open 督办单's working-day reply deadline. */
const CALENDAR_SUPERVISION_PATCH = 'calendar-supervision-reply-2026-12';

export async function measureWorkflow(input: MeasureWorkflowInput): Promise<MeasureOutcome> {
  let state: MeasureState = input.state;
  let seq = input.seq ?? 0;
  let version = 0;
  const handledTimers = new Set(input.handledTimers ?? []);
  const results = new Map<string, RememberedResult>(input.recentResults ?? []);

  const remember = (key: string, result: RememberedResult) => {
    results.set(key, result);
    if (results.size > REMEMBERED_RESULTS) results.delete(results.keys().next().value as string);
  };

  const project = (
    event: Omit<
      ProjectionEvent,
      'eventKey' | 'measureId' | 'inspectionId' | 'state' | 'yellowFrom' | 'occurredAt' | 'seq' | 'round' | 'toStage'
    >,
  ) =>
    projectMeasureEvent({
      ...event,
      eventKey: `${state.measureId}:${seq}`,
      measureId: state.measureId,
      inspectionId: state.inspectionId,
      seq,
      round: state.round,
      toStage: state.stage,
      occurredAt: new Date().toISOString(),
      state,
      yellowFrom: yellowFrom(state),
    });

  // A policy counting working days needs the calendar before any action can use it: fetched through
  // an activity, so it is in the history and a replay gives the same deadlines after it changed. The
  // handlers are set first (setting one is no command, so histories replay as before): an Update that
  // came with the start would otherwise find none when the first activation ends, and be rejected.
  const needsCalendar = usesWorkingDays(state.policy) && !state.calendar && wf.patched(WORKING_DAYS_PATCH);
  let calendarReady = !needsCalendar;

  wf.setHandler(snapshotQuery, () => ({ state, seq }));

  wf.setHandler(calendarChangedUpdate, async () => {
    if (!state.calendar) return { version: null, changed: false };
    const fresh = await workingCalendar(calendarRange(new Date()));
    const previousVersion = state.calendar.version;
    if (fresh.version === previousVersion) return { version: fresh.version, changed: false };
    const fromStage = state.stage;
    state = onCalendar(state, fresh, { supervision: wf.patched(CALENDAR_SUPERVISION_PATCH) });
    seq += 1;
    version += 1;
    await project({
      kind: 'timer',
      action: 'calendar_changed',
      actorId: null,
      idempotencyKey: null,
      fromStage,
      detail: {
        previousVersion,
        version: fresh.version,
        stageDueAt: state.stageDueAt,
        replyDueAt: state.supervision?.replyDueAt,
      },
    });
    return { version: fresh.version, changed: true };
  });

  for (const action of ACTIONS) {
    registerAction(action);
  }

  if (needsCalendar) {
    state = { ...state, calendar: await workingCalendar(calendarRange(new Date())) };
    calendarReady = true;
  }

  function registerAction<A extends ActionName>(action: A) {
    wf.setHandler(
      actionUpdates[action] as ReturnType<typeof wf.defineUpdate<ActionResult, [ActionRequest<A>]>>,
      async (request: ActionRequest<A>): Promise<ActionResult> => {
        // An action that came with the start waits for the calendar its deadlines are counted on.
        if (!calendarReady) await wf.condition(() => calendarReady);
        const earlier = results.get(request.idempotencyKey);
        if (earlier) {
          const { requestHash: _hash, ...answer } = earlier;
          return { ...answer, duplicate: true };
        }
        const previous = state;
        let transition;
        try {
          transition = applyAction(state, action, request.input, request.actor, new Date(), {
            strict: wf.patched(STRICT_RULES_PATCH),
            plan: action === 'assign' ? wf.patched(PLAN_RULES_PATCH) : true,
          });
        } catch (error) {
          throw toFailure(error);
        }
        // State changes before the first await, so a concurrent conflicting action sees the new stage.
        state = transition.state;
        seq += 1;
        version += 1;
        const ownSeq = seq;
        const result: ActionResult = {
          measureId: state.measureId,
          action,
          stage: state.stage,
          round: state.round,
          dueAt: state.dueAt,
          stageDueAt: state.stageDueAt,
          seq,
        };
        remember(request.idempotencyKey, { ...result, requestHash: request.requestHash });
        try {
          await project({
            kind: 'action',
            action,
            actorId: request.actor.personId,
            idempotencyKey: request.idempotencyKey,
            fromStage: transition.fromStage,
            detail: request.requestHash
              ? { ...transition.detail, requestHash: request.requestHash }
              : transition.detail,
          });
        } catch (error) {
          const rejection = projectionRejection(error);
          if (rejection === null) throw error;
          // Nothing was written: undo the action unless a later event already built on it.
          if (seq === ownSeq) {
            state = previous;
            seq -= 1;
            version += 1;
            results.delete(request.idempotencyKey);
          }
          wf.log.error('ALERT: the read model refused an accepted action; it was not recorded', { action, rejection });
          throw wf.ApplicationFailure.create({
            type: 'INVALID_INPUT',
            message: `the action was not recorded: ${rejection}`,
            nonRetryable: true,
          });
        }
        return result;
      },
      {
        validator: (request: ActionRequest<A>) => {
          if (!request || typeof request.idempotencyKey !== 'string' || !request.idempotencyKey) {
            throw wf.ApplicationFailure.create({
              type: 'INVALID_INPUT',
              message: 'idempotencyKey is required',
              nonRetryable: true,
            });
          }
          const earlier = results.get(request.idempotencyKey);
          if (earlier) {
            if (earlier.requestHash && request.requestHash && earlier.requestHash !== request.requestHash) {
              throw wf.ApplicationFailure.create({
                type: IDEMPOTENCY_CONFLICT,
                message: `idempotency key "${request.idempotencyKey}" was already used for a different request ("${earlier.action}") on this measure`,
                nonRetryable: true,
              });
            }
            return;
          }
          if (!request.actor || typeof request.actor.personId !== 'string') {
            throw wf.ApplicationFailure.create({
              type: 'INVALID_INPUT',
              message: 'actor is required',
              nonRetryable: true,
            });
          }
          try {
            authorise(state, action, request.actor);
            authoriseInput(state, action, request.input, request.actor);
            validateInput(state, action, request.input, new Date());
          } catch (error) {
            throw toFailure(error);
          }
        },
        description: `measure action ${action}`,
      },
    );
  }

  async function fireTimer(event: TimerEvent) {
    const fromStage = state.stage;
    state = applyTimer(state, event, new Date());
    seq += 1;
    version += 1;
    await project({
      kind: 'timer',
      action: event.kind,
      actorId: null,
      idempotencyKey: null,
      fromStage,
      detail: {
        level: event.level,
        audience: event.audience,
        offset: event.offset,
        scheduledAt: event.at,
        stageDueAt: state.stageDueAt,
      },
    });
  }

  for (;;) {
    while (!FINAL_STAGES.includes(state.stage)) {
      const plan = planTimers(state, handledTimers, new Date());
      for (const event of plan.skip) handledTimers.add(event.key);
      for (const event of plan.fire) {
        handledTimers.add(event.key);
        await fireTimer(event);
      }
      if (plan.fire.length > 0) continue;

      if (wf.workflowInfo().continueAsNewSuggested) {
        await wf.condition(wf.allHandlersFinished);
        const current = new Set(planTimers(state, new Set(), new Date()).fire.map((event) => event.key));
        return wf.continueAsNew<typeof measureWorkflow>({
          state,
          seq,
          handledTimers: [...handledTimers].filter(
            (key) => current.has(key) || key.startsWith(`${state.stage}:${state.round}:${state.stageEnteredAt}:`),
          ),
          recentResults: [...results.entries()],
        });
      }

      const seen = version;
      const waitMs = plan.next ? Math.max(1, Date.parse(plan.next.at) - Date.now()) : undefined;
      if (waitMs === undefined) await wf.condition(() => version !== seen);
      else await wf.condition(() => version !== seen, waitMs);
    }
    // 办结: the workflow stays open, waiting cheaply (no history grows), for a reopen (重新整改) until
    // reopenableFor has passed. Workflows that closed before this existed ended at once (patched).
    if (state.stage !== 'closed' || !wf.patched(REOPEN_WINDOW_PATCH)) break;
    const window = reopenWindowMs(state, Date.now());
    if (window <= 0 || !(await wf.condition(() => state.stage !== 'closed', window))) break;
  }

  await wf.condition(wf.allHandlersFinished);
  return { measureId: state.measureId, stage: state.stage, rounds: state.round, closedAt: state.stageEnteredAt };
}
