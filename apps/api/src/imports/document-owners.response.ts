import { ApiProperty } from '@nestjs/swagger';
import { MEASURE_KINDS } from '@rectiflow/domain';
import { Res } from '../common/response-fields';
import { NAME_STATUSES } from './document-owners';

const MISSING_FIELDS = [
  'leadDepartmentId',
  'responsibleLeaderId',
  'dueAt',
  'cooperatingDepartmentIds',
  'coLeaderIds',
] as const;
const EDIT_FIELDS = [
  'leadDepartmentId',
  'cooperatingDepartmentIds',
  'responsibleLeaderId',
  'coLeaderIds',
  'dueAt',
  'kind',
] as const;

/** 整改时限 as the document writes it. */
export class ParsedDeadlineResponse {
  @Res.text({ description: 'as written: 2024年9月底前, 立行立改, 长期坚持' })
  phrase: string;

  @Res.date({ optional: true, description: 'the last day it allows, when it names one' })
  dueDate?: string;

  @Res.enum(MEASURE_KINDS, 'MeasureKind', { optional: true })
  kind?: string;
}

/** Owner names as the document writes them (责任领导, 牵头单位, 配合单位, 整改时限). */
export class ParsedOwnersResponse {
  @Res.texts({ optional: true, description: 'the first is the responsible leader, the rest co-leaders' })
  leaders?: string[];

  @Res.texts({ optional: true, description: 'the first leads, the rest cooperate' })
  leadDepartments?: string[];

  @Res.texts({ optional: true })
  cooperatingDepartments?: string[];

  @Res.one(() => ParsedDeadlineResponse, { optional: true })
  deadline?: ParsedDeadlineResponse;
}

/** A measure's owners as ids: what the commit writes (null: none yet, see unknown, toCreate and missing). */
export class AssignmentResponse {
  @Res.id({ nullable: true })
  leadDepartmentId: string | null;

  @Res.ids()
  cooperatingDepartmentIds: string[];

  @Res.id({ nullable: true })
  responsibleLeaderId: string | null;

  @Res.ids({ description: 'the further leaders the document names' })
  coLeaderIds: string[];

  @Res.date({ nullable: true, description: 'the last day (null: none named; 立行立改 and 长期坚持 need none)' })
  dueAt: string | null;

  // Written out: a named enum cannot be nullable in the document (openapi-typescript wants a type beside nullable).
  @ApiProperty({
    type: 'string',
    enum: [...MEASURE_KINDS],
    nullable: true,
    required: true,
    description: 'null: the document says none (the commit’s kind, else deadline)',
  })
  kind: string | null;
}

export class OwnerNamesResponse {
  @Res.texts()
  departments: string[];

  @Res.texts()
  people: string[];
}

/** One measure of the draft: what it reads, what that resolves to, and what the commit would still need. */
export class MeasureAssignmentResponse {
  @Res.int()
  problemNumber: number;

  @Res.int()
  measureNumber: number;

  @Res.text()
  text: string;

  @Res.one(() => ParsedOwnersResponse, {
    nullable: true,
    description: "the owners in force as read: the measure's own, else its problem's (field by field)",
  })
  read: ParsedOwnersResponse | null;

  @Res.one(() => AssignmentResponse)
  assignment: AssignmentResponse;

  @Res.enums(EDIT_FIELDS, 'AssignmentField', { description: 'the fields the office set (PATCH assignments)' })
  edited: string[];

  @Res.one(() => OwnerNamesResponse, {
    description: 'names read for this measure that match nobody (or several): map them or mark them create',
  })
  unknown: OwnerNamesResponse;

  @Res.one(() => OwnerNamesResponse, { description: 'names marked create: their ids fill the assignment at commit' })
  toCreate: OwnerNamesResponse;

  @Res.enums(MISSING_FIELDS, 'MissingOwnerField', {
    description: 'what a commit without defaults would refuse this measure for',
  })
  missing: string[];
}

export class NamedRecordResponse {
  @Res.id()
  id: string;

  @Res.text()
  name: string;
}

/** How one name read from the document resolves. */
export class NameResolutionResponse {
  @Res.text({ description: 'as the document writes it (the key for PATCH names)' })
  name: string;

  @Res.enum(NAME_STATUSES, 'NameStatus', {
    description:
      'matched: found (exactly, or ignoring spaces and full-/half-width; matchedName is its spelling); mapped: the office chose the id; create: created at commit; ambiguous: several have this name (candidates); unknown: nobody has it',
  })
  status: string;

  @Res.id({ nullable: true })
  id: string | null;

  @Res.text({ nullable: true })
  matchedName: string | null;

  @Res.many(() => NamedRecordResponse)
  candidates: NamedRecordResponse[];
}

export class NameResolutionsResponse {
  @Res.many(() => NameResolutionResponse)
  departments: NameResolutionResponse[];

  @Res.many(() => NameResolutionResponse)
  people: NameResolutionResponse[];
}

/** A measure a commit without defaults refuses, and why (also the commit's 400 details.missing). */
export class MissingOwnersResponse {
  @Res.int()
  problemNumber: number;

  @Res.int()
  measureNumber: number;

  @Res.enums(MISSING_FIELDS, 'MissingOwnerField')
  fields: string[];

  @Res.one(() => OwnerNamesResponse)
  unknown: OwnerNamesResponse;
}
