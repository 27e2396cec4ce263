import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { CurrentActor, Public, RequestActor } from '../common/actor';
import { InspectionAccess } from '../common/inspection-access';
import { CreateRecordDto, EditNoticeDto, FeedbackDto } from './notice.dto';
import { RequestThrottle } from '../throttling/request-throttle.guard';
import { NoticePublishingService } from './notice-publishing.service';
import { NoticeRecordsService } from './notice-records.service';
import { NoticesService } from './notices.service';
import { PublicFeedbackService } from './public-feedback.service';
import { publicNoticePage } from './public-page';
import { ApiErrors } from '../common/api-errors';
import {
  FeedbackListResponse,
  FeedbackReceivedResponse,
  NoticeContentResponse,
  NoticeResponse,
  PublishedNoticeResponse,
  RecordResponse,
} from './notices.response';

const OFFICE = ['office'] as const;
const READERS = ['office', 'group_head', 'supervisor', 'reviewer'] as const;

@ApiTags('notices')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly records: NoticeRecordsService,
    private readonly publishing: NoticePublishingService,
    private readonly publicFeedback: PublicFeedbackService,
    private readonly access: InspectionAccess,
  ) {}

  @Post('inspections/:id/records')
  @ApiOperation({
    summary: 'Record a scheduling meeting, internal supervision, rule or campaign (the figures of the notice)',
  })
  @ApiCreatedResponse({ type: RecordResponse })
  @ApiErrors(400, 404)
  async createRecord(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: CreateRecordDto,
  ) {
    await this.access.require(actor, id, [...OFFICE]);
    return this.records.createRecord(id, body);
  }

  @Get('inspections/:id/records')
  @ApiOperation({ summary: "The inspection's records (meetings, internal supervision, rules, campaigns)" })
  @ApiOkResponse({ type: RecordResponse, isArray: true })
  @ApiErrors(400, 404)
  async listRecords(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, [...READERS]);
    return this.records.listRecords(id);
  }

  @Post('inspections/:id/notice')
  @ApiOperation({ summary: 'The inspection’s progress notice draft (created with a default narrative the first time)' })
  @ApiCreatedResponse({ type: NoticeResponse })
  @ApiErrors(400, 404)
  async draft(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, [...OFFICE]);
    return this.notices.draftFor(id);
  }

  @Put('notices/:id')
  @ApiOperation({
    summary: 'Edit the narrative parts (title, opening, parts 一 and 三, closing call, contacts, signer, date)',
  })
  @ApiOkResponse({ type: NoticeResponse })
  @ApiErrors(400, 404)
  async edit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: EditNoticeDto,
  ) {
    await this.access.require(actor, (await this.notices.notice(id)).inspectionId, [...OFFICE]);
    return this.notices.edit(id, body);
  }

  @Get('notices/:id/preview')
  @ApiQuery({ name: 'format', enum: ['json', 'md', 'txt', 'docx'] })
  @ApiOperation({ summary: 'The notice from live data: as JSON, or rendered as Markdown, text or Word (format)' })
  @ApiExtraModels(NoticeContentResponse)
  @ApiOkResponse({
    description: 'JSON without format; a file for md, txt and docx',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(NoticeContentResponse) } },
      'text/markdown': { schema: { type: 'string' } },
      'text/plain': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiErrors(400, 404)
  async preview(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('format') format: string | undefined,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const notice = await this.notices.notice(id);
    await this.access.require(actor, notice.inspectionId, [...READERS]);
    const content = await this.notices.content(notice);
    if (!format || format === 'json') return content;
    const rendered = await this.notices.render(content, format);
    response.setHeader('Content-Type', rendered.type);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="notice.${rendered.extension}"; filename*=UTF-8''${encodeURIComponent(`整改进展情况.${rendered.extension}`)}`,
    );
    return typeof rendered.body === 'string' ? rendered.body : new StreamableFile(rendered.body);
  }

  @Post('notices/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the notice as it reads now: the public page shows this copy until the next publishing',
  })
  @ApiOkResponse({ type: PublishedNoticeResponse })
  @ApiErrors(400, 404)
  async publish(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, (await this.notices.notice(id)).inspectionId, [...OFFICE]);
    const notice = await this.publishing.publish(id);
    return { id: notice.id, publishedAt: notice.publishedAt, publicUrl: `/api/public/notices/${notice.id}` };
  }

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
}

/** No sign-in here: only the published notice leaves the system. */
@ApiTags('public')
@Controller('public/notices')
export class PublicNoticesController {
  constructor(
    private readonly publishing: NoticePublishingService,
    private readonly publicFeedback: PublicFeedbackService,
  ) {}

  @Get(':id')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The published notice as a web page, with the feedback form' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async page(@Param('id', new ParseUUIDPipe()) id: string) {
    return publicNoticePage(id, await this.publishing.published(id));
  }

  @Get(':id/content.json')
  @Public()
  @ApiOperation({ summary: 'The published notice as JSON (exactly what the public page is built from)' })
  @ApiOkResponse({ type: NoticeContentResponse })
  @ApiErrors(400, 404)
  content(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.publishing.published(id);
  }

  @Post(':id/feedback')
  @Public()
  @UseGuards(RequestThrottle)
  @SkipThrottle({ 'sign-in': true })
  @ApiOperation({
    summary: 'Send an opinion on the rectification (throttled per address: FEEDBACK_PER_TEN_MINUTES, default 5)',
  })
  @ApiExtraModels(FeedbackReceivedResponse)
  @ApiCreatedResponse({
    description: 'received; a thank-you page when the form asked for HTML',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(FeedbackReceivedResponse) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 404, 429)
  async feedback(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: FeedbackDto,
    @Ip() address: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const received = await this.publicFeedback.receiveFeedback(id, body, address);
    if (accept?.includes('text/html')) {
      response.status(201).setHeader('Content-Type', 'text/html; charset=utf-8');
      return publicNoticePage(id, await this.publishing.published(id), '已收到您的意见建议,谢谢!');
    }
    response.status(201);
    return received;
  }
}
