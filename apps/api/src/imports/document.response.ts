import { Res } from '../common/response-fields';
import {
  MeasureAssignmentResponse,
  MissingOwnersResponse,
  NamedRecordResponse,
  NameResolutionsResponse,
  OwnerNamesResponse,
  ParsedOwnersResponse,
} from './document-owners.response';

/** The parsed tree of a plan or notice (libs/documents document-model), as the preview shows it. */
export class ParsedMeasureResponse {
  @Res.int()
  number: number;

  @Res.text()
  text: string;

  @Res.one(() => ParsedOwnersResponse, {
    optional: true,
    description: "owners in force for this measure as read (the problem's lines merged with its own)",
  })
  owners?: ParsedOwnersResponse;
}

export class ParsedProblemResponse {
  @Res.text({ description: 'the number as written, e.g. "12"' })
  number: string;

  @Res.text()
  title: string;

  @Res.many(() => ParsedMeasureResponse)
  measures: ParsedMeasureResponse[];

  @Res.text({ optional: true, description: 'text between the title and the first measure marker' })
  preface?: string;

  @Res.one(() => ParsedOwnersResponse, { optional: true, description: "the problem's own owner lines" })
  owners?: ParsedOwnersResponse;
}

export class ParsedGroupResponse {
  @Res.text()
  number: string;

  @Res.text()
  title: string;

  @Res.many(() => ParsedProblemResponse)
  problems: ParsedProblemResponse[];
}

export class ParsedCategoryResponse {
  @Res.text()
  number: string;

  @Res.text()
  title: string;

  @Res.many(() => ParsedGroupResponse, { optional: true })
  groups?: ParsedGroupResponse[];

  @Res.many(() => ParsedProblemResponse, { optional: true })
  problems?: ParsedProblemResponse[];
}

/** A top-level section (一、): its problems hang directly, under groups, or under categories. */
export class ParsedSectionResponse {
  @Res.text()
  number: string;

  @Res.text()
  title: string;

  @Res.many(() => ParsedCategoryResponse, { optional: true })
  categories?: ParsedCategoryResponse[];

  @Res.many(() => ParsedGroupResponse, { optional: true })
  groups?: ParsedGroupResponse[];

  @Res.many(() => ParsedProblemResponse, { optional: true })
  problems?: ParsedProblemResponse[];

  @Res.text({ optional: true, description: 'the text of a section without problems' })
  narrative?: string;
}

export class DocumentCountsResponse {
  @Res.int()
  sections: number;

  @Res.int()
  categories: number;

  @Res.int()
  groups: number;

  @Res.int()
  problems: number;

  @Res.int()
  measures: number;
}

export class ContactResponse {
  @Res.text({ optional: true })
  phone?: string;

  @Res.text({ optional: true })
  address?: string;

  @Res.text({ optional: true })
  postcode?: string;

  @Res.text({ optional: true })
  email?: string;
}

export class ParsedDocumentResponse {
  @Res.text({ nullable: true })
  title: string | null;

  @Res.text({ nullable: true })
  preamble: string | null;

  @Res.many(() => ParsedSectionResponse)
  sections: ParsedSectionResponse[];

  @Res.text({ nullable: true })
  closing: string | null;

  @Res.one(() => ContactResponse)
  contact: ContactResponse;

  @Res.text({ nullable: true })
  signer: string | null;

  @Res.text({ nullable: true })
  date: string | null;

  @Res.texts()
  warnings: string[];

  /** As parsed; the draft's own counts follow the corrections. */
  @Res.one(() => DocumentCountsResponse)
  counts: DocumentCountsResponse;
}

/** A plan or notice import before its commit: the tree, its counts and the parser's warnings. */
export class DocumentDraftResponse {
  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.enum(['document'], 'DocumentDraftKind')
  kind: string;

  @Res.text()
  fileName: string;

  @Res.dateTime({ nullable: true })
  committedAt: string | null;

  @Res.texts()
  warnings: string[];

  @Res.one(() => DocumentCountsResponse)
  counts: DocumentCountsResponse;

  @Res.one(() => ParsedDocumentResponse)
  content: ParsedDocumentResponse;

  @Res.many(() => MeasureAssignmentResponse, {
    description: 'every measure the commit would create, in order: what it reads and what that resolves to',
  })
  assignments: MeasureAssignmentResponse[];

  @Res.one(() => OwnerNamesResponse, { description: 'names no measure can be given yet: map them or mark them create' })
  unknown: OwnerNamesResponse;

  @Res.one(() => NameResolutionsResponse, { description: 'every department and person name read, and how it resolves' })
  names: NameResolutionsResponse;

  @Res.many(() => MissingOwnersResponse, { description: 'the measures a commit without defaults would refuse' })
  missing: MissingOwnersResponse[];
}

export class DocumentCommitResponse {
  @Res.int({ description: 'problems created' })
  problems: number;

  @Res.int({ description: 'measures created (one workflow each)' })
  measures: number;

  @Res.many(() => NamedRecordResponse, { description: 'departments created for names marked create' })
  createdDepartments: NamedRecordResponse[];

  @Res.many(() => NamedRecordResponse, { description: 'people created for names marked create (no department yet)' })
  createdPeople: NamedRecordResponse[];
}
