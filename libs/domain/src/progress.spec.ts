import { completionRate, problemDone, progressOf } from './progress';
import { STAGES } from './stage';

const now = new Date('2025-03-01T00:00:00Z');
const later = '2025-04-01T00:00:00Z';
const earlier = '2025-02-01T00:00:00Z';

describe('the done rule: 已完成 at 销号, 持续推进, 未完成, voided in none', () => {
  it('counts a measure as done from 销号 on (回头看 and 办结), not before', () => {
    const expected: Record<string, string | null> = {
      assign: 'open',
      rectify: 'open',
      review: 'open',
      signoff: 'open',
      lookback: 'done',
      closed: 'done',
      voided: null,
    };
    for (const stage of STAGES)
      expect({ stage, progress: progressOf({ stage, kind: 'deadline', stageDueAt: later }, now) }).toEqual({
        stage,
        progress: expected[stage],
      });
  });

  it('a look-back rebound (back to 整改) takes the measure out of done again', () => {
    expect(progressOf({ stage: 'lookback', kind: 'deadline', stageDueAt: later }, now)).toBe('done');
    expect(progressOf({ stage: 'rectify', kind: 'deadline', stageDueAt: later }, now)).toBe('open');
  });

  it('a 长期坚持 measure is 持续推进 while its report is on time, 未完成 once it is late', () => {
    expect(progressOf({ stage: 'rectify', kind: 'ongoing', stageDueAt: later }, now)).toBe('ongoing');
    expect(progressOf({ stage: 'rectify', kind: 'ongoing', stageDueAt: earlier }, now)).toBe('open');
    expect(progressOf({ stage: 'assign', kind: 'ongoing', stageDueAt: null }, now)).toBe('open');
    expect(progressOf({ stage: 'closed', kind: 'ongoing', stageDueAt: null }, now)).toBe('done');
    // A report filed and waiting for review is on time, even when the review itself is late.
    expect(progressOf({ stage: 'review', kind: 'ongoing', stageDueAt: earlier }, now)).toBe('ongoing');
    expect(progressOf({ stage: 'signoff', kind: 'ongoing', stageDueAt: later }, now)).toBe('open');
  });

  it('a problem is 已整改销号 when every measure but the voided ones is done', () => {
    const done = { stage: 'lookback' as const, kind: 'deadline' as const, stageDueAt: later };
    const voided = { stage: 'voided' as const, kind: 'deadline' as const, stageDueAt: null };
    const open = { stage: 'review' as const, kind: 'deadline' as const, stageDueAt: later };
    expect(problemDone([done, voided], now)).toBe(true);
    expect(problemDone([done, open], now)).toBe(false);
    expect(problemDone([voided], now)).toBe(false);
    expect(problemDone([], now)).toBe(false);
  });

  it('完成率 is done over the counted measures', () => {
    expect(completionRate(3, 4)).toBe(0.75);
    expect(completionRate(0, 0)).toBe(0);
  });
});
