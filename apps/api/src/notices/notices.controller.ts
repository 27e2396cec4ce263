import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, RequestActor } from '../common/actor';
import { InspectionAccess } from '../common/inspection-access';
import { CreateRecordDto, EditNoticeDto, UpdateRecordDto } from './notice.dto';
import { NoticePublishingService } from './notice-publishing.service';
import { NoticeRecordsService } from './notice-records.service';
import { NoticesService } from './notices.service';
import { ApiErrors } from '../common/api-errors';
import {
  NoticeContentResponse,
  NoticeResponse,
  NoticeVersionResponse,
  PublishCheckResponse,
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

  @Patch('records/:id')
  @ApiOperation({
    summary: "Correct a record: its kind, title, day or the measures it belongs to (the inspection's office)",
  })
  @ApiOkResponse({ type: RecordResponse })
  @ApiErrors(400, 404)
  async updateRecord(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: UpdateRecordDto,
  ) {
    const record = await this.records.record(id);
    await this.access.require(actor, record.inspectionId, [...OFFICE]);
    return this.records.updateRecord(record, body);
  }

  @Delete('records/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: "Delete a record entered by mistake (the inspection's office); the notice's figures follow",
  })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors(400, 404)
  async deleteRecord(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    const record = await this.records.record(id);
    await this.access.require(actor, record.inspectionId, [...OFFICE]);
    await this.records.deleteRecord(record);
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
    return { id, ...(await this.publishing.publish(id)) };
  }

  @Get('notices/:id/publish-check')
  @ApiOperation({
    summary:
      'What publishing now would show the public (the rendered notice), with warnings (zero figures, references to attachments) and the next version and address',
  })
  @ApiOkResponse({ type: PublishCheckResponse })
  @ApiErrors(400, 404)
  async publishCheck(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, (await this.notices.notice(id)).inspectionId, [...OFFICE]);
    return this.publishing.check(id);
  }

  @Get('notices/:id/versions')
  @ApiOperation({ summary: 'Every published version of the notice, newest first, with its public address' })
  @ApiOkResponse({ type: NoticeVersionResponse, isArray: true })
  @ApiErrors(400, 404)
  async versions(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, (await this.notices.notice(id)).inspectionId, [...READERS]);
    return this.publishing.versions(id);
  }
}
