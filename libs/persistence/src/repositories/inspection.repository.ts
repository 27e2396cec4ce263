import { EntityManager } from 'typeorm';
import type { InspectionKind, InspectionRole, TimerPolicy } from '@rectiflow/domain';
import { InspectionEntity, InspectionRoleEntity } from '../entities';
import { BaseRepository } from './unit-of-work';
import { Viewer, visibleMeasureCondition } from './visibility.repository';

export interface NewInspection {
  title: string;
  kind: InspectionKind;
  inspectingBody: string;
  inspectedUnit: string;
  startedOn: string | null;
  endedOn: string | null;
  feedbackOn: string | null;
  policy: TimerPolicy;
}

export interface NewInspectionRole {
  inspectionId: string;
  personId: string;
  role: InspectionRole;
}

/** `inspection` and its `inspection_role`s (a person's role for one inspection). */
export class InspectionRepository extends BaseRepository {
  private inspections(tx?: EntityManager) {
    return this.db(tx).getRepository(InspectionEntity);
  }

  create(values: NewInspection, tx?: EntityManager): Promise<InspectionEntity> {
    const inspections = this.inspections(tx);
    return inspections.save(inspections.create(values));
  }

  byId(id: string, tx?: EntityManager): Promise<InspectionEntity | null> {
    return this.inspections(tx).findOne({ where: { id } });
  }

  async exists(id: string, tx?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT id FROM inspection WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Every inspection, newest first. */
  all(tx?: EntityManager): Promise<InspectionEntity[]> {
    return this.inspections(tx).find({ order: { createdAt: 'DESC' } });
  }

  /** The inspections the viewer holds a role in or sees a measure of, newest first. */
  visibleTo(viewer: Viewer, tx?: EntityManager): Promise<InspectionEntity[]> {
    const parameters: unknown[] = [];
    const visible = visibleMeasureCondition(viewer, parameters);
    parameters.push(viewer.personId);
    return this.db(tx).query(
      `SELECT i.id, i.title, i.kind, i.inspecting_body AS "inspectingBody", i.inspected_unit AS "inspectedUnit", i.started_on AS "startedOn",
              i.ended_on AS "endedOn", i.feedback_on AS "feedbackOn", i.policy, i.created_at AS "createdAt"
         FROM inspection i
        WHERE EXISTS (SELECT 1 FROM inspection_role r WHERE r.inspection_id = i.id AND r.person_id = $${parameters.length})
           OR EXISTS (SELECT 1 FROM measure m WHERE m.inspection_id = i.id AND ${visible})
        ORDER BY i.created_at DESC`,
      parameters,
    );
  }

  /** The roles the person holds in this inspection. */
  async rolesOf(inspectionId: string, personId: string, tx?: EntityManager): Promise<InspectionRole[]> {
    const rows: { role: InspectionRole }[] = await this.db(tx).query(
      'SELECT role FROM inspection_role WHERE inspection_id = $1 AND person_id = $2',
      [inspectionId, personId],
    );
    return rows.map((row) => row.role);
  }

  /** Whether the person holds one of these roles in this inspection. */
  async holdsRole(
    inspectionId: string,
    personId: string,
    roles: InspectionRole[],
    tx?: EntityManager,
  ): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query(
      'SELECT 1 FROM inspection_role WHERE inspection_id = $1 AND person_id = $2 AND role = ANY($3)',
      [inspectionId, personId, roles],
    );
    return rows.length > 0;
  }

  /** Adds the roles; one already held is left as it is. */
  async addRoles(roles: NewInspectionRole[], tx?: EntityManager): Promise<void> {
    await this.db(tx).createQueryBuilder().insert().into(InspectionRoleEntity).values(roles).orIgnore().execute();
  }

  roles(inspectionId: string, tx?: EntityManager): Promise<InspectionRoleEntity[]> {
    return this.db(tx)
      .getRepository(InspectionRoleEntity)
      .find({ where: { inspectionId }, order: { role: 'ASC' } });
  }
}
