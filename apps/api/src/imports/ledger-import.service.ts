import { Inject, Injectable } from '@nestjs/common';
import { addDuration, TimerPolicy } from '@rectiflow/domain';
import type { PlainSheet } from '@rectiflow/documents';
import {
  ImportDraftEntity,
  ImportDraftRepository,
  InspectionEntity,
  InspectionRepository,
  LedgerRepository,
  OrganisationRepository,
} from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { cleanFileName } from '../common/file-name';
import { ProblemsService } from '../problems/problems.service';
import type { CreateMeasureDto, CreateProblemDto } from '../problems/problem.dto';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { PlanService } from '../measures/plan.service';
import { LedgerChange, LedgerChangeOutcome, LedgerChangesService } from './ledger-changes.service';
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
    private readonly problems: ProblemsService,
    private readonly newNames: NewNamesService,
    private readonly changes: LedgerChangesService,
    private readonly plan: PlanService,
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
   * Creates what is new and updates what exists, keyed by 问题序号 and 措施序号: a problem's title
   * through the plan's record, and an existing measure's owners, deadline, kind and text through its
   * workflow's actions (调整责任, 调整时限, 修改措施) as the importing office member; each change is
   * reported applied or refused with the action's reason. `leadersAgreed` declares the responsible
   * leaders' consent to the ledger's deadlines (调整时限 needs it when the importer is not the group head).
   */
  async commit(id: string, options: { createUnknown: boolean; leadersAgreed: boolean }, actor: RequestActor) {
    const { createUnknown } = options;
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
      return await this.apply(inspection, content.rows, names, {
        actor,
        draftId: id,
        fileName: draft.fileName,
        leadersAgreed: options.leadersAgreed,
      });
    } catch (error) {
      await this.drafts.release(id);
      throw error;
    }
  }

  private async apply(
    inspection: InspectionEntity,
    rows: LedgerRow[],
    unknown: { unknownDepartments: string[]; unknownLeaders: string[] },
    context: { actor: RequestActor; draftId: string; fileName: string; leadersAgreed: boolean },
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
      changes: [] as LedgerChangeOutcome[],
      notApplied: [] as { row: number; reason: string }[],
    };
    const newProblems = new Map<number, CreateProblemDto>();
    const retitled: { id: string; title: string; row: number }[] = [];
    const changes: LedgerChange[] = [];
    const names = { departments, leaders };
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
      if (problem.title !== row.problem && !retitled.some((item) => item.id === problem.id)) {
        retitled.push({ id: problem.id, title: row.problem, row: row.row });
        problem.title = row.problem;
      }
      const measure = measureFor(row);
      if (!measure) {
        await this.problems.addMeasure(
          problem.id,
          toMeasure(row),
          context.actor,
          `台账导入(${context.fileName}，第${row.row}行)`,
        );
        report.measuresCreated += 1;
        continue;
      }
      const asked = this.changes.changesOf(row, measure, names, context);
      if (asked.length === 0) report.unchanged += 1;
      changes.push(...asked);
    }
    for (const problem of retitled) {
      await this.plan.retitleProblem(
        problem.id,
        problem.title,
        `台账导入(${context.fileName}，第${problem.row}行)`,
        context.actor,
      );
      report.problemsUpdated += 1;
    }
    const stages = new Map(existingMeasures.map((measure) => [measure.id, measure.stage as string]));
    report.changes = await this.changes.apply(changes, context.actor, context.draftId, stages);
    report.measuresUpdated = new Set(
      report.changes.filter((outcome) => outcome.applied).map((outcome) => outcome.row),
    ).size;
    report.notApplied = report.changes
      .filter((outcome) => !outcome.applied)
      .map((outcome) => ({ row: outcome.row, reason: `${outcome.fields.join('、')}: ${outcome.reason}` }));
    if (newProblems.size) {
      const created = await this.problems.createProblems(inspection.id, [...newProblems.values()]);
      report.problemsCreated = created.length;
      report.measuresCreated += created.reduce((sum, problem) => sum + problem.measures.length, 0);
    }
    return report;
  }
}
