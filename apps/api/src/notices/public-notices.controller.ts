import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  Ip,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Redirect,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../common/actor';
import { ApiErrors } from '../common/api-errors';
import { DomainError, ErrorCode } from '../common/domain-error';
import { RequestThrottle } from '../throttling/request-throttle.guard';
import { NoticePublishingService, PublishedVersion } from './notice-publishing.service';
import { FeedbackDto } from './notice.dto';
import { FeedbackReceivedResponse, NoticeContentResponse } from './notices.response';
import { PublicFeedbackService } from './public-feedback.service';
import { publicNoticePage } from './public-page';

const HTML = { description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } };
const THANKS = '已收到您的意见建议,谢谢!我们会认真研究办理。';

/** The first public address (/api/public/notices/<uuid>): it answers with a redirect to the readable one. */
@ApiTags('public')
@Controller('public/notices')
export class PublicNoticesController {
  constructor(
    private readonly publishing: NoticePublishingService,
    private readonly publicFeedback: PublicFeedbackService,
  ) {}

  @Get(':id')
  @Public()
  @Redirect()
  @ApiOperation({
    summary: 'The old address of the public page: redirects (301) to /gongkai/<code>, which shows the newest version',
  })
  @ApiFoundResponse({ description: 'to the readable address' })
  @ApiErrors(400, 404)
  async page(@Param('id', new ParseUUIDPipe()) id: string) {
    // Permanent, so to the address that never changes; /gongkai/<code> then goes to the newest version.
    return { url: `/gongkai/${await this.publishing.codeOf(id)}`, statusCode: 301 };
  }

  @Get(':id/content.json')
  @Public()
  @ApiOperation({ summary: 'The newest published version as JSON (exactly what the public page is built from)' })
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
    description: 'received; the notice page with the thank-you in place of the form when the form asked for HTML',
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
    response.status(201);
    if (!accept?.includes('text/html')) return received;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    const code = await this.publishing.codeOf(id);
    const { notice, versions } = await this.publishing.byCode(code);
    return page(this.publishing, this.publicFeedback, notice.id, versions[0].version, versions, THANKS);
  }
}

/** The public page of one version: the notice, links to every other version, published answers, the form. */
async function page(
  publishing: NoticePublishingService,
  publicFeedback: PublicFeedbackService,
  noticeId: string,
  version: number,
  versions: PublishedVersion[],
  thanks: string | null,
): Promise<string> {
  return publicNoticePage({
    content: await publishing.versionContent(noticeId, version),
    version,
    versions,
    answers: await publicFeedback.publishedAnswers(noticeId),
    feedbackAction: `/api/public/notices/${encodeURIComponent(noticeId)}/feedback`,
    thanks,
  });
}

/** The readable public address: /gongkai/<code> (the newest version) and /gongkai/<code>/<version>. */
@ApiTags('public')
@Controller('gongkai')
export class GongkaiController {
  constructor(
    private readonly publishing: NoticePublishingService,
    private readonly publicFeedback: PublicFeedbackService,
  ) {}

  @Get(':code')
  @Public()
  @Redirect()
  @ApiOperation({ summary: 'The public notice: redirects to its newest version' })
  @ApiFoundResponse({ description: 'to /gongkai/<code>/<newest version>' })
  @ApiErrors(404)
  async newest(@Param('code') code: string) {
    const { versions } = await this.publishing.byCode(code);
    return { url: versions[0].publicUrl, statusCode: 302 };
  }

  @Get(':code/:version')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary:
      'One published version as a web page (the newest links to the earlier ones), with published answers and the feedback form',
  })
  @ApiProduces('text/html')
  @ApiOkResponse(HTML)
  @ApiErrors(400, 404)
  async version(
    @Param('code') code: string,
    @Param(
      'version',
      new ParseIntPipe({
        exceptionFactory: () => new DomainError(ErrorCode.InvalidInput, 'version must be a whole number (1, 2, 3…)'),
      }),
    )
    version: number,
  ) {
    const { notice, versions } = await this.publishing.byCode(code);
    return page(this.publishing, this.publicFeedback, notice.id, version, versions, null);
  }
}
