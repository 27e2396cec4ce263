import type { MeasureState, Stage } from '../libs/domain/src';

/** One audit-trail row plus the measure's read-model row after it; written together, idempotently. */
export interface ProjectionEvent {
  /** `<measureId>:<seq>`: the same event projected twice (retry, replay) lands once. */
  eventKey: string;
  measureId: string;
  inspectionId: string;
  seq: number;
  kind: 'action' | 'timer';
  action: string;
  actorId: string | null;
  idempotencyKey: string | null;
  fromStage: Stage;
  toStage: Stage;
  round: number;
  occurredAt: string;
  detail: Record<string, unknown>;
  state: MeasureState;
  yellowFrom: string | null;
}

export interface ProjectionActivities {
  projectMeasureEvent(event: ProjectionEvent): Promise<void>;
}
