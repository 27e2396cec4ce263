import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

/** Departments and people, with their accounts. */
@Module({ controllers: [OrganisationController], providers: [OrganisationService] })
export class OrganisationModule {}
