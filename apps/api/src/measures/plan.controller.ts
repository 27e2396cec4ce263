import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ACTIONS } from '@rectiflow/domain';
import { CurrentActor, RequestActor } from '../common/actor';
import { ApiErrors } from '../common/api-errors';
import { BatchActionsService } from './batch-actions.service';
import { BatchActionBodyDto, ClaimProblemDto, LookBackRoundDto, PlanChangesQuery, RetitleProblemDto } from './plan.dto';
import { BatchResultResponse, PlanChangeResponse, RetitledProblemResponse } from './plan.response';
import { PlanService } from './plan.service';

/** Keeping the plan up to date: batch actions from the ledger, a problem's title, deleting before 交办, the record of it. */
@ApiTags('plan')
@ApiBearerAuth()
@Controller()
export class PlanController {
  constructor(
    private readonly plan: PlanService,
    private readonly batch: BatchActionsService,
  ) {}

  @Post('batch-actions/:action')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take one action on a selection of measures (批量交办 from the ledger)',
    description:
      "The body is the action's own (see POST /measures/{id}/actions/{action}) plus measureIds. Each measure gets its own Update " +
      'under the key "<idempotencyKey>:<measureId>", so repeating the batch acts on none twice; every measure answers for itself ' +
      '(status as the single action would answer it), and one refusal does not stop the others.',
  })
  @ApiParam({ name: 'action', enum: ACTIONS })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'or the idempotencyKey field (at most 60 characters); one is required',
  })
  @ApiOkResponse({ type: BatchResultResponse })
  @ApiErrors(400, 404)
  act(
    @Param('action') action: string,
    @Body() body: BatchActionBodyDto,
    @Headers('idempotency-key') headerKey: string | undefined,
    @CurrentActor() actor: RequestActor,
  ) {
    const { idempotencyKey, measureIds, ...input } = body;
    return this.batch.act(measureIds, action, actor, headerKey ?? idempotencyKey, input as Record<string, unknown>);
  }

  @Post('look-back-rounds')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a 回头看 round over selected measures, each holds or rebound (supervisor or office)',
    description:
      'One record_look_back Update per measure under "<idempotencyKey>:<measureId>"; each measure answers for itself, as in batch actions.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'or the idempotencyKey field (at most 60 characters)',
  })
  @ApiOkResponse({ type: BatchResultResponse })
  @ApiErrors(400)
  lookBackRound(
    @Body() body: LookBackRoundDto,
    @Headers('idempotency-key') headerKey: string | undefined,
    @CurrentActor() actor: RequestActor,
  ) {
    const items = body.items.map(({ measureId, ...input }) => ({ measureId, input: input as Record<string, unknown> }));
    return this.batch.actEach(items, 'record_look_back', actor, headerKey ?? body.idempotencyKey);
  }

  @Post('problems/:id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '领办 a whole problem: the responsible leader or the group head claims each of its open, unclaimed measures',
    description:
      'One claim Update per measure under "<idempotencyKey>:<measureId>"; each measure answers for itself (a measure another ' +
      'leader is responsible for is refused there, the others go through). 409 ALREADY_CLAIMED when nothing is left to claim.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'or the idempotencyKey field (at most 60 characters); one is required',
  })
  @ApiOkResponse({ type: BatchResultResponse })
  @ApiErrors(400, 404, 409)
  claimProblem(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ClaimProblemDto,
    @Headers('idempotency-key') headerKey: string | undefined,
    @CurrentActor() actor: RequestActor,
  ) {
    return this.batch.claimProblem(id, actor, headerKey ?? body.idempotencyKey, body.note);
  }

  @Patch('problems/:id')
  @ApiOperation({ summary: "Edit a problem's title (office); the earlier title is kept in the plan's record" })
  @ApiOkResponse({ type: RetitledProblemResponse })
  @ApiErrors(400, 404)
  retitle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RetitleProblemDto,
    @CurrentActor() actor: RequestActor,
  ) {
    return this.plan.retitleProblem(id, body.title, body.reason, actor);
  }

  @Delete('measures/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a measure before 交办 (office): 409 once it was handed out or has evidence (void it then)',
  })
  @ApiNoContentResponse({ description: 'deleted, and recorded in the plan changes' })
  @ApiErrors(400, 404, 409)
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    return this.plan.deleteMeasure(id, actor);
  }

  @Get('inspections/:id/plan-changes')
  @ApiOperation({
    summary: "The plan's changes outside the measures' own trails (problem titles, deletions), newest first",
  })
  @ApiOkResponse({ type: PlanChangeResponse, isArray: true })
  @ApiErrors(400, 404)
  changes(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PlanChangesQuery,
    @CurrentActor() actor: RequestActor,
  ) {
    return this.plan.list(id, query.problemId, actor);
  }
}
