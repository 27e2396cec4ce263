import { Res } from '../common/response-fields';
import { EMAIL_DIGEST_CHOICES } from './notification-kinds';

export class NotificationResponse {
  @Res.id()
  id: string;

  @Res.text({ description: 'what caused it (reminder, escalation, review_rejected…)' })
  kind: string;

  @Res.bool({ description: 'true: it asks the person to act (待办); false: for information' })
  actionNeeded: boolean;

  @Res.text()
  title: string;

  @Res.text()
  body: string;

  @Res.id({ nullable: true })
  measureId: string | null;

  @Res.text({ nullable: true, description: "the measure's text" })
  measureText: string | null;

  @Res.id({ nullable: true })
  inspectionId: string | null;

  @Res.dateTime()
  createdAt: string;

  @Res.dateTime({ nullable: true })
  readAt: string | null;
}

/** The notifications of one measure (measureId null: those of no measure). */
export class InboxGroupResponse {
  @Res.id({ nullable: true })
  measureId: string | null;

  @Res.text({ nullable: true })
  measureText: string | null;

  @Res.int()
  unread: number;

  @Res.int({ description: 'unread action-needed notifications' })
  actionNeeded: number;

  @Res.dateTime()
  latestAt: string;

  @Res.ids({ description: 'its notifications in `items`, newest first' })
  notificationIds: string[];
}

/** The inbox: newest first, with the unread counts and the per-measure groups. */
export class InboxResponse {
  @Res.int()
  unread: number;

  @Res.int({ description: 'unread action-needed (待办) notifications' })
  actionNeeded: number;

  @Res.many(() => NotificationResponse)
  items: NotificationResponse[];

  @Res.many(() => InboxGroupResponse, { description: 'action-needed first, then unread, then newest' })
  groups: InboxGroupResponse[];
}

export class UnreadCountResponse {
  @Res.int()
  unread: number;
}

export class NotificationSettingsResponse {
  @Res.enum(EMAIL_DIGEST_CHOICES, 'EmailDigestChoice')
  emailDigest: string;

  @Res.enum(['daily', 'immediate'], 'EmailDigestDefault', { description: 'what `default` means here' })
  defaultDigest: string;
}
