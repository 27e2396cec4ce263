/** Inside a problem: its title up to the first full stop, and the measures marked `一是…二是…` or `①②③`. */
import { chineseToNumber } from './chinese-numerals';
import type { ParsedMeasure } from './document-model';
import { CHINESE } from './notice-lines';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKER = new RegExp(`(?:^|(?<=[。；;：:，,！!？?\\s]))([${CHINESE}]{1,3})是|([${CIRCLED}])`, 'g');

/** The title is the text up to the first 。; without one, the whole text (trailing punctuation dropped). */
export function splitOnFirstStop(text: string): { title: string; rest: string } {
  const stop = text.search(/[。]/);
  if (stop < 0) return { title: text.replace(/[：:；;，,]\s*$/, '').trim(), rest: '' };
  return { title: text.slice(0, stop).trim(), rest: text.slice(stop + 1).trim() };
}

function markerValue(match: RegExpExecArray): { kind: 'chinese' | 'circled'; value: number } | null {
  if (match[1]) {
    const value = chineseToNumber(match[1]);
    return value === null ? null : { kind: 'chinese', value };
  }
  return { kind: 'circled', value: CIRCLED.indexOf(match[2]) + 1 };
}

/** A marker at a given place, whatever precedes it (a line's start, where an owner bracket was taken out). */
const MARKER_HERE = new RegExp(`([${CHINESE}]{1,3})是|([${CIRCLED}])`, 'y');

function candidates(text: string, boundaries: number[]): RegExpExecArray[] {
  MARKER.lastIndex = 0;
  const found = [...text.matchAll(MARKER)];
  const seen = new Set(found.map((match) => match.index));
  for (const at of boundaries) {
    if (seen.has(at)) continue;
    seen.add(at);
    MARKER_HERE.lastIndex = at;
    const match = MARKER_HERE.exec(text);
    if (match) found.push(match);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Splits `一是…二是…` (or `①…②…`) into measures, accepting markers only in sequence; `starts` holds
 * where each marker stands. A marker follows punctuation or a space, or stands at one of `boundaries`.
 */
export function splitMeasures(
  text: string,
  boundaries: number[] = [],
): { preface: string; measures: ParsedMeasure[]; starts: number[] } | null {
  const found: { index: number; length: number }[] = [];
  let kind: 'chinese' | 'circled' | null = null;
  for (const match of candidates(text, boundaries)) {
    const marker = markerValue(match);
    if (!marker) continue;
    if (kind === null) {
      if (marker.value !== 1) continue;
      kind = marker.kind;
    }
    if (marker.kind === kind && marker.value === found.length + 1)
      found.push({ index: match.index, length: match[0].length });
  }
  if (found.length === 0) return null;
  const measures = found.map((marker, index) => ({
    number: index + 1,
    text: text
      .slice(marker.index + marker.length, index + 1 < found.length ? found[index + 1].index : undefined)
      .trim(),
  }));
  return { preface: text.slice(0, found[0].index).trim(), measures, starts: found.map((marker) => marker.index) };
}
