/**
 * A document draft's owners: what each measure reads, the office's edits and name mappings kept in
 * the draft's jsonb content, and the types the preview and the commit share.
 */
import { AssignmentEdit, effectiveOwners, OwnerSlots, slotsOf } from '@rectiflow/documents/owner-assignment';
import { ParsedOwners, ParsedSection, problemsOf } from '@rectiflow/documents';
import type { NamedRow } from '@rectiflow/persistence';

/** What the draft keeps besides the parsed tree. */
export interface OwnersContent {
  sections?: ParsedSection[];
  /** The office's edits per measure, by `problemNumber.measureNumber`. */
  assignments?: Record<string, AssignmentEdit>;
  /** Names mapped by the office: name → an existing id, or 'create' (created at commit). */
  names?: { departments?: Record<string, string>; people?: Record<string, string> };
}

export const CREATE = 'create';

/** One measure of the tree with its place and what its owners say. */
export interface PlacedMeasure {
  key: string;
  problemNumber: number;
  measureNumber: number;
  text: string;
  read: ParsedOwners | null;
  slots: OwnerSlots;
}

export const measureKey = (problemNumber: number, measureNumber: number) => `${problemNumber}.${measureNumber}`;

/** Every measure the commit would create (those with text), in the tree's order. */
export function placedMeasures(sections: ParsedSection[]): PlacedMeasure[] {
  return sections.flatMap((section) =>
    problemsOf(section).flatMap(({ problem }) =>
      (problem.measures ?? [])
        .filter((measure) => typeof measure.text === 'string' && measure.text.trim())
        .map((measure) => {
          const read = effectiveOwners(problem, measure);
          const problemNumber = Number(problem.number);
          return {
            key: measureKey(problemNumber, measure.number),
            problemNumber,
            measureNumber: measure.number,
            text: measure.text,
            read,
            slots: slotsOf(read),
          };
        }),
    ),
  );
}

/** Every department and person name the measures read. */
export function namesRead(measures: PlacedMeasure[]) {
  const departments = new Set<string>();
  const people = new Set<string>();
  for (const { slots } of measures) {
    if (slots.leadDepartment) departments.add(slots.leadDepartment);
    slots.cooperatingDepartments.forEach((name) => departments.add(name));
    if (slots.responsibleLeader) people.add(slots.responsibleLeader);
    slots.coLeaders.forEach((name) => people.add(name));
  }
  return { departments: [...departments], people: [...people] };
}

export const NAME_STATUSES = ['matched', 'mapped', 'create', 'ambiguous', 'unknown'] as const;
export type NameStatus = (typeof NAME_STATUSES)[number];

/** How one name read from the document resolves. */
export interface NameResolution {
  name: string;
  /**
   * matched: found in the organisation (matchedName is its spelling there); mapped: the office chose
   * the id; create: created at commit; ambiguous: several have this name (candidates), map it;
   * unknown: nobody has it, map it or mark it create.
   */
  status: NameStatus;
  id: string | null;
  matchedName: string | null;
  candidates: NamedRow[];
}

export interface MissingOwners {
  problemNumber: number;
  measureNumber: number;
  fields: string[];
  unknown: { departments: string[]; people: string[] };
}
