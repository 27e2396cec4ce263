import { Module } from '@nestjs/common';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';

/** Inspections with their timer policy, roles and counts. */
@Module({ controllers: [InspectionsController], providers: [InspectionsService] })
export class InspectionsModule {}
