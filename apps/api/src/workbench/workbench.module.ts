import { Module } from '@nestjs/common';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchService } from './workbench.service';

/** My work and the dashboard. */
@Module({ controllers: [WorkbenchController], providers: [WorkbenchService] })
export class WorkbenchModule {}
