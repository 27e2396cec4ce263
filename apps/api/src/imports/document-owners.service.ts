import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssignmentEdit,
  completeOwners,
  CompletedOwners,
  resolveOwners,
  viewOf,
} from '@rectiflow/documents/owner-assignment';
import { problemsForImport, ParsedSection } from '@rectiflow/documents';
import { ParticipantsRepository } from '@rectiflow/persistence';
import { calendarDay, reason } from '@rectiflow/domain';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { CreateMeasureDto, CreateProblemDto } from '../problems/problem.dto';
import {
  CREATE,
  measureKey,
  MissingOwners,
  namesRead,
  OwnersContent,
  PlacedMeasure,
  placedMeasures,
} from './document-owners';
import { OwnerDirectory } from './owner-directory.service';
import type { CommitDocumentDto, EditAssignmentsDto, MapNamesDto } from './import.dto';
import { NewNamesService, PlannedNames } from './new-names.service';

const EDIT_FIELDS = [
  'leadDepartmentId',
  'cooperatingDepartmentIds',
  'responsibleLeaderId',
  'coLeaderIds',
  'dueAt',
  'kind',
] as const;

/**
 * The owners of a plan's measures: names matched to the organisation, the office's edits and name
 * mappings (kept in the draft), and what the commit writes. Nothing is created here but at commit.
 */
@Injectable()
export class DocumentOwnersService {
  constructor(
    private readonly directory: OwnerDirectory,
    private readonly participants: ParticipantsRepository,
    private readonly newNames: NewNamesService,
  ) {}

  /** The owners part of the preview: per measure what it read and resolved to, every name, what is missing. */
  async view(content: OwnersContent) {
    const measures = placedMeasures(content.sections ?? []);
    const { list, resolver } = await this.directory.resolve(measures, content);
    const assignments = measures.map((measure) => {
      const resolved = resolveOwners(measure.slots, content.assignments?.[measure.key] ?? {}, resolver);
      return {
        problemNumber: measure.problemNumber,
        measureNumber: measure.measureNumber,
        text: measure.text,
        read: measure.read,
        ...viewOf(resolved),
        edited: resolved.edited,
      };
    });
    // The names still in effect for some measure (not those the office replaced by an edit).
    const unknownOf = (key: 'departments' | 'people') => [...new Set(assignments.flatMap((item) => item.unknown[key]))];
    return {
      assignments,
      unknown: { departments: unknownOf('departments'), people: unknownOf('people') },
      names: list,
      missing: assignments
        .filter((item) => item.missing.length)
        .map(({ problemNumber, measureNumber, missing, unknown }) => ({
          problemNumber,
          measureNumber,
          fields: missing,
          unknown,
        })),
    };
  }

  /** Applies the office's edit to the selected measures (every id checked first; nothing changes on a refusal). */
  async editAssignments(content: OwnersContent, body: EditAssignmentsDto, tx: EntityManager): Promise<void> {
    const measures = placedMeasures(content.sections ?? []);
    const keys = this.selection(measures, body);
    const given = EDIT_FIELDS.filter((field) => body[field] !== undefined);
    if (!given.length)
      throw new DomainError(ErrorCode.InvalidInput, `nothing to set: give one of ${EDIT_FIELDS.join(', ')}`);
    // A deadline is a day (YYYY-MM-DD) in China time; today is still allowed, as at 交办.
    if (typeof body.dueAt === 'string' && body.dueAt < calendarDay(new Date()))
      throw new DomainError(
        ErrorCode.InvalidInput,
        `dueAt must not be before today (got ${body.dueAt})`,
        undefined,
        reason('DATE_BEFORE_TODAY', { field: 'dueAt' }),
      );
    await this.checkIds(
      {
        leadDepartmentId: body.leadDepartmentId ? [body.leadDepartmentId] : [],
        cooperatingDepartmentIds: body.cooperatingDepartmentIds ?? [],
      },
      {
        responsibleLeaderId: body.responsibleLeaderId ? [body.responsibleLeaderId] : [],
        coLeaderIds: body.coLeaderIds ?? [],
      },
      tx,
    );
    const assignments = { ...(content.assignments ?? {}) };
    for (const key of keys) {
      const edit: Record<string, unknown> = { ...(assignments[key] ?? {}) };
      // null gives the field back to the document.
      for (const field of given) {
        if (body[field] === null) delete edit[field];
        else edit[field] = Array.isArray(body[field]) ? [...new Set(body[field] as string[])] : body[field];
      }
      if (Object.keys(edit).length) assignments[key] = edit as AssignmentEdit;
      else delete assignments[key];
    }
    content.assignments = assignments;
  }

