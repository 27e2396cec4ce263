import type { Schemas } from '../../api';

type Row = Schemas['TimelineEntryResponse'];
type Measure = Schemas['MeasureDetailResponse'];

/** The rows that send a measure back to 整改 for another round: a review rejected, a 销号 returned, a rebound, a reopen. */
export function isReturn(row: Row): boolean {
  return (
    (row.action === 'review' && row.detail.decision === 'reject') ||
    (row.action === 'sign_off' && row.detail.decision === 'return') ||
    (row.action === 'record_look_back' && row.detail.result === 'rebound') ||
    row.action === 'reopen'
  );
}

const WORKING = ['rectify', 'review', 'signoff'];

/** The row that returned the measure into its current round, while that round's work is open (round > 1). */
export function lastReturn(rows: Row[], measure: Pick<Measure, 'round' | 'stage'>): Row | null {
  if (measure.round <= 1 || !WORKING.includes(measure.stage)) return null;
  return rows.filter(isReturn).at(-1) ?? null;
}

/** The words a row recorded as its reason (a reason, a note or a message). */
export function wordsOf(row: Row | null | undefined): string | null {
  if (!row) return null;
  const words = [row.detail.reason, row.detail.note, row.detail.message].find(
    (value) => typeof value === 'string' && value.trim() !== '',
  );
  return typeof words === 'string' ? words : null;
}

/** The latest submission (evidence, a periodic report or 结束长期坚持) the review or 销号 decides on. */
export function lastSubmission(rows: Row[]): Row | null {
  return rows.filter((row) => ['submit_evidence', 'report_progress', 'conclude'].includes(row.action)).at(-1) ?? null;
}

/** The latest review (its reason is the reviewer's opinion shown to the leader at 销号). */
export function lastReview(rows: Row[]): Row | null {
  return rows.filter((row) => row.action === 'review').at(-1) ?? null;
}

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The evidence files some action already submitted (a submission, a report, a cooperating department's part). */
export function submittedEvidence(rows: Row[]): Set<string> {
  return new Set(rows.flatMap((row) => idsOf(row.detail.evidenceIds)));
}

export { idsOf };
