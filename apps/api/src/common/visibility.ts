import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InspectionRole } from '../../../../libs/domain/src';
import type { RequestActor } from './actor';
import { DomainError, ErrorCode } from './domain-error';

/** Roles that see every measure of their inspection. */
export const OVERSIGHT_ROLES: InspectionRole[] = ['office', 'reviewer', 'group_head', 'supervisor'];

/**
 * Who sees which rows: an administrator or a person with an oversight role in the inspection sees
 * all its measures; a responsible leader sees the measures they lead; department staff see the
 * measures of their lead or cooperating department. Lists filter rows with the same rule.
 */
@Injectable()
export class Visibility {
  constructor(private readonly dataSource: DataSource) {}

  /** SQL condition over measure alias `m`; appends its parameters to `parameters`. */
  measureCondition(actor: RequestActor, parameters: unknown[]): string {
    if (actor.isAdmin) return 'true';
    parameters.push(actor.personId);
    const person = `$${parameters.length}`;
    let department = 'NULL';
    if (actor.departmentId) {
      parameters.push(actor.departmentId);
      department = `$${parameters.length}`;
    }
    return `(m.responsible_leader_id = ${person}
      OR m.inspection_id IN (SELECT r.inspection_id FROM inspection_role r WHERE r.person_id = ${person} AND r.role IN ('office', 'reviewer', 'group_head', 'supervisor'))
      OR m.lead_department_id = ${department}
      OR EXISTS (SELECT 1 FROM measure_cooperating_department c WHERE c.measure_id = m.id AND c.department_id = ${department}))`;
  }

  async canSeeMeasure(actor: RequestActor, measureId: string): Promise<boolean> {
    const parameters: unknown[] = [measureId];
    const rows = await this.dataSource.query(`SELECT 1 FROM measure m WHERE m.id = $1 AND ${this.measureCondition(actor, parameters)}`, parameters);
    return rows.length > 0;
  }

  /** 404 rather than 403: guessing an id must not tell whether the measure exists. */
  async requireMeasure(actor: RequestActor, measureId: string): Promise<void> {
    if (!(await this.canSeeMeasure(actor, measureId))) throw new DomainError(ErrorCode.NotFound, `no measure with id ${measureId}`);
  }

  async hasOversight(actor: RequestActor, inspectionId: string): Promise<boolean> {
    if (actor.isAdmin) return true;
    const rows = await this.dataSource.query('SELECT 1 FROM inspection_role WHERE inspection_id = $1 AND person_id = $2 AND role = ANY($3)', [inspectionId, actor.personId, OVERSIGHT_ROLES]);
    return rows.length > 0;
  }

  async canSeeInspection(actor: RequestActor, inspectionId: string): Promise<boolean> {
    if (await this.hasOversight(actor, inspectionId)) return true;
    const parameters: unknown[] = [inspectionId];
    const rows = await this.dataSource.query(`SELECT 1 FROM measure m WHERE m.inspection_id = $1 AND ${this.measureCondition(actor, parameters)} LIMIT 1`, parameters);
    return rows.length > 0;
  }

  async requireInspection(actor: RequestActor, inspectionId: string): Promise<void> {
    if (!(await this.canSeeInspection(actor, inspectionId))) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
  }
}
