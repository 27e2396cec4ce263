import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentActor, RequestActor } from '../common/actor';
import { InspectionAccess } from '../common/inspection-access';
import { DocumentImportService } from './document-import.service';
import { CommitDocumentDto, CommitLedgerDto, CorrectDocumentDto } from './import.dto';
import { LedgerExportService } from './ledger-export.service';
import { LedgerImportService } from './ledger-import.service';
import { ledgerTemplate } from './ledger-template';
import { ApiErrors } from '../common/api-errors';
import {
  DocumentCommitResponse,
  DocumentDraftResponse,
  LedgerCommitResponse,
  LedgerDraftResponse,
} from './imports.response';

const FILE_BODY = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly documents: DocumentImportService,
    private readonly ledger: LedgerImportService,
    private readonly ledgerExport: LedgerExportService,
    private readonly access: InspectionAccess,
  ) {}

  @Get('imports/ledger-template.xlsx')
  @Header('Content-Type', XLSX)
  @Header(
    'Content-Disposition',
    `attachment; filename="ledger-template.xlsx"; filename*=UTF-8''${encodeURIComponent('整改台账模板.xlsx')}`,
  )
  @ApiOperation({ summary: 'The empty Excel ledger template (整改台账模板), with the columns the import reads' })
  @ApiOkResponse({
    description: 'an Excel workbook',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  async template() {
    return new StreamableFile(await ledgerTemplate());
  }

  @Post('inspections/:id/imports/ledger')
  @ApiOperation({
    summary: 'Upload an Excel ledger (台账): every row is validated and previewed; nothing is saved before the commit',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(FileInterceptor('file'))
  @ApiCreatedResponse({ type: LedgerDraftResponse })
  @ApiErrors(400, 403, 404, 413, 415)
  async previewLedger(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @UploadedFile() file: { originalname: string; buffer: Buffer },
  ) {
    await this.access.require(actor, id, ['office']);
    return this.ledger.preview(id, actor, file);
  }

  @Post('inspections/:id/imports/document')
  @ApiOperation({
    summary:
      'Upload a plan or progress notice (.txt, .md, .docx): returns the parsed tree with counts and warnings; nothing is created before the commit',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(FileInterceptor('file'))
  @ApiCreatedResponse({ type: DocumentDraftResponse })
  @ApiErrors(400, 403, 404, 413, 415)
  async previewDocument(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @UploadedFile() file: { originalname: string; buffer: Buffer },
  ) {
    await this.access.require(actor, id, ['office']);
    return this.documents.preview(id, actor, file);
  }

  @Get('imports/:id')
  @ApiOperation({
    summary: 'An import (plan, notice or ledger) as previewed, with its corrections and whether it was committed',
  })
  @ApiExtraModels(DocumentDraftResponse, LedgerDraftResponse)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(DocumentDraftResponse) }, { $ref: getSchemaPath(LedgerDraftResponse) }] },
  })
  @ApiErrors(400, 404)
  async view(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    const draft = await this.documents.draft(id);
    await this.access.require(actor, draft.inspectionId, ['office']);
    return draft.kind === 'ledger' ? this.ledger.view(draft) : this.documents.view(draft);
  }

  @Put('imports/documents/:id/structure')
  @ApiOperation({ summary: 'Replace the parsed tree with the office’s corrections' })
  @ApiOkResponse({ type: DocumentDraftResponse })
  @ApiErrors(400, 404, 409)
  async correct(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: CorrectDocumentDto,
  ) {
    await this.access.require(actor, (await this.documents.draft(id)).inspectionId, ['office']);
    return this.documents.correct(id, body.sections);
  }

  @Post('imports/documents/:id/commit')
  @ApiOperation({ summary: 'Create the previewed problems and measures (one workflow each)' })
  @ApiCreatedResponse({ type: DocumentCommitResponse })
  @ApiErrors(400, 404, 409)
  async commitDocument(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: CommitDocumentDto,
  ) {
    await this.access.require(actor, (await this.documents.draft(id)).inspectionId, ['office']);
    return this.documents.commit(id, body);
  }

  @Post('imports/ledgers/:id/commit')
  @ApiOperation({
    summary: 'Apply the previewed ledger: new rows are created, existing ones updated (never duplicated)',
  })
  @ApiCreatedResponse({ type: LedgerCommitResponse })
  @ApiErrors(400, 404, 409)
  async commitLedger(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: CommitLedgerDto,
  ) {
    await this.access.require(actor, (await this.documents.draft(id)).inspectionId, ['office']);
    return this.ledger.commit(id, body.createUnknown === true);
  }

  @Get('inspections/:id/ledger.xlsx')
  @Header('Content-Type', XLSX)
  @Header(
    'Content-Disposition',
    `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('整改台账.xlsx')}`,
  )
  @ApiOperation({ summary: "The inspection's ledger as Excel (整改台账.xlsx), the columns of the template" })
  @ApiOkResponse({
    description: 'an Excel workbook',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 404)
  async exportXlsx(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, ['office', 'group_head', 'supervisor']);
    return new StreamableFile(await this.ledgerExport.exportXlsx(id));
  }

  @Get('inspections/:id/ledger.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header(
    'Content-Disposition',
    `attachment; filename="ledger.csv"; filename*=UTF-8''${encodeURIComponent('整改台账.csv')}`,
  )
  @ApiOperation({ summary: "The inspection's ledger as CSV (UTF-8)" })
  @ApiOkResponse({ description: 'CSV, one row per measure', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async exportCsv(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.access.require(actor, id, ['office', 'group_head', 'supervisor']);
    return this.ledgerExport.exportCsv(id);
  }
}
