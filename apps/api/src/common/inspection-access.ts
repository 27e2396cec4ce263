import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InspectionRole } from '../../../../libs/domain/src';
import type { RequestActor } from './actor';
import { DomainError, ErrorCode } from './domain-error';

/** Checks that the acting person holds one of the roles in this inspection (403 otherwise). */
@Injectable()
export class InspectionAccess {
  constructor(private readonly dataSource: DataSource) {}

  async require(actor: RequestActor, inspectionId: string, roles: InspectionRole[]): Promise<void> {
    const [inspection] = await this.dataSource.query('SELECT id FROM inspection WHERE id = $1', [inspectionId]);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
    const [held] = await this.dataSource.query('SELECT role FROM inspection_role WHERE inspection_id = $1 AND person_id = $2 AND role = ANY($3)', [
      inspectionId,
      actor.personId,
      roles,
    ]);
    if (!held) throw new DomainError(ErrorCode.Forbidden, `this needs the role ${roles.join(' or ')} in the inspection`);
  }
}
