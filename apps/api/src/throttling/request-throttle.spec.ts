import { duration, throttleMessage } from './request-throttle.guard';

describe('throttle refusal text', () => {
  it('names the real window and the wait', () => {
    expect(throttleMessage(5, 10 * 60_000, 583)).toBe(
      'too many requests from this address (at most 5 in 10 minutes); try again in 10 minutes',
    );
    expect(throttleMessage(10, 60_000, 42)).toBe(
      'too many requests from this address (at most 10 in 1 minute); try again in 42 seconds',
    );
  });

  it('says seconds, minutes and hours as a person would', () => {
    expect([1, 45, 60, 90, 120, 121, 900, 3600, 7200, 604_800].map(duration)).toEqual([
      '1 second',
      '45 seconds',
      '1 minute',
      '90 seconds',
      '2 minutes',
      '3 minutes',
      '15 minutes',
      '60 minutes',
      '2 hours',
      '168 hours',
    ]);
  });
});
