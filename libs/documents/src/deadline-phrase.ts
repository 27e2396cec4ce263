/**
 * A 整改时限 as plans write it, read into a date and a kind: `2024年9月30日前`, `2024年9月底前`,
 * `2024年底前`, `2024年三季度`, `2024年上半年`, `立行立改`, `长期坚持`, and combinations of them.
 */
import { chineseToNumber } from './chinese-numerals';
import type { ParsedDeadline } from './document-model';

const IMMEDIATE = /立行立改|立查立改|立即整改|马上就改|即知即改/;
const ONGOING = /长期坚持|持续推进|长期推进|持续整改|常态化|长期/;

// Each alternative after the year, most specific first; the year itself is `\d{4}年`.
const DATE = new RegExp(
  [
    '(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})',
    '(\\d{4})年\\s*(?:' +
      [
        '(\\d{1,2})月\\s*(?:(\\d{1,2})\\s*[日号]|([上中下])旬|(?:底|末|份)?)',
        '(?:第)?([一二三四1-4])季度',
        '([上下])半年',
        '年?(?:底|末|内|中)?',
      ].join('|') +
      ')',
  ].join('|'),
  'g',
);

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Every date the phrase names, as the last day each allows. */
function datesIn(text: string): string[] {
  const dates: string[] = [];
  DATE.lastIndex = 0;
  for (let match = DATE.exec(text); match; match = DATE.exec(text)) {
    const [, y1, m1, d1, y2, m2, d2, tenth, quarter, half] = match;
    let date: string | null;
    if (y1) date = iso(Number(y1), Number(m1), Number(d1));
    else {
      const year = Number(y2);
      const month = Number(m2);
      if (m2 && d2) date = iso(year, month, Number(d2));
      else if (m2 && month >= 1 && month <= 12)
        date = iso(year, month, tenth === '上' ? 10 : tenth === '中' ? 20 : lastDayOf(year, month));
      else if (m2) date = null;
      else if (quarter) {
        const index = /\d/.test(quarter) ? Number(quarter) : chineseToNumber(quarter)!;
        date = iso(year, index * 3, lastDayOf(year, index * 3));
      } else if (half) date = half === '上' ? iso(year, 6, 30) : iso(year, 12, 31);
      else date = /^\d{4}年\s*年?中/.test(match[0]) ? iso(year, 6, 30) : iso(year, 12, 31);
    }
    if (date) dates.push(date);
  }
  return dates;
}

/**
 * The phrase's meaning: a date → kind deadline (the latest date when it names several); 立行立改 →
 * immediate; 长期坚持/持续推进 → ongoing, which wins over the others (`立行立改，长期坚持` never ends).
 * A phrase with none of these keeps only the phrase (no kind): the caller warns about it.
 */
export function parseDeadlinePhrase(phrase: string): ParsedDeadline {
  const written = phrase.trim().replace(/[。；;，,、\s]+$/, '');
  const text = written
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[／－．]/g, (mark) => String.fromCharCode(mark.charCodeAt(0) - 0xfee0));
  const dates = datesIn(text).sort();
  const dueDate = dates.length ? dates[dates.length - 1] : undefined;
  const kind = ONGOING.test(text) ? 'ongoing' : IMMEDIATE.test(text) ? 'immediate' : dueDate ? 'deadline' : undefined;
  return { phrase: written, ...(dueDate ? { dueDate } : {}), ...(kind ? { kind } : {}) };
}
