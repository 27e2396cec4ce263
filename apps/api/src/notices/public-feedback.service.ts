import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  NotificationRepository,
  PublicFeedbackRepository,
  PublicFeedbackRow,
  PublishedAnswerRow,
} from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { NoticePublishingService } from './notice-publishing.service';
import type { AnswerFeedbackDto, FeedbackDto, RouteFeedbackDto } from './notice.dto';

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

  /**
   * Routes a message to a problem, or to a measure (and so its problem), of the message's own
   * inspection; neither: back to not routed. 400 naming the field for anything of another inspection.
   */
  async route(feedbackId: string, body: RouteFeedbackDto): Promise<void> {
    const inspectionId = await this.feedbackInspection(feedbackId);
    let problemId = body.problemId ?? null;
    const measureId = body.measureId ?? null;
    if (measureId) {
      const ofMeasure = await this.feedback.measureProblem(inspectionId, measureId);
      if (!ofMeasure) throw new DomainError(ErrorCode.InvalidInput, 'measureId names no measure of this inspection');
      if (problemId && problemId !== ofMeasure)
        throw new DomainError(ErrorCode.InvalidInput, 'problemId is not the problem of measureId');
      problemId = ofMeasure;
    } else if (problemId && !(await this.feedback.problemOf(inspectionId, problemId)))
      throw new DomainError(ErrorCode.InvalidInput, 'problemId names no problem of this inspection');
    await this.feedback.route(feedbackId, problemId, measureId);
  }

  /** The office's answer; `publish` shows it (with the message, never the sender) under the notice. */
  async answer(feedbackId: string, body: AnswerFeedbackDto): Promise<void> {
    await this.feedbackInspection(feedbackId);
    const answer = body.answer?.trim();
    if (!answer) throw new DomainError(ErrorCode.InvalidInput, 'answer must not be blank');
    await this.feedback.answer(feedbackId, answer, body.publish === true);
  }

  publishedAnswers(noticeId: string): Promise<PublishedAnswerRow[]> {
    return this.feedback.publishedAnswers(noticeId);
  }
}
