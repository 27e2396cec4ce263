import { digestByDefault, digestDayStart, digestText } from './mailer.service';

describe('the daily digest', () => {
  it('starts the digest day at the hour in China Standard Time', () => {
    // 09:30 in Beijing (01:30 UTC): the day began at 08:00 Beijing, 00:00 UTC.
    expect(digestDayStart(new Date('2026-03-02T01:30:00Z'), 8).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    // 07:30 in Beijing: still yesterday's digest day.
    expect(digestDayStart(new Date('2026-03-01T23:30:00Z'), 8).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    // Midnight in Beijing is 16:00 UTC the day before.
    expect(digestDayStart(new Date('2026-03-02T01:30:00Z'), 0).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('reads MAIL_DIGEST_DEFAULT, refusing anything but daily and immediate', () => {
    expect(digestByDefault({})).toBe(false);
    expect(digestByDefault({ MAIL_DIGEST_DEFAULT: 'daily' })).toBe(true);
    expect(digestByDefault({ MAIL_DIGEST_DEFAULT: 'immediate' })).toBe(false);
    expect(() => digestByDefault({ MAIL_DIGEST_DEFAULT: 'weekly' })).toThrow('MAIL_DIGEST_DEFAULT');
  });

  it('lists every notification, numbered, with its count', () => {
    const text = digestText([
      { title: '【交办】一', body: '正文一' },
      { title: '【催办】二', body: '正文二' },
    ]);
    expect(text).toContain('您有2条新的整改通知');
    expect(text).toContain('1. 【交办】一\n   正文一');
    expect(text).toContain('2. 【催办】二\n   正文二');
  });
});
