import { Module } from '@nestjs/common';
import { MeasureActionsService } from './measure-actions.service';
import { MeasureWorkflowsService } from './measure-workflows.service';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';
import { ParticipantsCheck } from './participants-check';

/** Measures: lists, reads, actions as Workflow Updates, and the workflow starts others (problems, imports) use. */
@Module({
  controllers: [MeasuresController],
  providers: [MeasuresService, MeasureActionsService, MeasureWorkflowsService, ParticipantsCheck],
  exports: [MeasuresService, MeasureWorkflowsService, ParticipantsCheck],
})
export class MeasuresModule {}
