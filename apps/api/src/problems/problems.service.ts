import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { InspectionEntity, MeasureCooperatingDepartmentEntity, MeasureEntity, ProblemEntity } from '../../../../libs/persistence/src';
import { measureWorkflowId } from '../../../../workflows/measure.contract';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { parseDeadline } from '../measures/deadline';
import { MeasureWorkflowsService, StartableMeasure } from '../measures/measure-workflows.service';
import { ParticipantsCheck, ParticipantsWarning } from '../measures/participants-check';
import type { CreateMeasureDto, CreateProblemDto } from './problem.dto';

@Injectable()
export class ProblemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: MeasureWorkflowsService,
    private readonly visibility: Visibility,
    private readonly participants: ParticipantsCheck,
  ) {}

  private async inspection(id: string): Promise<InspectionEntity> {
    const inspection = await this.dataSource.getRepository(InspectionEntity).findOne({ where: { id } });
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${id}`);
    return inspection;
  }

  /** Creates problems with their measures in one transaction, then starts one workflow per measure. */
  async createProblems(inspectionId: string, problems: CreateProblemDto[]) {
    const inspection = await this.inspection(inspectionId);
    const numbers = problems.map((problem) => problem.number);
    const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
    if (repeated.length) throw new DomainError(ErrorCode.InvalidInput, `problems[].number repeated in the request: ${[...new Set(repeated)].join(', ')}`);
    const warnings = await this.participants.check(problems.flatMap((problem, p) => (problem.measures ?? []).map((measure, m) => ({ ...measure, path: `problems[${p}].measures[${m}]` }))));
    const toStart: StartableMeasure[] = [];
    const created = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.getRepository(ProblemEntity).find({ where: { inspectionId, number: In(numbers) }, select: ['number'] });
      if (existing.length) throw new DomainError(ErrorCode.Conflict, `problem number already used in this inspection: ${existing.map((item) => item.number).join(', ')}`);
      const saved = await manager.getRepository(ProblemEntity).save(
        problems.map((problem) =>
          manager.getRepository(ProblemEntity).create({
            inspectionId,
            sectionNumber: problem.sectionNumber ?? null,
            sectionTitle: problem.sectionTitle ?? null,
            categoryNumber: problem.categoryNumber ?? null,
            categoryTitle: problem.categoryTitle ?? null,
            groupNumber: problem.groupNumber ?? null,
            groupTitle: problem.groupTitle ?? null,
            number: problem.number,
            title: problem.title.trim(),
          }),
        ),
        { chunk: 500 },
      );
      const result = [];
      for (let index = 0; index < problems.length; index += 1) {
        const measures = await this.insertMeasures(manager, inspectionId, saved[index].id, problems[index].measures ?? [], 0, `problems[${index}]`);
        toStart.push(...measures.startable);
        result.push({ ...saved[index], measures: withWarnings(measures.rows, warnings, `problems[${index}].measures`) });
      }
      return result;
    });
    await this.workflows.start(toStart, inspection.policy);
    return created;
  }

  async addMeasure(problemId: string, measure: CreateMeasureDto) {
    const problem = await this.dataSource.getRepository(ProblemEntity).findOne({ where: { id: problemId } });
    if (!problem) throw new DomainError(ErrorCode.NotFound, `no problem with id ${problemId}`);
    const inspection = await this.inspection(problem.inspectionId);
    const warnings = await this.participants.check([{ ...measure, path: 'measure' }]);
    const toStart: StartableMeasure[] = [];
    const rows = await this.dataSource.transaction(async (manager) => {
      const [{ max }] = await manager.query('SELECT coalesce(max(number), 0) AS max FROM measure WHERE problem_id = $1', [problemId]);
      const inserted = await this.insertMeasures(manager, problem.inspectionId, problemId, [measure], Number(max), 'measure');
      toStart.push(...inserted.startable);
      return inserted.rows;
    });
    await this.workflows.start(toStart, inspection.policy);
    return { ...rows[0], ...(warnings.has('measure') ? { warnings: warnings.get('measure') } : {}) };
  }

  private async insertMeasures(
    manager: import('typeorm').EntityManager,
    inspectionId: string,
    problemId: string,
    measures: CreateMeasureDto[],
    numberBase: number,
    path: string,
  ) {
    const repository = manager.getRepository(MeasureEntity);
    const numbers = measures.map((measure, index) => measure.number ?? numberBase + index + 1);
    const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
    if (repeated.length) throw new DomainError(ErrorCode.InvalidInput, `${path}.measures[].number repeated: ${[...new Set(repeated)].join(', ')}`);
    if (numberBase > 0 && measures.some((measure) => measure.number !== undefined)) {
      const clash = await repository.find({ where: { problemId, number: In(numbers) }, select: ['number'] });
      if (clash.length) throw new DomainError(ErrorCode.Conflict, `measure number already used in this problem: ${clash.map((item) => item.number).join(', ')}`);
    }
    const entities = measures.map((measure, index) => {
      const entity = repository.create({
        inspectionId,
        problemId,
        number: numbers[index],
        text: measure.text.trim(),
        kind: measure.kind,
        leadDepartmentId: measure.leadDepartmentId,
        responsibleLeaderId: measure.responsibleLeaderId,
        dueAt: parseDeadline(measure.dueAt)!,
        stage: 'assign',
        round: 1,
        workflowStarted: false,
      });
      return entity;
    });
    // Ids are generated here so the workflow id is known before the insert.
    for (const entity of entities) {
      entity.id = randomUUID();
      entity.workflowId = measureWorkflowId(entity.id);
    }
    const rows = entities.length ? await repository.save(entities, { chunk: 500 }) : [];
    const links = measures.flatMap((measure, index) =>
      [...new Set(measure.cooperatingDepartmentIds ?? [])].map((departmentId) => ({ measureId: rows[index].id, departmentId })),
    );
    if (links.length) await manager.getRepository(MeasureCooperatingDepartmentEntity).insert(links);
    const startable: StartableMeasure[] = rows.map((row, index) => ({
      id: row.id,
      inspectionId,
      kind: row.kind,
      leadDepartmentId: row.leadDepartmentId,
      cooperatingDepartmentIds: [...new Set(measures[index].cooperatingDepartmentIds ?? [])],
      responsibleLeaderId: row.responsibleLeaderId,
      dueAt: row.dueAt,
    }));
    return { rows, startable };
  }

  async inspectionOf(problemId: string): Promise<string> {
    const problem = await this.dataSource.getRepository(ProblemEntity).findOne({ where: { id: problemId }, select: ['id', 'inspectionId'] });
    if (!problem) throw new DomainError(ErrorCode.NotFound, `no problem with id ${problemId}`);
    return problem.inspectionId;
  }

  /**
   * Problems with their counts; staff and leaders see only problems that hold a measure of theirs,
   * and count only their own measures (whether the whole problem is closed is told to all).
   */
  async list(inspectionId: string, actor: RequestActor) {
    await this.inspection(inspectionId);
    const parameters: unknown[] = [inspectionId];
    const visible = (await this.visibility.hasOversight(actor, inspectionId)) ? 'true' : this.visibility.measureCondition(actor, parameters);
    const rows = await this.dataSource.query(
      `SELECT p.id, p.section_number AS "sectionNumber", p.section_title AS "sectionTitle", p.category_number AS "categoryNumber",
              p.category_title AS "categoryTitle", p.group_number AS "groupNumber", p.group_title AS "groupTitle", p.number, p.title,
              count(m.id) FILTER (WHERE ${visible})::int AS measures,
              count(m.id) FILTER (WHERE m.stage = 'closed' AND ${visible})::int AS "measuresClosed",
              count(m.id) > 0 AND bool_and(m.stage = 'closed') AS closed,
              max(m.closed_at) AS "lastClosedAt"
         FROM problem p LEFT JOIN measure m ON m.problem_id = p.id
        WHERE p.inspection_id = $1
          ${visible === 'true' ? '' : `AND EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND ${visible})`}
        GROUP BY p.id ORDER BY p.number`,
      parameters,
    );
    return rows.map((row: { closed: boolean; lastClosedAt: Date | null }) => ({ ...row, closedAt: row.closed ? row.lastClosedAt : null, lastClosedAt: undefined }));
  }
}

/** Each created measure carries the warnings about it (a leader in his own lead department). */
function withWarnings<T extends object>(rows: T[], warnings: Map<string, ParticipantsWarning[]>, path: string): (T & { warnings?: ParticipantsWarning[] })[] {
  return rows.map((row, index) => {
    const found = warnings.get(`${path}[${index}]`);
    return found ? { ...row, warnings: found } : row;
  });
}
