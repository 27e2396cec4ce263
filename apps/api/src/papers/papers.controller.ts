import { Controller, Get, Header, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, RequestActor } from '../common/actor';
import { ApiErrors } from '../common/api-errors';
import { InspectionAccess } from '../common/inspection-access';
import { DOCX, paperFile } from './paper-file';
import { SupervisionNoticeResponse } from './papers.response';
import { PAPER_READERS } from './report.controller';
import { SignoffFormService } from './signoff-form.service';
import { SupervisionNoticesService } from './supervision-notices.service';
import { TaskListsService } from './task-lists.service';

const DOCX_FILE = { description: 'the .docx', content: { [DOCX]: { schema: { type: 'string', format: 'binary' } } } };

/** The 销号审批表, the 三张清单 and the 督办单. */
@ApiTags('papers')
@ApiBearerAuth()
@Controller()
export class PapersController {
  constructor(
    private readonly signoffForms: SignoffFormService,
    private readonly taskLists: TaskListsService,
    private readonly supervision: SupervisionNoticesService,
    private readonly access: InspectionAccess,
  ) {}

  @Get('measures/:id/signoff-form.docx')
  @ApiOperation({
    summary: '销号审批表 of a signed-off measure (409 before 销号), for anyone who may see the measure',
  })
  @ApiOkResponse(DOCX_FILE)
  @ApiErrors(400, 404, 409)
  async signoffForm(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const bytes = await this.signoffForms.docx(id, actor);
    return paperFile(response, bytes, DOCX, 'signoff-form.docx', '整改措施销号审批表.docx');
  }

  @Get('inspections/:id/task-lists.docx')
  @ApiOperation({
    summary: '三张清单 from live data: 问题清单, 任务清单 and 责任清单 as three tables of one Word document',
  })
  @ApiOkResponse(DOCX_FILE)
  @ApiErrors(400, 404)
  async lists(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.access.require(actor, id, [...PAPER_READERS]);
    return paperFile(response, await this.taskLists.docx(id), DOCX, 'task-lists.docx', '三张清单.docx');
  }

  @Get('inspections/:id/supervision-notices')
  @ApiOperation({
    summary:
      '督办单 of the inspection in the order issued, numbered 〔year〕第N号 per issuing body when first listed; those of the measures this person sees',
  })
  @ApiOkResponse({ type: SupervisionNoticeResponse, isArray: true })
  @ApiErrors(400, 404)
  supervisionNotices(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    return this.supervision.list(id, actor);
  }

  @Get('supervision-notices/:id')
  @ApiOperation({ summary: 'One 督办单 (its measure visible to this person)' })
  @ApiOkResponse({ type: SupervisionNoticeResponse })
  @ApiErrors(400, 404)
  supervisionNotice(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    return this.supervision.one(id, actor);
  }

  @Get('supervision-notices/:id/notice.docx')
  @ApiOperation({ summary: 'One 督办单 as Word' })
  @ApiOkResponse(DOCX_FILE)
  @ApiErrors(400, 404)
  async supervisionDocx(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const notice = await this.supervision.one(id, actor);
    const bytes = await this.supervision.render(notice, 'docx');
    return paperFile(
      response,
      bytes,
      DOCX,
      `supervision-${notice.year}-${notice.number}.docx`,
      `督办单${notice.numberText}.docx`,
    );
  }

  @Get('supervision-notices/:id/print')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'One 督办单 as a printable page (A4)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async supervisionPrint(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    return this.supervision.render(await this.supervision.one(id, actor), 'html');
  }
}
