import { Inject, Injectable } from '@nestjs/common';
import { addDuration, STAGE_LABELS, TimerPolicy } from '@rectiflow/domain';
import type { PlainSheet } from '@rectiflow/documents';
import {
  ImportDraftEntity,
  ImportDraftRepository,
  InspectionEntity,
  InspectionRepository,
  LedgerRepository,
  OrganisationRepository,
  UnitOfWork,
} from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { cleanFileName } from '../common/file-name';
import { ProblemsService } from '../problems/problems.service';
import type { CreateMeasureDto, CreateProblemDto } from '../problems/problem.dto';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { LedgerRow, readLedger, RowError, splitLadderLabel } from './ledger-format';
import { NewNamesService } from './new-names.service';
import { readWorkbookUpload, uploadRefusal } from './upload-reader';

interface LedgerDraft {
  rows: LedgerRow[];
  errors: RowError[];
  unknownDepartments: string[];
  unknownLeaders: string[];
}

/** Excel ledger (台账) import: every row validated in a preview, then a commit that creates what is new and updates what exists. */
@Injectable()
export class LedgerImportService {
  constructor(
    private readonly drafts: ImportDraftRepository,
    private readonly ledger: LedgerRepository,
    private readonly organisation: OrganisationRepository,
    private readonly inspections: InspectionRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly problems: ProblemsService,
    private readonly newNames: NewNamesService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async preview(inspectionId: string, actor: RequestActor, file: { originalname: string; buffer: Buffer } | undefined) {
    if (!file) throw new DomainError(ErrorCode.InvalidInput, 'file is required (multipart field "file")');
    const fileName = cleanFileName(file.originalname, 'upload');
    if (!/\.xlsx$/i.test(fileName) || file.buffer.subarray(0, 2).toString('latin1') !== 'PK') {
      throw new DomainError(ErrorCode.UnsupportedMediaType, `${fileName} is not an .xlsx workbook`);
    }
    let sheets: PlainSheet[];
    try {
      // Unzipped and read into plain rows in a worker thread inside the import limits; a refusal writes no draft.
      sheets = await readWorkbookUpload(fileName, file.buffer, this.config.imports);
    } catch (error) {
      throw uploadRefusal(fileName, error, ' as a workbook');
    }
    const result = { rows: [] as LedgerRow[], errors: [] as RowError[] };
    // Sheets without a ledger header (the template's 填表说明, a cover sheet) are passed over.
    const read = sheets
      .map((sheet) => ({ sheet, ...readLedger(sheet) }))
      .filter(
        (item) => !(item.rows.length === 0 && item.errors.length === 1 && /no header row/.test(item.errors[0].reason)),
      );
    for (const item of read) {
      result.rows.push(...item.rows);
      result.errors.push(
        ...item.errors.map((error) => ({
          ...error,
          reason: read.length > 1 ? `[${item.sheet.name}] ${error.reason}` : error.reason,
        })),
      );
    }
    if (result.rows.length === 0 && result.errors.length === 0)
      result.errors.push({
        row: 1,
        reason: 'no sheet has a header row with 问题序号 and 整改措施; download the template',
      });
    const names = await this.unknownNames(result.rows);
    const draft: LedgerDraft = { ...result, ...names };
    const saved = await this.drafts.create({
      inspectionId,
      kind: 'ledger',
      fileName: fileName.slice(0, 255),
      content: draft as unknown as Record<string, unknown>,
      warnings: result.errors.map((error) => `row ${error.row}: ${error.reason}`),
      createdBy: actor.personId,
    });
    return this.view(saved);
  }

  view(draft: ImportDraftEntity) {
    const content = draft.content as unknown as LedgerDraft;
    const problems = new Set(content.rows.map((row) => row.problemNumber));
    return {
      id: draft.id,
      inspectionId: draft.inspectionId,
      kind: draft.kind,
      fileName: draft.fileName,
      committedAt: draft.committedAt,
      counts: {
        rows: content.rows.length,
        problems: problems.size,
        measures: content.rows.length,
        badRows: content.errors.length,
      },
      errors: content.errors,
      unknownDepartments: content.unknownDepartments,
      unknownLeaders: content.unknownLeaders,
      rows: content.rows,
    };
  }

  private async unknownNames(rows: LedgerRow[]) {
    const departmentNames = [...new Set(rows.flatMap((row) => [row.leadDepartment, ...row.cooperatingDepartments]))];
    const leaderNames = [...new Set(rows.map((row) => row.leader))];
    const [departments, people] = await Promise.all([
      departmentNames.length ? this.organisation.departmentsNamed(departmentNames) : [],
      leaderNames.length ? this.ledger.peopleNamed(leaderNames) : [],
    ]);
    return {
      unknownDepartments: departmentNames.filter((name) => !departments.some((department) => department.name === name)),
      unknownLeaders: leaderNames.filter((name) => !people.some((person) => person.name === name)),
    };
  }

  /**
   * Creates what is new and updates what exists, keyed by 问题序号 and 措施序号: problem titles and
   * measure texts are updated; owners, deadline and kind of a measure whose workflow is already
   * running are not changed here (that is the assign action or an extension) and are reported.
   */
  async commit(id: string, createUnknown: boolean) {
    const draft = await this.drafts.byId(id);
    if (!draft) throw new DomainError(ErrorCode.NotFound, `no import draft with id ${id}`);
    if (draft.kind !== 'ledger')
      throw new DomainError(ErrorCode.InvalidInput, `import ${id} is a ${draft.kind} import`);
    if (draft.committedAt) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
    const content = draft.content as unknown as LedgerDraft;
    if (content.errors.length) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `the ledger has ${content.errors.length} bad row(s); fix them and upload again`,
        { errors: content.errors },
      );
    }
    const names = await this.unknownNames(content.rows);
    if ((names.unknownDepartments.length || names.unknownLeaders.length) && !createUnknown) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `unknown departments: ${names.unknownDepartments.join('、') || 'none'}; unknown leaders: ${names.unknownLeaders.join('、') || 'none'}; create them first or commit with createUnknown`,
        names,
      );
    }
    if (!(await this.drafts.claim(id))) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
    const inspection = await this.inspections.byId(draft.inspectionId);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${draft.inspectionId}`);
    try {
      return await this.apply(inspection, content.rows, names);
    } catch (error) {
      await this.drafts.release(id);
      throw error;
    }
  }

  private async apply(
    inspection: InspectionEntity,
    rows: LedgerRow[],
    unknown: { unknownDepartments: string[]; unknownLeaders: string[] },
  ) {
    await this.newNames.create(this.newNames.plan(unknown.unknownDepartments, unknown.unknownLeaders));
    const departments = new Map(
      (await this.organisation.listDepartments()).map((department) => [department.name, department.id]),
    );
    const leaderRows = await this.ledger.peopleNamed([...new Set(rows.map((row) => row.leader))]);
    const leaders = new Map<string, string>();
    for (const person of leaderRows) if (!leaders.has(person.name)) leaders.set(person.name, person.id);

    const existingProblems = await this.ledger.problems(inspection.id);
    const existingMeasures = await this.ledger.measures(inspection.id);
    const measureFor = (row: LedgerRow) =>
      existingMeasures.find(
        (measure) => measure.problem_number === row.problemNumber && measure.number === row.measureNumber,
      );
    const deadline = (row: LedgerRow) =>
      row.dueAt ?? addDuration(new Date(), (inspection.policy as TimerPolicy).reportEvery).toISOString();
    const toMeasure = (row: LedgerRow): CreateMeasureDto => ({
      number: row.measureNumber ?? undefined,
      text: row.measure,
      kind: row.kind,
      leadDepartmentId: departments.get(row.leadDepartment)!,
      cooperatingDepartmentIds: row.cooperatingDepartments.map((name) => departments.get(name)!),
      responsibleLeaderId: leaders.get(row.leader)!,
      dueAt: deadline(row),
    });

    const report = {
      problemsCreated: 0,
      problemsUpdated: 0,
      measuresCreated: 0,
      measuresUpdated: 0,
      unchanged: 0,
      notApplied: [] as { row: number; reason: string }[],
    };
    const newProblems = new Map<number, CreateProblemDto>();
    // Text changes to existing rows, written together at the end in one transaction.
    const updates: (
      { table: 'problem'; id: string; title: string } | { table: 'measure'; id: string; text: string }
    )[] = [];
    for (const row of rows) {
      const problem = existingProblems.find((item) => item.number === row.problemNumber);
      if (!problem) {
        const section = splitLadderLabel(row.section);
        const category = splitLadderLabel(row.category);
        const group = splitLadderLabel(row.group);
        const entry = newProblems.get(row.problemNumber) ?? {
          number: row.problemNumber,
          title: row.problem,
          sectionNumber: section.number ?? undefined,
          sectionTitle: section.title ?? undefined,
          categoryNumber: category.number ?? undefined,
          categoryTitle: category.title ?? undefined,
          groupNumber: group.number ?? undefined,
          groupTitle: group.title ?? undefined,
          measures: [],
        };
        entry.measures!.push(toMeasure(row));
        newProblems.set(row.problemNumber, entry);
        continue;
      }
      if (problem.title !== row.problem && !updates.some((update) => update.id === problem.id)) {
        updates.push({ table: 'problem', id: problem.id, title: row.problem });
        problem.title = row.problem;
        report.problemsUpdated += 1;
      }
      const measure = measureFor(row);
      if (!measure) {
        await this.problems.addMeasure(problem.id, toMeasure(row));
        report.measuresCreated += 1;
        continue;
      }
      const changed: string[] = [];
      if (measure.kind !== row.kind) changed.push('措施类型');
      if (measure.lead !== departments.get(row.leadDepartment)) changed.push('牵头部门');
      if (measure.leader !== leaders.get(row.leader)) changed.push('责任领导');
      if (row.dueAt && new Date(measure.due_at).toISOString() !== row.dueAt) changed.push('整改时限');
      if (changed.length)
        report.notApplied.push({
          row: row.row,
          reason: `${changed.join('、')} of a measure already under way (${STAGE_LABELS[measure.stage]}) change through the assign action or an extension`,
        });
      if (measure.text !== row.measure) {
        updates.push({ table: 'measure', id: measure.id, text: row.measure });
        report.measuresUpdated += 1;
      } else if (!changed.length) {
        report.unchanged += 1;
      }
    }
    if (updates.length) {
      await this.unitOfWork.run(async (tx) => {
        for (const update of updates) {
          if (update.table === 'problem') await this.ledger.updateProblemTitle(update.id, update.title, tx);
          else await this.ledger.updateMeasureText(update.id, update.text, tx);
        }
      });
    }
    if (newProblems.size) {
      const created = await this.problems.createProblems(inspection.id, [...newProblems.values()]);
      report.problemsCreated = created.length;
      report.measuresCreated += created.reduce((sum, problem) => sum + problem.measures.length, 0);
    }
    return report;
  }
}
