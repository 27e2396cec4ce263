/**
 * The line level of the notice parser: text cleaned into one logical line per entry, and each line
 * recognised as a heading of the ladder `一、` / `(一)` / `1.` / `(1)` or as plain text.
 */
import { chineseToNumber } from './chinese-numerals';

export type Level = 1 | 2 | 3 | 4;

export const CHINESE = '零〇一二两三四五六七八九十百';
const HEADINGS: { level: Level; pattern: RegExp }[] = [
  { level: 1, pattern: new RegExp(`^([${CHINESE}]{1,4})\\s*[、，,]\\s*(.*)$`) },
  { level: 2, pattern: new RegExp(`^\\(\\s*([${CHINESE}]{1,4})\\s*\\)\\s*[、.]?\\s*(.*)$`) },
  { level: 3, pattern: /^(\d{1,3})\s*(?:[.、](?!\d)|\s+(?=\D))\s*(.*)$/ },
  { level: 4, pattern: /^\(\s*(\d{1,3})\s*\)\s*[、.]?\s*(.*)$/ },
];

/** Full-width forms, Markdown decoration and stray spaces removed, one logical line per entry. */
export function normaliseLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\u00a0|\u3000/g, ' ')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/．/g, '.')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*#{1,6}\s*/, '')
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*[-*+]\s+/, '')
        .replace(/\*\*|__/g, '')
        .replace(/\\([\\`*_[\]<>#|])/g, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0 && !/^[-*_=]{3,}$/.test(line));
}

/** The heading a line opens (its level, number and the text after the number), or null for plain text. */
export function classify(line: string): { level: Level; number: string; rest: string } | null {
  for (const { level, pattern } of HEADINGS) {
    const match = pattern.exec(line);
    if (!match) continue;
    // "1 " followed by a space only counts as a heading when text follows (Markdown lists); "2024年" never does.
    if (level === 1 && chineseToNumber(match[1]) === null) continue;
    return { level, number: match[1], rest: match[2].trim() };
  }
  return null;
}
