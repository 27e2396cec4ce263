import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { deadlineProblem, resolvePolicy, STAGES } from '../../../../libs/domain/src';
import { InspectionEntity, InspectionRoleEntity, PersonEntity } from '../../../../libs/persistence/src';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { COLOUR_SQL } from '../measures/measures.service';
import type { AssignRoleDto, CreateInspectionDto } from './inspection.dto';

@Injectable()
export class InspectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: Visibility,
  ) {}

  async create(body: CreateInspectionDto): Promise<InspectionEntity> {
    const { policy, errors } = resolvePolicy(body.policy);
    errors.push(...datesInOrder(body));
    if (errors.length) throw new DomainError(ErrorCode.InvalidInput, errors.join('; '));
    const repository = this.dataSource.getRepository(InspectionEntity);
    return repository.save(
      repository.create({
        title: body.title.trim(),
        kind: body.kind,
        inspectingBody: body.inspectingBody.trim(),
        inspectedUnit: body.inspectedUnit.trim(),
        startedOn: body.startedOn ?? null,
        endedOn: body.endedOn ?? null,
        feedbackOn: body.feedbackOn ?? null,
        policy,
      }),
    );
  }

  /** Administrators see every inspection; others those they hold a role in or have a measure in. */
  list(actor: RequestActor): Promise<InspectionEntity[]> {
    if (actor.isAdmin) return this.dataSource.getRepository(InspectionEntity).find({ order: { createdAt: 'DESC' } });
    const parameters: unknown[] = [];
    const visible = this.visibility.measureCondition(actor, parameters);
    parameters.push(actor.personId);
    return this.dataSource.query(
      `SELECT i.id, i.title, i.kind, i.inspecting_body AS "inspectingBody", i.inspected_unit AS "inspectedUnit", i.started_on AS "startedOn",
              i.ended_on AS "endedOn", i.feedback_on AS "feedbackOn", i.policy, i.created_at AS "createdAt"
         FROM inspection i
        WHERE EXISTS (SELECT 1 FROM inspection_role r WHERE r.inspection_id = i.id AND r.person_id = $${parameters.length})
           OR EXISTS (SELECT 1 FROM measure m WHERE m.inspection_id = i.id AND ${visible})
        ORDER BY i.created_at DESC`,
      parameters,
    );
  }

  async get(id: string): Promise<InspectionEntity> {
    const inspection = await this.dataSource.getRepository(InspectionEntity).findOne({ where: { id } });
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${id}`);
    return inspection;
  }

  /** The inspection with its counts: measures per stage and colour, problems closed (销号) or open. */
  async summary(id: string, actor: RequestActor) {
    const inspection = await this.get(id);
    // Staff and leaders count only the measures they can see.
    const parameters: unknown[] = [id];
    const visible = (await this.visibility.hasOversight(actor, id)) ? 'true' : this.visibility.measureCondition(actor, parameters);
    const stageRows: { stage: string; count: string }[] = await this.dataSource.query(
      `SELECT stage, count(*) AS count FROM measure m WHERE m.inspection_id = $1 AND ${visible} GROUP BY stage`,
      parameters,
    );
    const measuresByStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<string, number>;
    for (const row of stageRows) measuresByStage[row.stage] = Number(row.count);
    const [problems] = await this.dataSource.query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND m.stage <> 'closed')
                                 AND EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id)) AS closed
         FROM problem p WHERE p.inspection_id = $1
          ${visible === 'true' ? '' : `AND EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND ${visible})`}`,
      parameters,
    );
    const [colours] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${COLOUR_SQL} = 'red') AS red, count(*) FILTER (WHERE ${COLOUR_SQL} = 'yellow') AS yellow
         FROM measure m WHERE m.inspection_id = $1 AND ${visible}`,
      parameters,
    );
    const total = Object.values(measuresByStage).reduce((sum, value) => sum + value, 0);
    return {
      ...inspection,
      counts: {
        measures: total,
        measuresByStage,
        red: Number(colours.red),
        yellow: Number(colours.yellow),
        problems: Number(problems.total),
        problemsClosed: Number(problems.closed),
      },
    };
  }

  async assignRoles(id: string, roles: AssignRoleDto[]) {
    await this.get(id);
    const personIds = [...new Set(roles.map((role) => role.personId))];
    const people = await this.dataSource.getRepository(PersonEntity).find({ where: { id: In(personIds) } });
    const missing = personIds.filter((personId) => !people.some((person) => person.id === personId));
    if (missing.length) throw new DomainError(ErrorCode.InvalidInput, `roles[].personId names no person: ${missing.join(', ')}`);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(InspectionRoleEntity)
      .values(roles.map((role) => ({ inspectionId: id, personId: role.personId, role: role.role })))
      .orIgnore()
      .execute();
    return this.listRoles(id);
  }

  listRoles(id: string) {
    return this.dataSource.getRepository(InspectionRoleEntity).find({ where: { inspectionId: id }, order: { role: 'ASC' } });
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
    if (body[dates[later]]! < body[earlier]!) errors.push(`${dates[later]} (${body[dates[later]]}) is before ${earlier} (${body[earlier]})`);
  }
  return errors;
}
