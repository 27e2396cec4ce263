import { Injectable } from '@nestjs/common';
import {
  InspectionRepository,
  MeasureScope,
  OVERSIGHT_ROLES,
  visibleMeasureCondition,
  VisibilityRepository,
} from '@rectiflow/persistence';
import type { RequestActor } from './actor';
import { DomainError, ErrorCode } from './domain-error';

export { OVERSIGHT_ROLES };

/**
 * Who sees which rows: an administrator or a person with an oversight role in the inspection sees
 * all its measures; a responsible leader sees the measures they lead; department staff see the
 * measures of their lead or cooperating department. Lists filter rows with the same rule, which
 * lives with the measure table (libs/persistence visibility.repository.ts).
 */
@Injectable()
export class Visibility {
  constructor(
    private readonly rows: VisibilityRepository,
    private readonly inspections: InspectionRepository,
  ) {}

  /** The rule as an SQL condition over measure alias `m`, for repositories that take it as a callback; appends its parameters. */
  measureCondition(actor: RequestActor, parameters: unknown[]): string {
    return visibleMeasureCondition(actor, parameters);
  }

  canSeeMeasure(actor: RequestActor, measureId: string): Promise<boolean> {
    return this.rows.canSeeMeasure(actor, measureId);
  }

  /** 404 rather than 403: guessing an id must not tell whether the measure exists. */
  async requireMeasure(actor: RequestActor, measureId: string): Promise<void> {
    if (!(await this.canSeeMeasure(actor, measureId)))
      throw new DomainError(ErrorCode.NotFound, `no measure with id ${measureId}`);
  }

  async hasOversight(actor: RequestActor, inspectionId: string): Promise<boolean> {
    if (actor.isAdmin) return true;
    return this.inspections.holdsRole(inspectionId, actor.personId, OVERSIGHT_ROLES);
  }

  /** The measures a count over this inspection covers: all of them with oversight, else the visible ones. */
  async scope(actor: RequestActor, inspectionId: string): Promise<MeasureScope> {
    return (await this.hasOversight(actor, inspectionId)) ? 'all' : actor;
  }

  async canSeeInspection(actor: RequestActor, inspectionId: string): Promise<boolean> {
    if (await this.hasOversight(actor, inspectionId)) return true;
    return this.rows.seesAnyMeasureOf(actor, inspectionId);
  }

  async requireInspection(actor: RequestActor, inspectionId: string): Promise<void> {
    if (!(await this.canSeeInspection(actor, inspectionId)))
      throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
  }
}
