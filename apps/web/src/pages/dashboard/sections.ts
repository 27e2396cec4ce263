import { chineseToNumber } from '@rectiflow/documents/chinese-numerals';
import type { Schemas } from '../../api';

export interface SectionRow {
  key: string;
  number: string;
  categoryNumber: string;
  /** The whole heading, e.g. 一、(一)关于…方面存在的问题 — never cut. */
  label: string;
  total: number;
  done: number;
}

/** A heading number's place: 一、二、三 (or 1, 2, 3) by value; an unnumbered heading last. */
function rank(number: string): number {
  if (!number) return Number.MAX_SAFE_INTEGER;
  return chineseToNumber(number) ?? (Number.isFinite(Number(number)) ? Number(number) : Number.MAX_SAFE_INTEGER - 1);
}

/**
 * The dashboard's rows by section and category, in the plan's order (一、二、三、四, then (一)(二)
 * within a section), each labelled with its whole heading.
 */
export function sectionRows(rows: Schemas['DashboardSectionResponse'][], untitled: string): SectionRow[] {
  const groups = new Map<string, SectionRow>();
  for (const row of rows) {
    const key = `${row.number}|${row.categoryTitle ? row.categoryNumber : ''}`;
    // 一、 for a Chinese heading number, "2. " for an Arabic one (an English plan).
    const section = !row.number ? '' : chineseToNumber(row.number) === null ? `${row.number}. ` : `${row.number}、`;
    const label = row.categoryTitle
      ? `${section}(${row.categoryNumber})${row.categoryTitle}`
      : `${section}${row.title || untitled}`;
    const entry = groups.get(key) ?? {
      key,
      number: row.number,
      categoryNumber: row.categoryTitle ? row.categoryNumber : '',
      label,
      total: 0,
      done: 0,
    };
    entry.total += row.total;
    entry.done += row.done;
    groups.set(key, entry);
  }
  return [...groups.values()].sort(
    (a, b) => rank(a.number) - rank(b.number) || rank(a.categoryNumber) - rank(b.categoryNumber),
  );
}

/** The ledger filtered to a section (and category), done measures only when asked. */
export function sectionLink(row: SectionRow, done: boolean): string {
  const query = new URLSearchParams({ sectionNumber: row.number });
  if (row.categoryNumber) query.set('categoryNumber', row.categoryNumber);
  if (done) query.set('progress', 'done');
  return `/ledger?${query}`;
}
