/**
 * From the owners a plan names for a measure to the measure's assignment: which name fills which
 * slot (lead department, cooperating departments, responsible leader, co-leaders, deadline, kind),
 * what each name resolves to, the office's edits over them, and at commit the defaults and the
 * ids of names created then. Pure: the directory arrives as a resolver.
 */
import type { ParsedMeasure, ParsedOwners, ParsedProblem } from './document-model';

export const OWNER_KINDS = ['immediate', 'deadline', 'ongoing'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** A measure's owners in force: its own fields, and the problem's where it has none (field by field). */
export function effectiveOwners(
  problem: Pick<ParsedProblem, 'owners'>,
  measure: Pick<ParsedMeasure, 'owners'>,
): ParsedOwners | null {
  const own = measure.owners ?? {};
  const inherited = problem.owners ?? {};
  const merged: ParsedOwners = {};
  for (const key of ['leaders', 'leadDepartments', 'cooperatingDepartments'] as const) {
    const names = own[key]?.length ? own[key] : inherited[key];
    if (names?.length) merged[key] = names;
  }
  const deadline = own.deadline ?? inherited.deadline;
  if (deadline) merged.deadline = deadline;
  return Object.keys(merged).length ? merged : null;
}

/** The owners as names per slot. */
export interface OwnerSlots {
  leadDepartment: string | null;
  cooperatingDepartments: string[];
  responsibleLeader: string | null;
  coLeaders: string[];
  dueAt: string | null;
  kind: OwnerKind | null;
}

const unique = (names: (string | undefined)[] | undefined) => [
  ...new Set((names ?? []).map((name) => (typeof name === 'string' ? name.trim() : '')).filter(Boolean)),
];
const isDay = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The first leader is responsible, the rest co-lead; the first lead department leads, the rest cooperate. */
export function slotsOf(owners: ParsedOwners | null): OwnerSlots {
  const leaders = unique(owners?.leaders);
  const leads = unique(owners?.leadDepartments);
  const leadDepartment = leads[0] ?? null;
  const dueAt = isDay(owners?.deadline?.dueDate) ? owners.deadline.dueDate : null;
  const kind = owners?.deadline?.kind;
  return {
    leadDepartment,
    cooperatingDepartments: unique([...leads.slice(1), ...(owners?.cooperatingDepartments ?? [])]).filter(
      (name) => name !== leadDepartment,
    ),
    responsibleLeader: leaders[0] ?? null,
    coLeaders: leaders.slice(1),
    dueAt,
    kind: kind && (OWNER_KINDS as readonly string[]).includes(kind) ? kind : dueAt ? 'deadline' : null,
  };
}

/** The office's edits of one measure: a field given replaces what the document says. */
export interface AssignmentEdit {
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  dueAt?: string;
  kind?: OwnerKind;
}

/** A name's resolution: an id, created at commit, or not known (nor ambiguous). */
export type NameState = { id: string } | { create: true } | { unknown: true };

export interface NameResolver {
  department(name: string): NameState;
  person(name: string): NameState;
}

/** One slot's value: an id, or a name created at commit, or a name nobody resolved. */
export type Slot = { id: string } | { create: string } | { unknown: string };

export interface ResolvedOwners {
  lead: Slot | null;
  cooperating: Slot[];
  leader: Slot | null;
  coLeaders: Slot[];
  dueAt: string | null;
  kind: OwnerKind | null;
  /** The fields the office set (AssignmentEdit keys). */
  edited: (keyof AssignmentEdit)[];
}

function slot(name: string, state: NameState): Slot {
  if ('id' in state) return { id: state.id };
  return 'create' in state ? { create: name } : { unknown: name };
}

export function resolveOwners(slots: OwnerSlots, edit: AssignmentEdit, resolver: NameResolver): ResolvedOwners {
  const department = (name: string) => slot(name, resolver.department(name));
  const person = (name: string) => slot(name, resolver.person(name));
  const ids = (values: string[]) => [...new Set(values)].map((id) => ({ id }));
  return {
    lead:
      edit.leadDepartmentId !== undefined
        ? { id: edit.leadDepartmentId }
        : slots.leadDepartment
          ? department(slots.leadDepartment)
          : null,
    cooperating:
      edit.cooperatingDepartmentIds !== undefined
        ? ids(edit.cooperatingDepartmentIds)
        : slots.cooperatingDepartments.map(department),
    leader:
      edit.responsibleLeaderId !== undefined
        ? { id: edit.responsibleLeaderId }
        : slots.responsibleLeader
          ? person(slots.responsibleLeader)
          : null,
    coLeaders: edit.coLeaderIds !== undefined ? ids(edit.coLeaderIds) : slots.coLeaders.map(person),
    dueAt: edit.dueAt !== undefined ? edit.dueAt : slots.dueAt,
    kind: edit.kind !== undefined ? edit.kind : slots.kind,
    edited: (Object.keys(edit) as (keyof AssignmentEdit)[]).filter((key) => edit[key] !== undefined),
  };
}

/** The assignment as the preview shows it: ids (null where none yet), and the names not resolved. */
export interface AssignmentView {
  assignment: {
    leadDepartmentId: string | null;
    cooperatingDepartmentIds: string[];
    responsibleLeaderId: string | null;
    coLeaderIds: string[];
    dueAt: string | null;
    kind: OwnerKind | null;
  };
  unknown: { departments: string[]; people: string[] };
  toCreate: { departments: string[]; people: string[] };
  /** What the commit would still need if it brought no defaults. */
  missing: MissingField[];
}

export type MissingField =
  'leadDepartmentId' | 'responsibleLeaderId' | 'dueAt' | 'cooperatingDepartmentIds' | 'coLeaderIds';

const idOf = (value: Slot | null) => (value && 'id' in value ? value.id : null);
const namesOf = (values: (Slot | null)[], kind: 'create' | 'unknown') =>
  unique(values.map((value) => (value && kind in value ? (value as Record<string, string>)[kind] : undefined)));

export function viewOf(resolved: ResolvedOwners): AssignmentView {
  return {
    assignment: {
      leadDepartmentId: idOf(resolved.lead),
      cooperatingDepartmentIds: resolved.cooperating.map(idOf).filter((id): id is string => id !== null),
      responsibleLeaderId: idOf(resolved.leader),
      coLeaderIds: resolved.coLeaders.map(idOf).filter((id): id is string => id !== null),
      dueAt: resolved.dueAt,
      kind: resolved.kind,
    },
    unknown: {
      departments: namesOf([resolved.lead, ...resolved.cooperating], 'unknown'),
      people: namesOf([resolved.leader, ...resolved.coLeaders], 'unknown'),
    },
    toCreate: {
      departments: namesOf([resolved.lead, ...resolved.cooperating], 'create'),
      people: namesOf([resolved.leader, ...resolved.coLeaders], 'create'),
    },
    missing: missingOf(resolved, {}),
  };
}

/** The commit's defaults, applied only where a measure has nothing (not over a name nobody resolved). */
export interface CommitDefaults {
  leadDepartmentId?: string;
  responsibleLeaderId?: string;
  dueAt?: string;
  kind?: OwnerKind;
}

function missingOf(resolved: ResolvedOwners, defaults: CommitDefaults): MissingField[] {
  const missing: MissingField[] = [];
  const kind = resolved.kind ?? defaults.kind ?? 'deadline';
  if (resolved.lead ? 'unknown' in resolved.lead : !defaults.leadDepartmentId) missing.push('leadDepartmentId');
  if (resolved.cooperating.some((value) => 'unknown' in value)) missing.push('cooperatingDepartmentIds');
  if (resolved.leader ? 'unknown' in resolved.leader : !defaults.responsibleLeaderId)
    missing.push('responsibleLeaderId');
  if (resolved.coLeaders.some((value) => 'unknown' in value)) missing.push('coLeaderIds');
  if (!resolved.dueAt && !defaults.dueAt && kind === 'deadline') missing.push('dueAt');
  return missing;
}

/** A measure's owners as the commit writes them. */
export interface CompletedOwners {
  leadDepartmentId: string;
  cooperatingDepartmentIds: string[];
  responsibleLeaderId: string;
  coLeaderIds: string[];
  /** null: a 立行立改 or 长期坚持 measure without a date (due from 交办 by the inspection's policy). */
  dueAt: string | null;
  kind: OwnerKind;
}

/**
 * The owners the commit writes, or the fields still missing. Names marked "create" take the ids
 * chosen for them (`created`). A 立行立改 or 长期坚持 measure the document names without a date keeps
 * none (it is due from 交办, by the inspection's policy); the default deadline is for the measures
 * whose kind is the default or 限期整改.
 */
export function completeOwners(
  resolved: ResolvedOwners,
  defaults: CommitDefaults,
  created: { departments: Map<string, string>; people: Map<string, string> },
): { owners: CompletedOwners } | { missing: MissingField[] } {
  const missing = missingOf(resolved, defaults);
  if (missing.length) return { missing };
  const department = (value: Slot) =>
    'id' in value ? value.id : 'create' in value ? created.departments.get(value.create)! : '';
  const person = (value: Slot) =>
    'id' in value ? value.id : 'create' in value ? created.people.get(value.create)! : '';
  const kind = resolved.kind ?? defaults.kind ?? 'deadline';
  const leadDepartmentId = resolved.lead ? department(resolved.lead) : defaults.leadDepartmentId!;
  const responsibleLeaderId = resolved.leader ? person(resolved.leader) : defaults.responsibleLeaderId!;
  return {
    owners: {
      leadDepartmentId,
      cooperatingDepartmentIds: [...new Set(resolved.cooperating.map(department))].filter(
        (id) => id !== leadDepartmentId,
      ),
      responsibleLeaderId,
      coLeaderIds: [...new Set(resolved.coLeaders.map(person))].filter((id) => id !== responsibleLeaderId),
      dueAt:
        resolved.dueAt ?? (resolved.kind === null || resolved.kind === 'deadline' ? defaults.dueAt : undefined) ?? null,
      kind,
    },
  };
}
