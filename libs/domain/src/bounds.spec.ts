import { deadlineProblem } from './bounds';
import { resolvePolicy } from './policy';

describe('sanity bounds', () => {
  it('deadlines between 2000 and the end of 2100 (China time)', () => {
    expect(deadlineProblem(new Date('1990-06-30T00:00:00Z'))).toBe('is before 2000-01-01; check the year');
    expect(deadlineProblem(new Date('9999-06-30T00:00:00Z'))).toBe('is after 2100-12-31; check the year');
    expect(deadlineProblem(new Date('2100-12-31T23:59:59+08:00'))).toBeNull();
    expect(deadlineProblem(new Date('2024-06-30T23:59:59+08:00'))).toBeNull();
  });

  it('a policy refuses durations over five years, unknown fields and a non-boolean switch', () => {
    expect(resolvePolicy({ reviewWithin: 'P1000Y' }).errors).toEqual(['policy.reviewWithin is longer than P5Y']);
    expect(resolvePolicy({ escalateAfter: ['P0D', 'P99Y'] }).errors).toEqual([
      'policy.escalateAfter has a step longer than P5Y',
    ]);
    expect(resolvePolicy({ lookBackAfter: 'P5Y', remindBefore: ['PT1S'] }).errors).toEqual([]);
    expect(resolvePolicy({ bogus: 'P1D' } as never).errors).toEqual(['policy has unknown fields: bogus']);
    expect(resolvePolicy({ allowSubmitterSignOff: 'yes' } as never).errors).toEqual([
      'policy.allowSubmitterSignOff must be true or false',
    ]);
    expect(resolvePolicy({ allowSubmitterSignOff: true }).policy.allowSubmitterSignOff).toBe(true);
  });
});
