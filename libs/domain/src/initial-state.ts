import type { TimerPolicy } from './policy';
import type { MeasureKind } from './stage';
import { CURRENT_FEATURES, MeasureState, Participants } from './measure-state';

export interface NewMeasure {
  measureId: string;
  inspectionId: string;
  kind: MeasureKind;
  policy: TimerPolicy;
  participants: Participants;
  dueAt: string;
  dueOnAssign?: boolean;
}

/** A measure starts waiting for the office to assign it (交办). */
export function initialState(measure: NewMeasure, now: Date): MeasureState {
  return {
    ...measure,
    stage: 'assign',
    round: 1,
    stageEnteredAt: now.toISOString(),
    stageDueAt: null,
    escalationLevel: 0,
    lastSubmission: null,
    pendingExtension: null,
    lookBackDue: false,
    signedOffAt: null,
    reportsFiled: 0,
    latestProgress: null,
    features: { ...CURRENT_FEATURES },
  };
}
