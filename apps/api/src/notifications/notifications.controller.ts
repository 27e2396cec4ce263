import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InboxService } from './inbox.service';
import { ApiErrors } from '../common/api-errors';
import { NotificationSettingsDto, ReadAllDto } from './notifications.dto';
import { InboxResponse, NotificationSettingsResponse, UnreadCountResponse } from './notifications.response';

/** The in-app inbox: every person reads and marks only their own notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  @ApiOperation({
    summary:
      "The person's notifications, newest first, with the unread and action-needed counts and per-measure groups",
  })
  @ApiOkResponse({ type: InboxResponse })
  @ApiErrors(400)
  list(@CurrentActor() actor: RequestActor, @Query('unread') unread?: string) {
    // Anything else was read as "all": a client asking for unread=1 got everything, unasked.
    if (unread !== undefined && unread !== 'true' && unread !== 'false')
      throw new DomainError(ErrorCode.InvalidInput, 'unread must be "true" or "false"');
    return this.inbox.list(actor.personId, unread === 'true');
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of the person's notifications are unread" })
  @ApiOkResponse({ type: UnreadCountResponse })
  unreadCount(@CurrentActor() actor: RequestActor) {
    return this.inbox.unreadCount(actor.personId);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: "Mark one notification read (only one's own)" })
  @ApiNoContentResponse({ description: 'marked' })
  @ApiErrors(400, 404)
  async read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    await this.inbox.markRead(actor.personId, id);
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: "Mark every one of the person's notifications read (全部已读), or those of one measure" })
  @ApiNoContentResponse({ description: 'marked' })
  @ApiErrors(400)
  async readAll(@CurrentActor() actor: RequestActor, @Body() body: ReadAllDto) {
    await this.inbox.markAllRead(actor.personId, body?.measureId ?? null);
  }

  @Get('settings')
  @ApiOperation({ summary: "The person's e-mail setting: one e-mail each or a daily digest" })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  settings(@CurrentActor() actor: RequestActor) {
    return this.inbox.settings(actor.personId);
  }

  @Put('settings')
  @ApiOperation({ summary: "Set the person's own e-mail setting (daily digest, immediate, or the default)" })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  @ApiErrors(400)
  setSettings(@CurrentActor() actor: RequestActor, @Body() body: NotificationSettingsDto) {
    return this.inbox.setSettings(actor.personId, body.emailDigest);
  }
}
