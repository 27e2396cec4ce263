import { Injectable } from '@nestjs/common';
import { reason, type InspectionRole } from '@rectiflow/domain';
import { InspectionRepository } from '@rectiflow/persistence';
import type { RequestActor } from './actor';
import { DomainError, ErrorCode } from './domain-error';

/** Checks that the acting person holds one of the roles in this inspection (403 otherwise). */
@Injectable()
export class InspectionAccess {
  constructor(private readonly inspections: InspectionRepository) {}

  async require(actor: RequestActor, inspectionId: string, roles: InspectionRole[]): Promise<void> {
    if (!(await this.inspections.exists(inspectionId)))
      throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
    if (!(await this.inspections.holdsRole(inspectionId, actor.personId, roles))) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `this needs the role ${roles.join(' or ')} in the inspection`,
        undefined,
        reason('INSPECTION_ROLE_NEEDED', { roles }),
      );
    }
  }
}
