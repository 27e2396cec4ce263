import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentActor, RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';

/** The in-app inbox: every person reads and marks only their own notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  async list(@CurrentActor() actor: RequestActor, @Query('unread') unread?: string) {
    const items = await this.dataSource.query(
      `SELECT id, kind, title, body, measure_id AS "measureId", inspection_id AS "inspectionId", created_at AS "createdAt", read_at AS "readAt"
         FROM notification WHERE recipient_id = $1 ${unread === 'true' ? 'AND read_at IS NULL' : ''} ORDER BY created_at DESC LIMIT 200`,
      [actor.personId],
    );
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL', [actor.personId]);
    return { unread: count, items };
  }

  @Get('unread-count')
  async unreadCount(@CurrentActor() actor: RequestActor) {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL', [actor.personId]);
    return { unread: count };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: RequestActor) {
    const rows = await this.dataSource.query('UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING id', [id, actor.personId]);
    if ((Array.isArray(rows[0]) ? rows[0] : rows).length === 0) throw new DomainError(ErrorCode.NotFound, `no notification with id ${id}`);
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentActor() actor: RequestActor) {
    await this.dataSource.query('UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL', [actor.personId]);
  }
}
