import { EntityManager, In } from 'typeorm';
import { DepartmentEntity, PersonEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

export interface NamedDepartmentRow {
  id: string;
  name: string;
}

export interface NamedPersonRow {
  id: string;
  name: string;
  departmentId: string | null;
}

/**
 * The departments and people a measure or an inspection role names, looked up by id to check that
 * they exist (reads of `department` and `person`, whose writes live in OrganisationRepository).
 */
export class ParticipantsRepository extends BaseRepository {
  departments(ids: string[], tx?: EntityManager): Promise<NamedDepartmentRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db(tx)
      .getRepository(DepartmentEntity)
      .find({ where: { id: In(ids) }, select: ['id', 'name'] });
  }

  people(ids: string[], tx?: EntityManager): Promise<NamedPersonRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db(tx)
      .getRepository(PersonEntity)
      .find({ where: { id: In(ids) }, select: ['id', 'name', 'departmentId'] });
  }
}
