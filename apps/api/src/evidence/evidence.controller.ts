import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, RequestActor } from '../common/actor';
import { EvidenceService, UploadedEvidence } from './evidence.service';
import { ApiErrors } from '../common/api-errors';
import { EvidenceResponse } from './evidence.response';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('measures/:id/evidence')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
  })
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary:
      "Upload an evidence file (multipart field 'file'): type, size and first bytes are checked; stored by SHA-256",
  })
  @ApiCreatedResponse({ type: EvidenceResponse })
  @ApiErrors(400, 404, 413, 415)
  upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @UploadedFile() file: UploadedEvidence,
  ) {
    return this.evidence.upload(id, actor, file);
  }

  @Get('measures/:id/evidence')
  @ApiOperation({ summary: "The measure's evidence files, oldest first" })
  @ApiOkResponse({ type: EvidenceResponse, isArray: true })
  @ApiErrors(400, 404)
  list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    return this.evidence.list(id, actor);
  }

  @Get('evidence/:id/content')
  @ApiOperation({ summary: 'The bytes of an evidence file, as uploaded (X-Content-SHA256 gives their hash)' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404)
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: RequestActor,
    @Res() response: Response,
  ) {
    const { evidence, stream } = await this.evidence.get(id, actor);
    response.setHeader('Content-Type', evidence.contentType);
    response.setHeader('Content-Length', String(evidence.sizeBytes));
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
    );
    response.setHeader('X-Content-SHA256', evidence.sha256);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  @Delete('evidence/:id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Withdraw a wrong upload (the uploader or the office) while no action names it; it leaves the lists, the bytes stay. Repeating it is harmless',
  })
  @ApiNoContentResponse({ description: 'withdrawn (or already withdrawn)' })
  @ApiErrors(400, 403, 404, 409)
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor): Promise<void> {
    return this.evidence.withdraw(id, actor);
  }
}
