import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ACTIONS } from '@rectiflow/domain';
import { CurrentActor, RequestActor } from '../common/actor';
import { ActionBodyDto, ListMeasuresQuery } from './measure.dto';
import { MeasureActionsService } from './measure-actions.service';
import { MeasuresService } from './measures.service';
import { ApiErrors } from '../common/api-errors';
import {
  ActionResultResponse,
  MeasureDetailResponse,
  MeasurePageResponse,
  TimelineEntryResponse,
} from './measures.response';

@ApiTags('measures')
@ApiBearerAuth()
@Controller('measures')
export class MeasuresController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly actions: MeasureActionsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: '台账: the measures this person may see, filtered and paged; open ones by their stage deadline first',
  })
  @ApiOkResponse({ type: MeasurePageResponse })
  @ApiErrors(400)
  list(@Query() query: ListMeasuresQuery, @CurrentActor() actor: RequestActor) {
    return this.measures.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One measure: its row, owners, problem, and the actions this person may take now' })
  @ApiOkResponse({ type: MeasureDetailResponse })
  @ApiErrors(400, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    return this.measures.get(id, actor);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: "The measure's history from the audit trail, oldest first" })
  @ApiOkResponse({ type: TimelineEntryResponse, isArray: true })
  @ApiErrors(400, 404)
  timeline(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    return this.measures.timeline(id, actor);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take an action on a measure (a Workflow Update)',
    description:
      'assign {leadDepartmentId?, cooperatingDepartmentIds?, responsibleLeaderId?, coLeaderIds?, assigneeId? (承办人), instructions? (交办要求), dueAt?} · submit_evidence {summary, evidenceIds} · ' +
      'report_progress {summary, evidenceIds?} (长期坚持) · request_extension {requestedDueAt, reason} · decide_extension {approve, reason?} · ' +
      'review {decision: approve|reject, reason?} · sign_off {decision: approve|return, reason?} · record_look_back {result: holds|rebound, note?, newDueAt?} · conclude {note} · supervise {reason} (督办单, supervisor) · ' +
      'the office keeping the plan up to date: reassign {leadDepartmentId?, cooperatingDepartmentIds?, responsibleLeaderId?, coLeaderIds?, assigneeId?, reason} (调整责任) · ' +
      'change_deadline {dueAt?, kind?, reason, approvedById (the responsible leader who agreed; not needed from the group head)} (调整时限, the original deadline kept) · ' +
      'edit_text {text, reason?} (修改措施) · void {reason} (作废: the workflow ends, the measure leaves every count) · ' +
      'reopen {reason, dueAt} (重新整改 of a closed measure: supervisor or office) · claim {note?} (领办: responsible leader or group head) · ' +
      'contribute {summary, evidenceIds?} (配合反馈: a cooperating department) · urge {message} (催办: office or supervisor). ' +
      "409 when the stage does not allow it, 403 when the person's role does not, 400 for bad input. A repeated idempotency key returns the first result.",
  })
  @ApiParam({ name: 'action', enum: ACTIONS })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'or the idempotencyKey body field; one is required',
  })
  @ApiOkResponse({ type: ActionResultResponse })
  @ApiErrors(400, 404, 409, 422)
  act(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('action') action: string,
    @Body() body: ActionBodyDto,
    @Headers('idempotency-key') headerKey: string | undefined,
    @CurrentActor() actor: RequestActor,
  ) {
    const { idempotencyKey, ...input } = body;
    return this.actions.act(id, action, actor, headerKey ?? idempotencyKey, input as Record<string, unknown>);
  }
}
