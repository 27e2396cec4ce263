import { Module } from '@nestjs/common';
import { MeasureActionsService } from './measure-actions.service';
import { MeasureWorkflowsService } from './measure-workflows.service';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';
import { ParticipantsCheck } from './participants-check';
import { BatchActionsService } from './batch-actions.service';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';

/** Measures: lists, reads, actions as Workflow Updates (one or a batch), the plan's upkeep, and the workflow starts others use. */
@Module({
  controllers: [MeasuresController, PlanController],
  providers: [
    MeasuresService,
    MeasureActionsService,
    MeasureWorkflowsService,
    ParticipantsCheck,
    BatchActionsService,
    PlanService,
  ],
  exports: [MeasuresService, MeasureWorkflowsService, ParticipantsCheck, MeasureActionsService, PlanService],
})
export class MeasuresModule {}
