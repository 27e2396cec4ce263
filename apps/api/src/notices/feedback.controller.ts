import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestActor } from '../common/actor';
import { ApiErrors } from '../common/api-errors';
import { InspectionAccess } from '../common/inspection-access';
import { AnswerFeedbackDto, RouteFeedbackDto } from './notice.dto';
import { FeedbackListResponse } from './notices.response';
import { PublicFeedbackService } from './public-feedback.service';

const OFFICE = ['office'] as const;

/** The office's side of the public's messages: read, route to a problem or measure, answer, publish the answer. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(
    private readonly publicFeedback: PublicFeedbackService,
    private readonly access: InspectionAccess,
  ) {}

  @Get('inspections/:id/feedback')
  @ApiOperation({ summary: 'Messages from the public (群众监督), newest first, with the unread count' })
  @ApiOkResponse({ type: FeedbackListResponse })
  @ApiErrors(400, 404)
  async feedback(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, [...OFFICE]);
    return this.publicFeedback.feedbackFor(id);
  }

  @Post('feedback/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark a message from the public as read' })
  @ApiNoContentResponse({ description: 'marked' })
  @ApiErrors(400, 404)
  async markRead(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, await this.publicFeedback.feedbackInspection(id), [...OFFICE]);
    await this.publicFeedback.markRead(id);
  }

  @Put('feedback/:id/route')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Route a message to a problem or a measure of its inspection (neither: not routed); marks it read',
  })
  @ApiNoContentResponse({ description: 'routed' })
  @ApiErrors(400, 404)
  async route(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: RouteFeedbackDto,
  ) {
    await this.access.require(actor, await this.publicFeedback.feedbackInspection(id), [...OFFICE]);
    await this.publicFeedback.route(id, body);
  }

  @Put('feedback/:id/answer')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Answer a message; publish: true shows the message and the answer (never the sender) under the public notice',
  })
  @ApiNoContentResponse({ description: 'answered' })
  @ApiErrors(400, 404)
  async answer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: AnswerFeedbackDto,
  ) {
    await this.access.require(actor, await this.publicFeedback.feedbackInspection(id), [...OFFICE]);
    await this.publicFeedback.answer(id, body);
  }
}
