import type { MeasureKind, Stage } from './stage';

/**
 * The done rule, as offices and the seed notice count: a measure is 已完成 once signed off (销号:
 * in 回头看 or 办结) — the look-back checks it later, and a rebound takes it out again; a 长期坚持
 * measure whose periodic report is on time (or filed and waiting for review) is 持续推进; everything
 * else is 未完成. A voided measure
 * (作废) is in none of them and in no total. The persistence layer's PROGRESS_SQL says the same in SQL.
 */
export const PROGRESS = ['done', 'ongoing', 'open'] as const;
export type Progress = (typeof PROGRESS)[number];

export const PROGRESS_LABELS: Record<Progress, string> = {
  done: '已完成',
  ongoing: '持续推进',
  open: '未完成',
};

export interface ProgressFacts {
  stage: Stage;
  kind: MeasureKind;
  /** The current stage's due date (for 长期坚持 in 整改: the next periodic report). */
  stageDueAt: string | Date | null;
}

/** Which of the three a measure is in now; null when it counts in none (voided). */
export function progressOf(measure: ProgressFacts, now: Date): Progress | null {
  if (measure.stage === 'voided') return null;
  if (measure.stage === 'lookback' || measure.stage === 'closed') return 'done';
  if (measure.kind !== 'ongoing') return 'open';
  // A periodic report waiting for review was filed: the department is on time whatever the reviewer does.
  if (measure.stage === 'review') return 'ongoing';
  const reportOnTime = measure.stageDueAt === null || new Date(measure.stageDueAt).getTime() >= now.getTime();
  return measure.stage === 'rectify' && reportOnTime ? 'ongoing' : 'open';
}

/** A problem is 已整改销号 when it has measures (voided ones aside) and every one is 已完成. */
export function problemDone(measures: ProgressFacts[], now: Date): boolean {
  const counted = measures.map((measure) => progressOf(measure, now)).filter((progress) => progress !== null);
  return counted.length > 0 && counted.every((progress) => progress === 'done');
}

/** 完成率: 已完成 over the measures counted (0 with none). */
export function completionRate(done: number, measures: number): number {
  return measures > 0 ? done / measures : 0;
}

/** A rate as offices write it, in per cent to one decimal (0.7, 33.3, 100): the dashboard and the papers alike. */
export function percent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}
