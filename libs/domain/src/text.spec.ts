import fc from 'fast-check';
import { characterCount, characterProblem, checkText } from './text';

/** What PostgreSQL's text type refuses or garbles: NUL and unpaired UTF-16 halves. */
function storable(value: string): boolean {
  return !value.includes('\u0000') && Buffer.from(value, 'utf8').toString('utf8') === value;
}

const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const hostile = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ud800',
  '\udc00',
  '\uffff',
);

describe('the text rule', () => {
  it('accepts only what PostgreSQL can store, and stores it normalised within its limit', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 80 }), fc.boolean(), (value, max, multiline) => {
        const check = checkText(value, { max, min: 1, multiline });
        if (!check.ok) return true;
        expect(storable(check.value)).toBe(true);
        expect(check.value).toBe(check.value.normalize('NFC').trim());
        expect(check.value.length).toBeGreaterThan(0);
        expect(characterCount(check.value)).toBeLessThanOrEqual(max);
        if (!multiline) expect(check.value).not.toMatch(/[\n\t]/);
      }),
    );
  });

  it('refuses any text holding a control character, a lone surrogate or a bidi override, naming it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), hostile, fc.string({ maxLength: 20 }), (before, bad, after) => {
        const check = checkText(`${before}${bad}${after}`, { max: 1000, multiline: true });
        expect(check.ok).toBe(false);
        if (!check.ok) expect(check.problem).toMatch(/U\+[0-9A-F]{4}/);
      }),
    );
  });

  it('is idempotent: normalised text passes unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const first = checkText(value, { max: 1000, multiline: true });
        if (!first.ok) return true;
        const second = checkText(first.value, { max: 1000, multiline: true });
        expect(second).toEqual(first);
      }),
    );
  });

  it('treats only spaces, also full-width ones, as blank', () => {
    for (const value of ['   ', '\u3000\u3000', ' \n\t ']) {
      expect(checkText(value, { max: 10, min: 1, multiline: true })).toEqual({
        ok: false,
        problem: 'must not be blank',
      });
    }
    expect(checkText('  整改  ', { max: 10, min: 1 })).toEqual({ ok: true, value: '整改' });
  });

  it('counts characters as PostgreSQL does (an astral character is one)', () => {
    expect(checkText('😀'.repeat(5), { max: 5 })).toEqual({ ok: true, value: '😀'.repeat(5) });
    expect(checkText('😀'.repeat(6), { max: 5 })).toMatchObject({
      ok: false,
      problem: 'is longer than 5 characters (6)',
    });
  });

  it('keeps names on one line, and CRLF in long texts becomes LF', () => {
    expect(characterProblem('a\nb', false)).toBe('must be one line (it contains a line break at position 2)');
    expect(checkText('一是\r\n二是', { max: 10, multiline: true })).toEqual({ ok: true, value: '一是\n二是' });
    expect(checkText('e\u0301', { max: 10 })).toEqual({ ok: true, value: '\u00e9' });
  });
});
