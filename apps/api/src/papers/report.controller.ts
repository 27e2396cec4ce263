import { reason } from '@rectiflow/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  PipeTransform,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, RequestActor } from '../common/actor';
import { ApiErrors } from '../common/api-errors';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InspectionAccess } from '../common/inspection-access';
import { DOCX, paperFile, XLSX } from './paper-file';
import { ReportContentResponse, ReportDraftResponse, ReportVersionResponse } from './papers.response';
import { EditReportDto } from './report.dto';
import { ReportService } from './report.service';

const OFFICE = ['office'] as const;
export const PAPER_READERS = ['office', 'group_head', 'supervisor', 'reviewer'] as const;

/** A version number in a path: a whole number from 1 (400 naming the field otherwise). */
class VersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const version = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!(version >= 1))
      throw new DomainError(
        ErrorCode.InvalidInput,
        `version must be a whole number from 1 (got ${JSON.stringify(value)})`,
        undefined,
        reason('FIELD_INVALID', { field: 'version' }),
      );
    return version;
  }
}

const VERSION = { name: 'version', schema: { type: 'integer', minimum: 1, maximum: 999_999_999 } } as const;

@ApiTags('papers')
@ApiBearerAuth()
@Controller('inspections/:id/report')
export class ReportController {
  constructor(
    private readonly reports: ReportService,
    private readonly access: InspectionAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: '整改报告: the narrative draft (the default until edited), its placeholders and 报送时限' })
  @ApiOkResponse({ type: ReportDraftResponse })
  @ApiErrors(400, 404)
  async draft(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, [...PAPER_READERS]);
    return this.reports.draft(id);
  }

  @Put()
  @ApiOperation({ summary: 'Edit the report’s narrative (title, 主送, opening, 总体情况, 下一步打算, signer, date)' })
  @ApiOkResponse({ type: ReportDraftResponse })
  @ApiErrors(400, 404)
  async edit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: EditReportDto,
  ) {
    await this.access.require(actor, id, [...OFFICE]);
    return this.reports.edit(id, body);
  }

  @Get('preview')
  @ApiQuery({ name: 'format', enum: ['json', 'docx'], required: false })
  @ApiOperation({ summary: 'The report from live data now, unnumbered: JSON, or Word (format=docx)' })
  @ApiExtraModels(ReportContentResponse)
  @ApiOkResponse({
    description: 'JSON without format; the .docx for docx',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReportContentResponse) } },
      [DOCX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 404)
  async preview(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('format') format: string | undefined,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'docx')
      throw new DomainError(ErrorCode.InvalidInput, `format must be json or docx (got ${JSON.stringify(format)})`);
    await this.access.require(actor, id, [...PAPER_READERS]);
    const content = await this.reports.content(id);
    if (format !== 'docx') return content;
    return paperFile(response, await this.reports.preview(content), DOCX, 'report-preview.docx', '整改报告(预览).docx');
  }

  @Post('versions')
  @ApiOperation({
    summary:
      'Generate the next numbered version from live data: the report (.docx) and its ledger (.xlsx), kept with who and when',
  })
  @ApiCreatedResponse({ type: ReportVersionResponse })
  @ApiErrors(400, 404)
  async generate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, [...OFFICE]);
    return this.reports.generate(id, actor);
  }

  @Get('versions')
  @ApiOperation({ summary: 'The generated versions, newest first' })
  @ApiOkResponse({ type: ReportVersionResponse, isArray: true })
  @ApiErrors(400, 404)
  async versions(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, [...PAPER_READERS]);
    return this.reports.versions(id);
  }

  @Post('versions/:version/submit')
  @HttpCode(200)
  @ApiParam(VERSION)
  @ApiOperation({
    summary:
      '报送: mark a version sent to the inspection body (who and when; office only). The first mark stands, a repeat answers it unchanged; the report’s reminders stop',
  })
  @ApiOkResponse({ type: ReportVersionResponse })
  @ApiErrors(400, 404)
  async submit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new VersionPipe()) version: number,
    @CurrentActor() actor: RequestActor,
  ) {
    await this.access.require(actor, id, [...OFFICE]);
    return this.reports.submit(id, version, actor);
  }

  @Get('versions/:version')
  @ApiParam(VERSION)
  @ApiOperation({ summary: 'One version’s content as it was generated' })
  @ApiOkResponse({ type: ReportContentResponse })
  @ApiErrors(400, 404)
  async version(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new VersionPipe()) version: number,
    @CurrentActor() actor: RequestActor,
  ) {
    await this.access.require(actor, id, [...PAPER_READERS]);
    return this.reports.versionContent(id, version);
  }

  @Get('versions/:version/report.docx')
  @ApiParam(VERSION)
  @ApiOperation({ summary: 'One version’s report as Word (整改报告-第N版.docx)' })
  @ApiOkResponse({ description: 'the .docx', content: { [DOCX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async versionDocx(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new VersionPipe()) version: number,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.access.require(actor, id, [...PAPER_READERS]);
    const bytes = await this.reports.versionFile(id, version, 'docx');
    return paperFile(response, bytes, DOCX, `report-v${version}.docx`, `整改报告-第${version}版.docx`);
  }

  @Get('versions/:version/ledger.xlsx')
  @ApiParam(VERSION)
  @ApiOperation({ summary: 'One version’s attachment: the ledger as it stood then (整改台账-第N版.xlsx)' })
  @ApiOkResponse({ description: 'the .xlsx', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async versionLedger(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new VersionPipe()) version: number,
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.access.require(actor, id, [...PAPER_READERS]);
    const bytes = await this.reports.versionFile(id, version, 'ledger');
    return paperFile(response, bytes, XLSX, `ledger-v${version}.xlsx`, `整改台账-第${version}版.xlsx`);
  }
}
