import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  InspectionEntity,
  InspectionRepository,
  MeasureRepository,
  PlanChangeRepository,
  ProblemCountsRow,
  ProblemRepository,
  UnitOfWork,
} from '@rectiflow/persistence';
import { dueFromAssign, TimerPolicy } from '@rectiflow/domain';
import { measureWorkflowId } from '@rectiflow/workflows/measure.contract';
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
    private readonly unitOfWork: UnitOfWork,
    private readonly inspections: InspectionRepository,
    private readonly problems: ProblemRepository,
    private readonly measures: MeasureRepository,
    private readonly workflows: MeasureWorkflowsService,
    private readonly visibility: Visibility,
    private readonly participants: ParticipantsCheck,
    private readonly changes: PlanChangeRepository,
  ) {}

  private async inspection(id: string): Promise<InspectionEntity> {
    const inspection = await this.inspections.byId(id);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${id}`);
    return inspection;
  }

  /**
   * Creates problems with their measures in one transaction, then starts one workflow per measure.
   * `before` writes rows of the caller's first, in the same transaction (an import's new departments
   * and leaders, which the measures name): the references are then checked inside it.
   */
  async createProblems(
    inspectionId: string,
    problems: CreateProblemDto[],
    options: { before?: (tx: EntityManager) => Promise<void> } = {},
  ) {
    const inspection = await this.inspection(inspectionId);
    const numbers = problems.map((problem) => problem.number);
    const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
    if (repeated.length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `problems[].number repeated in the request: ${[...new Set(repeated)].join(', ')}`,
      );
    const named = problems.flatMap((problem, p) =>
      (problem.measures ?? []).map((measure, m) => ({ ...measure, path: `problems[${p}].measures[${m}]` })),
    );
    let warnings = options.before ? new Map<string, ParticipantsWarning[]>() : await this.participants.check(named);
    const toStart: StartableMeasure[] = [];
    const created = await this.unitOfWork.run(async (tx) => {
      if (options.before) {
        await options.before(tx);
        warnings = await this.participants.check(named, tx);
      }
      const existing = await this.problems.numbersTaken(inspectionId, numbers, tx);
      if (existing.length)
        throw new DomainError(
          ErrorCode.Conflict,
          `problem number already used in this inspection: ${existing.join(', ')}`,
        );
      const saved = await this.problems.insertMany(
        problems.map((problem) => ({
          inspectionId,
          sectionNumber: problem.sectionNumber ?? null,
          sectionTitle: problem.sectionTitle ?? null,
          categoryNumber: problem.categoryNumber ?? null,
          categoryTitle: problem.categoryTitle ?? null,
          groupNumber: problem.groupNumber ?? null,
          groupTitle: problem.groupTitle ?? null,
          number: problem.number,
          title: problem.title.trim(),
        })),
        tx,
      );
      const result = [];
      for (let index = 0; index < problems.length; index += 1) {
        const measures = await this.insertMeasures(
          tx,
          inspectionId,
          saved[index].id,
          problems[index].measures ?? [],
          0,
          `problems[${index}]`,
          inspection.policy,
        );
        toStart.push(...measures.startable);
        result.push({
          ...saved[index],
          measures: withWarnings(measures.rows, warnings, `problems[${index}].measures`),
        });
      }
      return result;
    });
    await this.workflows.start(toStart, inspection.policy);
    return created;
  }

  /**
   * Adds a measure to an existing problem, recorded in `plan_change` (measure.add) in the same
   * transaction, with who added it and from where (`source`: a ledger re-import names its file and row).
   */
  async addMeasure(problemId: string, measure: CreateMeasureDto, actor: RequestActor, source?: string) {
    const problem = await this.problems.byId(problemId);
    if (!problem) throw new DomainError(ErrorCode.NotFound, `no problem with id ${problemId}`);
    const inspection = await this.inspection(problem.inspectionId);
    const warnings = await this.participants.check([{ ...measure, path: 'measure' }]);
    const toStart: StartableMeasure[] = [];
    const rows = await this.unitOfWork.run(async (tx) => {
      const max = await this.measures.maxNumber(problemId, tx);
      const inserted = await this.insertMeasures(
        tx,
        problem.inspectionId,
        problemId,
        [measure],
        max,
        'measure',
        inspection.policy,
      );
      toStart.push(...inserted.startable);
      const [row] = inserted.rows;
      await this.changes.record(
        {
          inspectionId: problem.inspectionId,
          problemId,
          measureId: row.id,
          action: 'measure.add',
          actorId: actor.personId,
          detail: { number: row.number, text: row.text, kind: row.kind, source: source ?? null },
        },
        tx,
      );
      return inserted.rows;
    });
    await this.workflows.start(toStart, inspection.policy);
    return { ...rows[0], ...(warnings.has('measure') ? { warnings: warnings.get('measure') } : {}) };
  }

  private async insertMeasures(
    tx: EntityManager,
    inspectionId: string,
    problemId: string,
    measures: CreateMeasureDto[],
    numberBase: number,
    path: string,
    policy: TimerPolicy,
  ) {
    const now = new Date();
    const numbers = measures.map((measure, index) => measure.number ?? numberBase + index + 1);
    const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
    if (repeated.length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `${path}.measures[].number repeated: ${[...new Set(repeated)].join(', ')}`,
      );
    if (numberBase > 0 && measures.some((measure) => measure.number !== undefined)) {
      const clash = await this.measures.numbersTaken(problemId, numbers, tx);
      if (clash.length)
        throw new DomainError(ErrorCode.Conflict, `measure number already used in this problem: ${clash.join(', ')}`);
    }
    const rows = await this.measures.insertNew(
      measures.map((measure, index) => {
        // Ids are chosen here so the workflow id is known before the insert.
        const id = randomUUID();
        return {
          id,
          workflowId: measureWorkflowId(id),
          inspectionId,
          problemId,
          number: numbers[index],
          text: measure.text.trim(),
          kind: measure.kind,
          leadDepartmentId: measure.leadDepartmentId,
          responsibleLeaderId: measure.responsibleLeaderId,
          coLeaderIds: [...new Set(measure.coLeaderIds ?? [])],
          // Without a date the deadline is provisional: the workflow sets it at 交办 from the policy.
          dueAt: measure.dueAt ? parseDeadline(measure.dueAt)! : dueFromAssign(measure.kind, policy, now),
          dueOnAssign: !measure.dueAt,
        };
      }),
      tx,
    );
    const links = measures.flatMap((measure, index) =>
      [...new Set(measure.cooperatingDepartmentIds ?? [])].map((departmentId) => ({
        measureId: rows[index].id,
        departmentId,
      })),
    );
    await this.measures.insertCooperatingDepartments(links, tx);
    const startable: StartableMeasure[] = rows.map((row, index) => ({
      id: row.id,
      inspectionId,
      kind: row.kind,
      leadDepartmentId: row.leadDepartmentId,
      cooperatingDepartmentIds: [...new Set(measures[index].cooperatingDepartmentIds ?? [])],
      responsibleLeaderId: row.responsibleLeaderId,
      coLeaderIds: row.coLeaderIds,
      dueAt: row.dueAt,
      dueOnAssign: row.dueOnAssign,
    }));
    return { rows, startable };
  }

  async inspectionOf(problemId: string): Promise<string> {
    const inspectionId = await this.problems.inspectionIdOf(problemId);
    if (!inspectionId) throw new DomainError(ErrorCode.NotFound, `no problem with id ${problemId}`);
    return inspectionId;
  }

  /**
   * Problems with their counts; staff and leaders see only problems that hold a measure of theirs,
   * and count only their own measures (whether the whole problem is closed is told to all).
   */
  async list(inspectionId: string, actor: RequestActor) {
    await this.inspection(inspectionId);
    const rows = await this.problems.withCounts(inspectionId, await this.visibility.scope(actor, inspectionId));
    return rows.map((row: ProblemCountsRow) => ({
      ...row,
      closedAt: row.closed ? row.lastClosedAt : null,
      lastClosedAt: undefined,
    }));
  }
}

/** Each created measure carries the warnings about it (a leader in his own lead department). */
function withWarnings<T extends object>(
  rows: T[],
  warnings: Map<string, ParticipantsWarning[]>,
  path: string,
): (T & { warnings?: ParticipantsWarning[] })[] {
  return rows.map((row, index) => {
    const found = warnings.get(`${path}[${index}]`);
    return found ? { ...row, warnings: found } : row;
  });
}
