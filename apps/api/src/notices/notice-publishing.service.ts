import { Injectable } from '@nestjs/common';
import type { NoticeContent } from '@rectiflow/documents';
import { NoticeEntity, NoticeRepository } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { NoticesService } from './notices.service';

/** Publishing: the notice's content frozen as the public will see it, and what the public page reads. */
@Injectable()
export class NoticePublishingService {
  constructor(
    private readonly notices: NoticesService,
    private readonly repository: NoticeRepository,
  ) {}

  /** Freezes what the public will see; later edits need another publish. */
  async publish(id: string): Promise<NoticeEntity> {
    const notice = await this.notices.notice(id);
    const content = await this.notices.content(notice);
    if (!content.sections.length)
      throw new DomainError(ErrorCode.InvalidInput, 'the inspection has no problems yet; nothing to publish');
    notice.publishedContent = content as unknown as Record<string, unknown>;
    notice.publishedAt = new Date();
    return this.repository.save(notice);
  }

  async published(id: string): Promise<NoticeContent> {
    return (await this.publishedNotice(id)).publishedContent as unknown as NoticeContent;
  }

  /** The notice, when it has been published (404 otherwise: a draft never leaves the system). */
  async publishedNotice(id: string): Promise<NoticeEntity> {
    const notice = await this.repository.byId(id);
    if (!notice?.publishedContent) throw new DomainError(ErrorCode.NotFound, 'no published notice with this id');
    return notice;
  }
}
