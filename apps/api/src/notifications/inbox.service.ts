import { Injectable } from '@nestjs/common';
import { InboxItemRow, InboxRepository } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { ACTION_NEEDED_KINDS, digestByDefault, EmailDigestChoice, isActionNeeded } from './notification-kinds';

export type InboxItem = InboxItemRow & { actionNeeded: boolean };

/** The notifications of one measure (or of none), as the bell shows them. */
export interface InboxGroup {
  measureId: string | null;
  measureText: string | null;
  unread: number;
  actionNeeded: number;
  latestAt: Date;
  notificationIds: string[];
}

/** The in-app inbox: every person reads and marks only their own notifications. */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async list(
    personId: string,
    unreadOnly: boolean,
  ): Promise<{ unread: number; actionNeeded: number; items: InboxItem[]; groups: InboxGroup[] }> {
    const rows = await this.inbox.list(personId, unreadOnly);
    const items = rows.map((row) => ({ ...row, actionNeeded: isActionNeeded(row.kind) }));
    const [unread, actionNeeded] = await Promise.all([
      this.inbox.unreadCount(personId),
      this.inbox.unreadOfKinds(personId, ACTION_NEEDED_KINDS),
    ]);
    return { unread, actionNeeded, items, groups: groupByMeasure(items) };
  }

  async unreadCount(personId: string): Promise<{ unread: number }> {
    return { unread: await this.inbox.unreadCount(personId) };
  }

  /** 404 for someone else's notification, as for one that does not exist. */
  async markRead(personId: string, id: string): Promise<void> {
    if (!(await this.inbox.markRead(id, personId)))
      throw new DomainError(ErrorCode.NotFound, `no notification with id ${id}`);
  }

  async markAllRead(personId: string, measureId: string | null): Promise<{ marked: number }> {
    return { marked: await this.inbox.markAllRead(personId, measureId) };
  }

  async settings(personId: string): Promise<{ emailDigest: EmailDigestChoice; defaultDigest: 'daily' | 'immediate' }> {
    const digest = await this.inbox.emailDigest(personId);
    return {
      emailDigest: digest === null ? 'default' : digest ? 'daily' : 'immediate',
      defaultDigest: digestByDefault() ? 'daily' : 'immediate',
    };
  }

  async setSettings(personId: string, emailDigest: EmailDigestChoice) {
    await this.inbox.setEmailDigest(personId, emailDigest === 'default' ? null : emailDigest === 'daily');
    return this.settings(personId);
  }
}

/**
 * One group per measure (notifications without a measure together): groups with unread
 * action-needed notifications first (most first), then those with anything unread, then the newest.
 */
export function groupByMeasure(items: InboxItem[]): InboxGroup[] {
  const groups = new Map<string, InboxGroup>();
  for (const item of items) {
    const key = item.measureId ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        measureId: item.measureId,
        measureText: item.measureText,
        unread: 0,
        actionNeeded: 0,
        latestAt: item.createdAt,
        notificationIds: [],
      };
      groups.set(key, group);
    }
    group.notificationIds.push(item.id);
    if (!item.readAt) {
      group.unread += 1;
      if (item.actionNeeded) group.actionNeeded += 1;
    }
    if (item.createdAt > group.latestAt) group.latestAt = item.createdAt;
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.actionNeeded - a.actionNeeded ||
      Number(b.unread > 0) - Number(a.unread > 0) ||
      new Date(b.latestAt).getTime() - new Date(a.latestAt).getTime(),
  );
}
