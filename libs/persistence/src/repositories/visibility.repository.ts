import { EntityManager } from 'typeorm';
import type { InspectionRole } from '@rectiflow/domain';
import { BaseRepository } from './unit-of-work';

/** Who is reading: enough of the signed-in person to decide which measures they may see. */
export interface Viewer {
  personId: string;
  departmentId: string | null;
  isAdmin: boolean;
}

/** Whose measures a count or list covers: a viewer's visible ones, or 'all' (a viewer with oversight). */
export type MeasureScope = Viewer | 'all';

/** Roles that see every measure of their inspection. */
export const OVERSIGHT_ROLES: InspectionRole[] = ['office', 'reviewer', 'group_head', 'supervisor'];

/**
 * The row-level visibility rule as an SQL condition over measure alias `m`; appends its parameters
 * to `parameters`. An administrator sees every measure; a person with an oversight role in the
 * inspection all its measures; a responsible leader (or co-leader, or 承办人) the measures they hold; department staff the
 * measures of their lead or cooperating department. 'all' lets every row through.
 */
export function visibleMeasureCondition(viewer: MeasureScope, parameters: unknown[]): string {
  if (viewer === 'all' || viewer.isAdmin) return 'true';
  parameters.push(viewer.personId);
  const person = `$${parameters.length}`;
  let department = 'NULL';
  if (viewer.departmentId) {
    parameters.push(viewer.departmentId);
    department = `$${parameters.length}`;
  }
  return `(m.responsible_leader_id = ${person} OR m.assignee_id = ${person} OR ${person} = ANY(m.co_leader_ids)
      OR m.inspection_id IN (SELECT r.inspection_id FROM inspection_role r WHERE r.person_id = ${person} AND r.role IN ('office', 'reviewer', 'group_head', 'supervisor'))
      OR m.lead_department_id = ${department}
      OR EXISTS (SELECT 1 FROM measure_cooperating_department c WHERE c.measure_id = m.id AND c.department_id = ${department}))`;
}

/**
 * The visibility rule's own reads: one measure, and whether an inspection holds any measure the
 * viewer may see. Whether the viewer has oversight is an inspection-role read (InspectionRepository).
 */
export class VisibilityRepository extends BaseRepository {
  async canSeeMeasure(viewer: Viewer, measureId: string, tx?: EntityManager): Promise<boolean> {
    const parameters: unknown[] = [measureId];
    const rows: unknown[] = await this.db(tx).query(
      `SELECT 1 FROM measure m WHERE m.id = $1 AND ${visibleMeasureCondition(viewer, parameters)}`,
      parameters,
    );
    return rows.length > 0;
  }

  async seesAnyMeasureOf(viewer: Viewer, inspectionId: string, tx?: EntityManager): Promise<boolean> {
    const parameters: unknown[] = [inspectionId];
    const rows: unknown[] = await this.db(tx).query(
      `SELECT 1 FROM measure m WHERE m.inspection_id = $1 AND ${visibleMeasureCondition(viewer, parameters)} LIMIT 1`,
      parameters,
    );
    return rows.length > 0;
  }
}
