import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, In, IsNull } from 'typeorm';
import { addDuration, MEASURE_KIND_LABELS, STAGE_LABELS, TimerPolicy } from '../../../../libs/domain/src';
import type { PlainSheet } from '../../../../libs/documents/src';
import { DepartmentEntity, ImportDraftEntity, InspectionEntity, PersonEntity } from '../../../../libs/persistence/src';
import type { ApiConfig } from '../../../../libs/platform/src';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { COLOUR_SQL } from '../measures/measures.service';
import { ProblemsService } from '../problems/problems.service';
import type { CreateMeasureDto, CreateProblemDto } from '../problems/problem.dto';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { LEDGER_COLUMNS, LedgerRow, readLedger, RowError, splitLadderLabel } from './ledger-format';
import { readWorkbookUpload, uploadRefusal } from './upload-reader';

const COLOUR_LABELS: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

interface LedgerDraft {
  rows: LedgerRow[];
  errors: RowError[];
  unknownDepartments: string[];
  unknownLeaders: string[];
}

/** Excel ledger (台账): template, validated import (preview then commit, idempotent on re-import), export. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly problems: ProblemsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async template(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('整改台账');
    sheet.columns = LEDGER_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
    sheet.addRow({
      problemNumber: 9,
      section: '二、坚持问题导向,全面推进整改任务落地落细',
      category: '(一)贯彻党中央及省、市委重大决策部署,落实高质量发展标杆方面',
      group: '3.持续推进高质量发展',
      problem: '优化招引机制,加强项目监管,实现投资、税收双提升',
      measureNumber: 1,
      measure: '强化项目入园审查,严格执行拿地门槛,全面提升项目质量,增加项目资金到位率。',
      kind: '限期整改',
      leader: '张三',
      leadDepartment: '投资合作中心',
      cooperatingDepartments: '经济发展局、财政局',
      dueAt: '2024-06-30',
    });
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const kinds = `"${Object.values(MEASURE_KIND_LABELS).join(',')}"`;
    for (let row = 2; row <= 1000; row += 1) sheet.getCell(row, 8).dataValidation = { type: 'list', allowBlank: false, formulae: [kinds] };
    const help = workbook.addWorksheet('填表说明');
    [
      '每行一项整改措施;同一问题的多项措施填写相同的问题序号和问题。',
      '措施类型:立行立改、限期整改、长期坚持。',
      '整改时限:日期,如 2024-06-30 或 2024年6月30日;长期坚持可填“长期坚持”。',
      '责任领导、牵头部门、配合部门填写系统中的姓名和部门名称;多个配合部门用顿号分隔。',
      '再次导入同一台账会更新已有问题和措施,不会重复创建。',
    ].forEach((line) => help.addRow([line]));
    help.getColumn(1).width = 90;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async preview(inspectionId: string, actor: RequestActor, file: { originalname: string; buffer: Buffer } | undefined) {
    if (!file) throw new DomainError(ErrorCode.InvalidInput, 'file is required (multipart field "file")');
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
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
      .filter((item) => !(item.rows.length === 0 && item.errors.length === 1 && /no header row/.test(item.errors[0].reason)));
    for (const item of read) {
      result.rows.push(...item.rows);
      result.errors.push(...item.errors.map((error) => ({ ...error, reason: read.length > 1 ? `[${item.sheet.name}] ${error.reason}` : error.reason })));
    }
    if (result.rows.length === 0 && result.errors.length === 0) result.errors.push({ row: 1, reason: 'no sheet has a header row with 问题序号 and 整改措施; download the template' });
    const names = await this.unknownNames(result.rows);
    const draft: LedgerDraft = { ...result, ...names };
    const repository = this.dataSource.getRepository(ImportDraftEntity);
    const saved = await repository.save(
      repository.create({
        inspectionId,
        kind: 'ledger',
        fileName: fileName.slice(0, 255),
        content: draft as unknown as Record<string, unknown>,
        warnings: result.errors.map((error) => `row ${error.row}: ${error.reason}`),
        createdBy: actor.personId,
      }),
    );
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
      counts: { rows: content.rows.length, problems: problems.size, measures: content.rows.length, badRows: content.errors.length },
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
      departmentNames.length ? this.dataSource.getRepository(DepartmentEntity).find({ where: { name: In(departmentNames) } }) : [],
      leaderNames.length ? this.dataSource.getRepository(PersonEntity).find({ where: { name: In(leaderNames) } }) : [],
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
    const draft = await this.dataSource.getRepository(ImportDraftEntity).findOne({ where: { id } });
    if (!draft) throw new DomainError(ErrorCode.NotFound, `no import draft with id ${id}`);
    if (draft.kind !== 'ledger') throw new DomainError(ErrorCode.InvalidInput, `import ${id} is a ${draft.kind} import`);
    if (draft.committedAt) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
    const content = draft.content as unknown as LedgerDraft;
    if (content.errors.length) {
      throw new DomainError(ErrorCode.InvalidInput, `the ledger has ${content.errors.length} bad row(s); fix them and upload again`, { errors: content.errors });
    }
    const names = await this.unknownNames(content.rows);
    if ((names.unknownDepartments.length || names.unknownLeaders.length) && !createUnknown) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `unknown departments: ${names.unknownDepartments.join('、') || 'none'}; unknown leaders: ${names.unknownLeaders.join('、') || 'none'}; create them first or commit with createUnknown`,
        names,
      );
    }
    const claimed = await this.dataSource.getRepository(ImportDraftEntity).update({ id, committedAt: IsNull() }, { committedAt: new Date() });
    if (!claimed.affected) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
    const inspection = await this.dataSource.getRepository(InspectionEntity).findOneOrFail({ where: { id: draft.inspectionId } });
    try {
      return await this.apply(inspection, content.rows, names);
    } catch (error) {
      await this.dataSource.getRepository(ImportDraftEntity).update({ id }, { committedAt: null });
      throw error;
    }
  }

  private async apply(inspection: InspectionEntity, rows: LedgerRow[], unknown: { unknownDepartments: string[]; unknownLeaders: string[] }) {
    if (unknown.unknownDepartments.length) {
      await this.dataSource.getRepository(DepartmentEntity).insert(unknown.unknownDepartments.map((name) => ({ name })));
    }
    if (unknown.unknownLeaders.length) {
      await this.dataSource.getRepository(PersonEntity).insert(unknown.unknownLeaders.map((name) => ({ name })));
    }
    const departments = new Map((await this.dataSource.getRepository(DepartmentEntity).find()).map((department) => [department.name, department.id]));
    const leaderRows = await this.dataSource.getRepository(PersonEntity).find({ where: { name: In([...new Set(rows.map((row) => row.leader))]) }, order: { createdAt: 'ASC' } });
    const leaders = new Map<string, string>();
    for (const person of leaderRows) if (!leaders.has(person.name)) leaders.set(person.name, person.id);

    const existingProblems: { id: string; number: number; title: string }[] = await this.dataSource.query('SELECT id, number, title FROM problem WHERE inspection_id = $1', [inspection.id]);
    const existingMeasures: { id: string; problem_number: number; number: number; text: string; kind: string; stage: string; lead: string; leader: string; due_at: Date }[] =
      await this.dataSource.query(
        `SELECT m.id, p.number AS problem_number, m.number, m.text, m.kind, m.stage, m.lead_department_id AS lead, m.responsible_leader_id AS leader, m.due_at
           FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.inspection_id = $1`,
        [inspection.id],
      );
    const measureFor = (row: LedgerRow) => existingMeasures.find((measure) => measure.problem_number === row.problemNumber && measure.number === row.measureNumber);
    const deadline = (row: LedgerRow) => row.dueAt ?? addDuration(new Date(), (inspection.policy as TimerPolicy).reportEvery).toISOString();
    const toMeasure = (row: LedgerRow): CreateMeasureDto => ({
      number: row.measureNumber ?? undefined,
      text: row.measure,
      kind: row.kind,
      leadDepartmentId: departments.get(row.leadDepartment)!,
      cooperatingDepartmentIds: row.cooperatingDepartments.map((name) => departments.get(name)!),
      responsibleLeaderId: leaders.get(row.leader)!,
      dueAt: deadline(row),
    });

    const report = { problemsCreated: 0, problemsUpdated: 0, measuresCreated: 0, measuresUpdated: 0, unchanged: 0, notApplied: [] as { row: number; reason: string }[] };
    const newProblems = new Map<number, CreateProblemDto>();
    const updates: { sql: string; parameters: unknown[] }[] = [];
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
      if (problem.title !== row.problem && !updates.some((update) => update.parameters[0] === problem.id)) {
        updates.push({ sql: 'UPDATE problem SET title = $2 WHERE id = $1', parameters: [problem.id, row.problem] });
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
      if (changed.length) report.notApplied.push({ row: row.row, reason: `${changed.join('、')} of a measure already under way (${STAGE_LABELS[measure.stage as keyof typeof STAGE_LABELS]}) change through the assign action or an extension` });
      if (measure.text !== row.measure) {
        updates.push({ sql: 'UPDATE measure SET text = $2, updated_at = now() WHERE id = $1', parameters: [measure.id, row.measure] });
        report.measuresUpdated += 1;
      } else if (!changed.length) {
        report.unchanged += 1;
      }
    }
    if (updates.length) {
      await this.dataSource.transaction(async (manager) => {
        for (const update of updates) await manager.query(update.sql, update.parameters);
      });
    }
    if (newProblems.size) {
      const created = await this.problems.createProblems(inspection.id, [...newProblems.values()]);
      report.problemsCreated = created.length;
      report.measuresCreated += created.reduce((sum, problem) => sum + problem.measures.length, 0);
    }
    return report;
  }

  private async ledgerRows(inspectionId: string) {
    return this.dataSource.query(
      `SELECT p.section_number, p.section_title, p.category_number, p.category_title, p.group_number, p.group_title,
              p.number AS problem_number, p.title AS problem, m.number AS measure_number, m.text AS measure, m.kind,
              leader.name AS leader, lead.name AS lead_department,
              coalesce((SELECT string_agg(d.name, '、' ORDER BY d.name) FROM measure_cooperating_department c JOIN department d ON d.id = c.department_id WHERE c.measure_id = m.id), '') AS cooperating,
              m.due_at, m.stage, ${COLOUR_SQL} AS colour, m.round, m.stage_due_at,
              (SELECT count(*)::int FROM evidence e WHERE e.measure_id = m.id) AS evidence_count,
              m.latest_progress, m.signed_off_at, m.closed_at
         FROM measure m JOIN problem p ON p.id = m.problem_id
         JOIN department lead ON lead.id = m.lead_department_id
         JOIN person leader ON leader.id = m.responsible_leader_id
        WHERE m.inspection_id = $1
        ORDER BY p.number, m.number`,
      [inspectionId],
    );
  }

  private static readonly EXPORT_COLUMNS = [
    ...LEDGER_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width })),
    { header: '阶段', key: 'stage', width: 10 },
    { header: '红黄绿灯', key: 'colour', width: 10 },
    { header: '轮次', key: 'round', width: 8 },
    { header: '当前阶段时限', key: 'stageDueAt', width: 18 },
    { header: '佐证材料数', key: 'evidence', width: 12 },
    { header: '最新进展', key: 'progress', width: 50 },
    { header: '销号时间', key: 'signedOffAt', width: 18 },
    { header: '办结时间', key: 'closedAt', width: 18 },
  ];

  private exportRecord(row: Record<string, any>) {
    const day = (value: Date | null) => (value ? new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '');
    const label = (number: string | null, title: string | null, format: (n: string) => string) => (title ? `${number ? format(number) : ''}${title}` : '');
    return {
      problemNumber: row.problem_number,
      section: label(row.section_number, row.section_title, (n) => `${n}、`),
      category: label(row.category_number, row.category_title, (n) => `(${n})`),
      group: label(row.group_number, row.group_title, (n) => `${n}.`),
      problem: row.problem,
      measureNumber: row.measure_number,
      measure: row.measure,
      kind: MEASURE_KIND_LABELS[row.kind as keyof typeof MEASURE_KIND_LABELS],
      leader: row.leader,
      leadDepartment: row.lead_department,
      cooperatingDepartments: row.cooperating,
      dueAt: row.kind === 'ongoing' ? '长期坚持' : day(row.due_at),
      stage: STAGE_LABELS[row.stage as keyof typeof STAGE_LABELS],
      colour: COLOUR_LABELS[row.colour],
      round: row.round,
      stageDueAt: day(row.stage_due_at),
      evidence: row.evidence_count,
      progress: row.latest_progress ?? '',
      signedOffAt: day(row.signed_off_at),
      closedAt: day(row.closed_at),
    };
  }

  /** The live ledger, one sheet per section, Chinese headers, filters on, header frozen. */
  async exportXlsx(inspectionId: string): Promise<Buffer> {
    const rows = await this.ledgerRows(inspectionId);
    const workbook = new ExcelJS.Workbook();
    const bySection = new Map<string, Record<string, any>[]>();
    for (const row of rows) {
      const name = row.section_title ? `${row.section_number ?? ''}、${row.section_title}` : '整改台账';
      bySection.set(name, [...(bySection.get(name) ?? []), row]);
    }
    if (bySection.size === 0) bySection.set('整改台账', []);
    const used = new Set<string>();
    for (const [name, sectionRows] of bySection) {
      let sheetName = name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31);
      for (let suffix = 2; used.has(sheetName); suffix += 1) sheetName = `${sheetName.slice(0, 28)}(${suffix})`;
      used.add(sheetName);
      const sheet = workbook.addWorksheet(sheetName);
      sheet.columns = LedgerService.EXPORT_COLUMNS;
      sectionRows.forEach((row) => sheet.addRow(this.exportRecord(row)));
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LedgerService.EXPORT_COLUMNS.length } };
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async exportCsv(inspectionId: string): Promise<string> {
    const rows = await this.ledgerRows(inspectionId);
    const quote = (value: unknown) => {
      const text = value === null || value === undefined ? '' : String(value);
      // A leading = + - @ would run as a formula when Excel opens the file.
      const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const columns = LedgerService.EXPORT_COLUMNS;
    const lines = [columns.map((column) => quote(column.header)).join(',')];
    for (const row of rows) {
      const record = this.exportRecord(row) as Record<string, unknown>;
      lines.push(columns.map((column) => quote(record[column.key])).join(','));
    }
    return `\ufeff${lines.join('\r\n')}\r\n`;
  }
}
