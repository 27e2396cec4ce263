import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DepartmentEntity, PersonEntity } from '../../../../libs/persistence/src';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { CreateDepartmentDto, CreatePersonDto } from './organisation.dto';

@Injectable()
export class OrganisationService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates departments in one transaction; a parent may be an existing department or one earlier in the list (by id). */
  async createDepartments(items: CreateDepartmentDto[]): Promise<DepartmentEntity[]> {
    const names = items.map((item) => item.name.trim());
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    if (repeated.length) throw new DomainError(ErrorCode.InvalidInput, `departments[].name repeated in the request: ${[...new Set(repeated)].join(', ')}`);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(DepartmentEntity);
      const existing = await repository.find({ where: { name: In(names) } });
      if (existing.length) throw new DomainError(ErrorCode.Conflict, `department already exists: ${existing.map((item) => item.name).join(', ')}`);
      const parentIds = [...new Set(items.map((item) => item.parentId).filter((id): id is string => !!id))];
      if (parentIds.length) {
        const parents = await repository.find({ where: { id: In(parentIds) } });
        const missing = parentIds.filter((id) => !parents.some((parent) => parent.id === id));
        if (missing.length) throw new DomainError(ErrorCode.InvalidInput, `parentId names no department: ${missing.join(', ')}`);
      }
      return repository.save(items.map((item) => repository.create({ name: item.name.trim(), parentId: item.parentId ?? null })));
    });
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.dataSource.getRepository(DepartmentEntity).find({ order: { name: 'ASC' } });
  }

  async createPeople(items: CreatePersonDto[]): Promise<PersonEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const departmentIds = [...new Set(items.map((item) => item.departmentId).filter((id): id is string => !!id))];
      if (departmentIds.length) {
        const found = await manager.getRepository(DepartmentEntity).find({ where: { id: In(departmentIds) } });
        const missing = departmentIds.filter((id) => !found.some((department) => department.id === id));
        if (missing.length) throw new DomainError(ErrorCode.InvalidInput, `departmentId names no department: ${missing.join(', ')}`);
      }
      const repository = manager.getRepository(PersonEntity);
      return repository.save(items.map((item) => repository.create({ name: item.name.trim(), departmentId: item.departmentId ?? null })));
    });
  }

  listPeople(): Promise<PersonEntity[]> {
    return this.dataSource.getRepository(PersonEntity).find({ order: { name: 'ASC' } });
  }
}