  private selection(measures: PlacedMeasure[], body: EditAssignmentsDto): string[] {
    const hasMeasures = body.measures !== undefined && body.measures !== null;
    const hasProblem = body.problemNumber !== undefined && body.problemNumber !== null;
    if (hasMeasures === hasProblem)
      throw new DomainError(
        ErrorCode.InvalidInput,
        'measures or problemNumber is required (one of them): the measures to edit, or every measure of one problem',
      );
    if (hasProblem) {
      const keys = measures.filter((item) => item.problemNumber === body.problemNumber).map((item) => item.key);
      if (!keys.length)
        throw new DomainError(
          ErrorCode.InvalidInput,
          `problemNumber ${body.problemNumber} names no problem with measures in this import`,
        );
      return keys;
    }
    const known = new Set(measures.map((item) => item.key));
    const errors = body.measures!.flatMap((ref, index) =>
      known.has(measureKey(ref.problemNumber, ref.measureNumber))
        ? []
        : [
            `measures[${index}] (problem ${ref.problemNumber}, measure ${ref.measureNumber}) names no measure of this import`,
          ],
    );
    if (errors.length) throw new DomainError(ErrorCode.InvalidInput, errors.slice(0, 10).join('; '), { errors });
    return [...new Set(body.measures!.map((ref) => measureKey(ref.problemNumber, ref.measureNumber)))];
  }

  /** 400 naming every field whose id names no department (or person). */
  private async checkIds(
    departmentFields: Record<string, string[]>,
    personFields: Record<string, string[]>,
    tx?: EntityManager,
  ): Promise<void> {
    const [departments, people] = await Promise.all([
      this.participants.departments([...new Set(Object.values(departmentFields).flat())], tx),
      this.participants.people([...new Set(Object.values(personFields).flat())], tx),
    ]);
    const errors: string[] = [];
    const check = (fields: Record<string, string[]>, found: { id: string }[], what: string) => {
      for (const [field, ids] of Object.entries(fields))
        ids.forEach((id, index) => {
          if (!found.some((row) => row.id === id))
            errors.push(`${field}${field.endsWith('Ids') ? `[${index}]` : ''} names no ${what} (${id})`);
        });
    };
    check(departmentFields, departments, 'department');
    check(personFields, people, 'person');
    if (errors.length) throw new DomainError(ErrorCode.InvalidInput, errors.join('; '), { errors });
  }

  /** Maps names the document reads to existing ids or marks them "create" (neither: forget the mapping). */
  async mapNames(content: OwnersContent, body: MapNamesDto, tx: EntityManager): Promise<void> {
    const read = namesRead(placedMeasures(content.sections ?? []));
    const errors: string[] = [];
    const ids = { departments: {} as Record<string, string[]>, people: {} as Record<string, string[]> };
    const names = {
      departments: { ...(content.names?.departments ?? {}) },
      people: { ...(content.names?.people ?? {}) },
    };
    for (const list of ['departments', 'people'] as const) {
      (body[list] ?? []).forEach((entry, index) => {
        const at = `${list}[${index}]`;
        if (!read[list].includes(entry.name))
          errors.push(
            `${at}.name: ${entry.name} is not a ${list === 'people' ? 'person' : 'department'} this import names`,
          );
        if (entry.id && entry.create) errors.push(`${at}: give id or create, not both`);
        if (entry.id) ids[list][`${at}.id`] = [entry.id];
        if (entry.id) names[list][entry.name] = entry.id;
        else if (entry.create) names[list][entry.name] = CREATE;
        else delete names[list][entry.name];
      });
    }
    if (errors.length) throw new DomainError(ErrorCode.InvalidInput, errors.slice(0, 10).join('; '), { errors });
    await this.checkIds(ids.departments, ids.people, tx);
    content.names = names;
  }

