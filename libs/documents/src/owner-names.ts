/**
 * Owner names as a plan writes them, matched to the organisation's departments and people: the
 * exact spelling first, then the same name written with other spaces or full-width/half-width
 * characters (`县委 办公室`, `县委办公室（一）` → `县委办公室(一)`), then — people only — without a
 * bracketed title after the name (`张三(副县长)` → `张三`).
 */

/** One department or person of the organisation, as the matcher needs it. */
export interface NamedEntry {
  id: string;
  name: string;
}

/** What a name read from a document matches. */
export type NameMatch =
  | { status: 'matched'; id: string; name: string; exact: boolean }
  | { status: 'ambiguous'; candidates: NamedEntry[] }
  | { status: 'unknown' };

/** The key two spellings of one name share: NFKC (full-width letters, digits, brackets and spaces → half-width), every whitespace removed. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** The key without a bracketed title at the end (`张三(副县长)` → `张三`), or null when there is none. */
export function nameKeyWithoutTitle(name: string): string | null {
  const key = nameKey(name);
  const stripped = key.replace(/\([^()]*\)$/u, '');
  return stripped && stripped !== key ? stripped : null;
}

function pick(candidates: NamedEntry[], exact: boolean): NameMatch | null {
  if (candidates.length === 1) return { status: 'matched', id: candidates[0].id, name: candidates[0].name, exact };
  if (candidates.length > 1) return { status: 'ambiguous', candidates };
  return null;
}

/**
 * Matches one name against the directory: exact first, then by nameKey, then (when `titles` is set,
 * for people) by the key without a bracketed title; two or more on the first tier that finds any
 * are ambiguous (two people of one name), never a guess.
 */
export function matchName(
  name: string,
  directory: readonly NamedEntry[],
  options: { titles?: boolean } = {},
): NameMatch {
  const exact = pick(
    directory.filter((entry) => entry.name === name),
    true,
  );
  if (exact) return exact;
  const key = nameKey(name);
  if (!key) return { status: 'unknown' };
  const loose = pick(
    directory.filter((entry) => nameKey(entry.name) === key),
    false,
  );
  if (loose) return loose;
  const untitled = options.titles ? nameKeyWithoutTitle(name) : null;
  if (untitled) {
    const titled = pick(
      directory.filter((entry) => nameKey(entry.name) === untitled),
      false,
    );
    if (titled) return titled;
  }
  return { status: 'unknown' };
}

/** The keys a directory query needs to find every candidate of these names (see matchName). */
export function lookupKeys(names: readonly string[], options: { titles?: boolean } = {}): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const key = nameKey(name);
    if (key) keys.add(key);
    const untitled = options.titles ? nameKeyWithoutTitle(name) : null;
    if (untitled) keys.add(untitled);
  }
  return [...keys];
}
