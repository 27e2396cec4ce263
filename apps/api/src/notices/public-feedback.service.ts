import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { NotificationRepository, PublicFeedbackRepository, PublicFeedbackRow } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { NoticePublishingService } from './notice-publishing.service';
import type { FeedbackDto } from './notice.dto';

/** Messages from the public (群众监督) through a published notice, and the office reading them. */
@Injectable()
export class PublicFeedbackService {
  constructor(
    private readonly feedback: PublicFeedbackRepository,
    private readonly notifications: NotificationRepository,
    private readonly publishing: NoticePublishingService,
  ) {}

  async receiveFeedback(
    noticeId: string,
    body: FeedbackDto,
    address: string,
  ): Promise<{ id: string; receivedAt: Date }> {
    const notice = await this.publishing.publishedNotice(noticeId);
    const content = body.content?.trim();
    if (!content) throw new DomainError(ErrorCode.InvalidInput, 'content must not be blank');
    const saved = await this.feedback.create({
      noticeId,
      name: body.name?.trim() || null,
      contact: body.contact?.trim() || null,
      content,
      senderHash: createHash('sha256').update(address).digest('hex'),
    });
    // It lands in the inbox of the inspection's office, like any other notification (no e-mail: public text).
    await this.notifications.notify(
      {
        inspectionId: notice.inspectionId,
        measureId: null,
        kind: 'public_feedback',
        title: `【群众意见】${(body.name?.trim() || '匿名').slice(0, 50)}`,
        body: content.slice(0, 2000),
        dedupeKey: `feedback:${saved.id}`,
        emailCopy: false,
        exceptPersonId: null,
      },
      { kind: 'role', inspectionId: notice.inspectionId, role: 'office' },
    );
    return { id: saved.id, receivedAt: saved.receivedAt };
  }

  async feedbackFor(inspectionId: string): Promise<{ unread: number; items: PublicFeedbackRow[] }> {
    const items = await this.feedback.ofInspection(inspectionId);
    return { unread: items.filter((item) => !item.readAt).length, items };
  }

  async feedbackInspection(feedbackId: string): Promise<string> {
    const inspectionId = await this.feedback.inspectionOf(feedbackId);
    if (!inspectionId) throw new DomainError(ErrorCode.NotFound, `no feedback with id ${feedbackId}`);
    return inspectionId;
  }

  async markRead(feedbackId: string): Promise<void> {
    await this.feedback.markRead(feedbackId);
  }
}
