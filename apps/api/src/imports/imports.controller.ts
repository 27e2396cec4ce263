import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
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
import { CommitDocumentDto, CommitLedgerDto, CorrectDocumentDto, EditAssignmentsDto, MapNamesDto } from './import.dto';
import { LedgerExportService } from './ledger-export.service';
import { LedgerImportService } from './ledger-import.service';
import { ledgerTemplate } from './ledger-template';
import { ApiErrors } from '../common/api-errors';
import { LedgerExportQuery } from '../measures/measure.dto';
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
  @ApiOperation({
    summary: 'Replace the parsed tree with the office’s corrections',
    description:
      'The sections in the shape the preview returned; owners (as read) on problems and measures may be corrected too. The office’s owner edits stay with their problem and measure numbers.',
  })
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

  @Patch('imports/documents/:id/assignments')
  @ApiOperation({
    summary: 'Set owners for a selection of measures, or for every measure of one problem, before the commit',
    description:
      'Select with `measures` ([{problemNumber, measureNumber}]) or `problemNumber`; every field given replaces what the document says for those measures (null gives it back to the document). Department and person ids must exist (400 naming the field). Kept in the draft; nothing else is written. Answers the draft as GET /imports/{id}.',
  })
  @ApiOkResponse({ type: DocumentDraftResponse })
  @ApiErrors(400, 404, 409)
  async editAssignments(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: EditAssignmentsDto,
  ) {
    await this.access.require(actor, (await this.documents.draft(id)).inspectionId, ['office']);
    return this.documents.editAssignments(id, body);
  }

  @Patch('imports/documents/:id/names')
  @ApiOperation({
    summary: 'Map names the document reads to existing departments and people, or mark them to be created at commit',
    description:
      'Each entry: {name, id} maps the name to an existing record, {name, create: true} creates it at commit (a department at the top level, a person without a department), {name} alone forgets the mapping. The names are those of the preview’s names lists; names not listed keep their mapping. Answers the draft as GET /imports/{id}.',
  })
  @ApiOkResponse({ type: DocumentDraftResponse })
  @ApiErrors(400, 404, 409)
  async mapNames(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: MapNamesDto,
  ) {
    await this.access.require(actor, (await this.documents.draft(id)).inspectionId, ['office']);
    return this.documents.mapNames(id, body);
  }

  @Post('imports/documents/:id/commit')
  @ApiOperation({
    summary: 'Create the previewed problems and measures (one workflow each), each with its own owners',
    description:
      'Each measure keeps the owners, deadline and kind the document names or the office set; the body’s values are defaults for the measures that name none. Refused with 400 and details.missing ([{problemNumber, measureNumber, fields, unknown}]) while any measure misses a lead department, a responsible leader or a deadline (立行立改 and 长期坚持 need none) or names someone nobody resolved; then nothing is written. Names marked create are created in the same transaction as the problems.',
  })
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
    description:
      "An existing measure's owners, deadline, kind and text change through its workflow's actions (调整责任, 调整时限, 修改措施) as the importing office member; each change is reported in `changes`, applied or refused with the action's reason (notApplied lists the refused ones).",
  })
  @ApiCreatedResponse({ type: LedgerCommitResponse })
  @ApiErrors(400, 404, 409)
  async commitLedger(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Body() body: CommitLedgerDto,
  ) {
    await this.access.require(actor, (await this.documents.draft(id)).inspectionId, ['office']);
    return this.ledger.commit(
      id,
      { createUnknown: body.createUnknown === true, leadersAgreed: body.leadersAgreed === true },
      actor,
    );
  }

  @Get('inspections/:id/ledger.xlsx')
  @Header('Content-Type', XLSX)
  @Header(
    'Content-Disposition',
    `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('整改台账.xlsx')}`,
  )
  @ApiOperation({
    summary:
      "The inspection's ledger as Excel (整改台账.xlsx), the columns of the template; with the list's filters, only the measures they select",
  })
  @ApiOkResponse({
    description: 'an Excel workbook',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 404)
  async exportXlsx(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() filter: LedgerExportQuery,
    @CurrentActor() actor: RequestActor,
  ) {
    await this.access.require(actor, id, ['office', 'group_head', 'supervisor']);
    return new StreamableFile(await this.ledgerExport.exportXlsx(id, { filter, viewer: actor }));
  }

  @Get('inspections/:id/ledger.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header(
    'Content-Disposition',
    `attachment; filename="ledger.csv"; filename*=UTF-8''${encodeURIComponent('整改台账.csv')}`,
  )
  @ApiOperation({
    summary: "The inspection's ledger as CSV (UTF-8); with the list's filters, only the measures they select",
  })
  @ApiOkResponse({ description: 'CSV, one row per measure', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404)
  async exportCsv(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() filter: LedgerExportQuery,
    @CurrentActor() actor: RequestActor,
  ) {
    await this.access.require(actor, id, ['office', 'group_head', 'supervisor']);
    return this.ledgerExport.exportCsv(id, { filter, viewer: actor });
  }
}