  /**
   * What the commit writes: the problems with each measure's owners (the defaults only where a
   * measure has none) and the names to create; 400 naming every measure that still misses owners.
   */
  async commitPlan(
    content: OwnersContent,
    defaults: CommitDocumentDto,
  ): Promise<{ problems: CreateProblemDto[]; planned: PlannedNames }> {
    await this.checkIds(
      { leadDepartmentId: defaults.leadDepartmentId ? [defaults.leadDepartmentId] : [] },
      { responsibleLeaderId: defaults.responsibleLeaderId ? [defaults.responsibleLeaderId] : [] },
    );
    const sections = (content.sections ?? []) as ParsedSection[];
    const measures = placedMeasures(sections);
    const { resolver } = await this.directory.resolve(measures, content);
    const resolved = measures.map((measure) => ({
      measure,
      resolved: resolveOwners(measure.slots, content.assignments?.[measure.key] ?? {}, resolver),
    }));
    const toCreate = { departments: new Set<string>(), people: new Set<string>() };
    for (const item of resolved) {
      const { toCreate: names } = viewOf(item.resolved);
      names.departments.forEach((name) => toCreate.departments.add(name));
      names.people.forEach((name) => toCreate.people.add(name));
    }
    const tooLong = [...toCreate.departments, ...toCreate.people].filter((name) => name.length > 100);
    if (tooLong.length)
      throw new DomainError(ErrorCode.InvalidInput, `names to create are over 100 characters: ${tooLong.join('、')}`);
    const planned = this.newNames.plan([...toCreate.departments], [...toCreate.people]);
    const owners = new Map<string, CompletedOwners>();
    const missing: MissingOwners[] = [];
    for (const { measure, resolved: one } of resolved) {
      const result = completeOwners(one, defaults, NewNamesService.ids(planned));
      if ('owners' in result) owners.set(measure.key, result.owners);
      else
        missing.push({
          problemNumber: measure.problemNumber,
          measureNumber: measure.measureNumber,
          fields: result.missing,
          unknown: viewOf(one).unknown,
        });
    }
    if (missing.length) {
      const listed = missing
        .slice(0, 10)
        .map((item) => `problem ${item.problemNumber} measure ${item.measureNumber}: ${item.fields.join(', ')}`);
      throw new DomainError(
        ErrorCode.InvalidInput,
        `${missing.length} measure(s) miss owners (set them per measure, map the unknown names, or give defaults): ${listed.join('; ')}${missing.length > 10 ? '; …' : ''}`,
        { missing },
      );
    }
    const placeholder = { kind: 'deadline', leadDepartmentId: '', responsibleLeaderId: '', dueAt: '' };
    const problems = problemsForImport(sections, placeholder).map((problem) => ({
      ...problem,
      measures: problem.measures.map((measure) => {
        const { dueAt, ...fields } = owners.get(measureKey(problem.number, measure.number))!;
        const created: CreateMeasureDto = {
          number: measure.number,
          text: measure.text,
          ...fields,
          // Without a date a 立行立改 or 长期坚持 measure is due from 交办 (CreateMeasureDto).
          ...(dueAt ? { dueAt } : {}),
        };
        return created;
      }),
    }));
    return { problems: problems as CreateProblemDto[], planned };
  }
}
