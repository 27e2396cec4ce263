import { Res } from '../common/response-fields';

export class NotificationResponse {
  @Res.id()
  id: string;

  @Res.text({ description: 'what caused it (reminder, escalation, review_rejected…)' })
  kind: string;

  @Res.text()
  title: string;

  @Res.text()
  body: string;

  @Res.id({ nullable: true })
  measureId: string | null;

  @Res.id({ nullable: true })
  inspectionId: string | null;

  @Res.dateTime()
  createdAt: string;

  @Res.dateTime({ nullable: true })
  readAt: string | null;
}

/** The inbox: newest first, with the unread count. */
export class InboxResponse {
  @Res.int()
  unread: number;

  @Res.many(() => NotificationResponse)
  items: NotificationResponse[];
}

export class UnreadCountResponse {
  @Res.int()
  unread: number;
}
