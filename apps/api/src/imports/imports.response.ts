import { MEASURE_KINDS } from '@rectiflow/domain';
import { Res } from '../common/response-fields';

// The plan and notice responses live in document.response.ts; they are re-exported here for the notices.
export * from './document.response';

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

/** One change a re-imported row asked of an existing measure, as its workflow answered it. */
export class LedgerChangeResponse {
  @Res.int({ description: 'the sheet row' })
  row: number;

  @Res.enum(['reassign', 'change_deadline', 'edit_text'], 'LedgerChangeAction')
  action: string;

  @Res.texts({ description: 'what changes (牵头部门, 责任领导, 配合部门, 整改时限, 措施类型, 措施内容)' })
  fields: string[];

  @Res.bool()
  applied: boolean;

  @Res.text({ optional: true, description: "why the measure's workflow refused it" })
  reason?: string;
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

  @Res.many(() => LedgerChangeResponse, {
    description: "each change to an existing measure, made through its workflow's actions as the importer",
  })
  changes: LedgerChangeResponse[];

  @Res.many(() => RowProblemResponse, { description: 'the refused changes, with the reason' })
  notApplied: RowProblemResponse[];
}
