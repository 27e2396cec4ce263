import { MEASURE_KINDS } from '@rectiflow/domain';
import { Res } from '../common/response-fields';

/** The parsed tree of a plan or notice (libs/documents document-model), as the preview shows it. */
export class ParsedMeasureResponse {
  @Res.int()
  number: number;

  @Res.text()
  text: string;
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
}

export class LedgerCountsResponse {
  @Res.int()
  rows: number;

  @Res.int()
  problems: number;

  @Res.int()
  measures: number;

  @Res.int()
  badRows: number;
}

/** A row the import refuses, or one the commit did not apply, and why. */
export class RowProblemResponse {
  @Res.int({ description: 'the spreadsheet row' })
  row: number;

  @Res.text()
  reason: string;
}

/** One good row of an uploaded ledger. */
export class LedgerRowResponse {
  @Res.int()
  row: number;

  @Res.int()
  problemNumber: number;

  @Res.text({ nullable: true })
  section: string | null;

  @Res.text({ nullable: true })
  category: string | null;

  @Res.text({ nullable: true })
  group: string | null;

  @Res.text()
  problem: string;

  @Res.int({ nullable: true })
  measureNumber: number | null;

  @Res.text()
  measure: string;

  @Res.enum(MEASURE_KINDS, 'MeasureKind')
  kind: string;

  @Res.text()
  leader: string;

  @Res.text()
  leadDepartment: string;

  @Res.texts()
  cooperatingDepartments: string[];

  @Res.dateTime({ nullable: true, description: 'null for a 长期坚持 measure without a date' })
  dueAt: string | null;
}

/** An Excel ledger before its commit: every bad row listed, and the names the system does not know. */
export class LedgerDraftResponse {
  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.enum(['ledger'], 'LedgerDraftKind')
  kind: string;

  @Res.text()
  fileName: string;

  @Res.dateTime({ nullable: true })
  committedAt: string | null;

  @Res.one(() => LedgerCountsResponse)
  counts: LedgerCountsResponse;

  @Res.many(() => RowProblemResponse)
  errors: RowProblemResponse[];

  @Res.texts()
  unknownDepartments: string[];

  @Res.texts()
  unknownLeaders: string[];

  @Res.many(() => LedgerRowResponse)
  rows: LedgerRowResponse[];
}

export class DocumentCommitResponse {
  @Res.int({ description: 'problems created' })
  problems: number;

  @Res.int({ description: 'measures created (one workflow each)' })
  measures: number;
}

export class LedgerCommitResponse {
  @Res.int()
  problemsCreated: number;

  @Res.int()
  problemsUpdated: number;

  @Res.int()
  measuresCreated: number;

  @Res.int()
  measuresUpdated: number;

  @Res.int()
  unchanged: number;

  @Res.many(() => RowProblemResponse, {
    description: 'changes to measures already under way, which go through the assign action or an extension',
  })
  notApplied: RowProblemResponse[];
}
