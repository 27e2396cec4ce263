import { Injectable } from '@nestjs/common';
import { deadlineProblem, resolvePolicy, STAGES } from '@rectiflow/domain';
import {
  InspectionEntity,
  InspectionRepository,
  InspectionRoleEntity,
  MeasureReportsRepository,
  ParticipantsRepository,
  ProblemRepository,
} from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import type { AssignRoleDto, CreateInspectionDto } from './inspection.dto';

@Injectable()
export class InspectionsService {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly problems: ProblemRepository,
    private readonly reports: MeasureReportsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly visibility: Visibility,
  ) {}

  async create(body: CreateInspectionDto): Promise<InspectionEntity> {
    const { policy, errors } = resolvePolicy(body.policy);
    errors.push(...datesInOrder(body));
    if (errors.length) throw new DomainError(ErrorCode.InvalidInput, errors.join('; '));
    return this.inspections.create({
      title: body.title.trim(),
      kind: body.kind,
      inspectingBody: body.inspectingBody.trim(),
      inspectedUnit: body.inspectedUnit.trim(),
      startedOn: body.startedOn ?? null,
      endedOn: body.endedOn ?? null,
      feedbackOn: body.feedbackOn ?? null,
      policy,
    });
  }

  /** Administrators see every inspection; others those they hold a role in or have a measure in. */
  list(actor: RequestActor): Promise<InspectionEntity[]> {
    return actor.isAdmin ? this.inspections.all() : this.inspections.visibleTo(actor);
  }

  async get(id: string): Promise<InspectionEntity> {
    const inspection = await this.inspections.byId(id);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${id}`);
    return inspection;
  }

  /** The inspection with its counts: measures per stage and colour, problems closed (销号) or open. */
  async summary(id: string, actor: RequestActor) {
    const inspection = await this.get(id);
    // Staff and leaders count only the measures they can see.
    const scope = await this.visibility.scope(actor, id);
    const stageRows = await this.reports.countsByStage(id, scope);
    const measuresByStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<string, number>;
    for (const row of stageRows) measuresByStage[row.stage] = row.count;
    const problems = await this.problems.closedCounts(id, scope);
    const colours = await this.reports.colourCounts(id, scope);
    const total = Object.values(measuresByStage).reduce((sum, value) => sum + value, 0);
    return {
      ...inspection,
      counts: {
        measures: total,
        measuresByStage,
        measuresDone: measuresByStage.lookback + measuresByStage.closed,
        red: colours.red,
        yellow: colours.yellow,
        problems: problems.total,
        problemsClosed: problems.closed,
      },
    };
  }

  async assignRoles(id: string, roles: AssignRoleDto[]) {
    await this.get(id);
    const personIds = [...new Set(roles.map((role) => role.personId))];
    const people = await this.participants.people(personIds);
    const missing = personIds.filter((personId) => !people.some((person) => person.id === personId));
    if (missing.length)
      throw new DomainError(ErrorCode.InvalidInput, `roles[].personId names no person: ${missing.join(', ')}`);
    await this.inspections.addRoles(
      roles.map((role) => ({ inspectionId: id, personId: role.personId, role: role.role })),
    );
    return this.listRoles(id);
  }

  listRoles(id: string): Promise<InspectionRoleEntity[]> {
    return this.inspections.roles(id);
  }
}

/** An inspection starts, ends, then hands over its feedback; each day within the product's date bounds. */
function datesInOrder(body: Pick<CreateInspectionDto, 'startedOn' | 'endedOn' | 'feedbackOn'>): string[] {
  const errors: string[] = [];
  const dates = (['startedOn', 'endedOn', 'feedbackOn'] as const).filter((field) => body[field]);
  for (const field of dates) {
    const problem = deadlineProblem(new Date(`${body[field]}T00:00:00Z`));
    if (problem) errors.push(`${field} ${problem}`);
  }
  for (let later = 1; later < dates.length; later += 1) {
    const earlier = dates[later - 1];
    if (body[dates[later]]! < body[earlier]!)
      errors.push(`${dates[later]} (${body[dates[later]]}) is before ${earlier} (${body[earlier]})`);
  }
  return errors;
}
