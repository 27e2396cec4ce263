import { Injectable } from '@nestjs/common';
import { InboxItemRow, InboxRepository } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';

/** The in-app inbox: every person reads and marks only their own notifications. */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async list(personId: string, unreadOnly: boolean): Promise<{ unread: number; items: InboxItemRow[] }> {
    const items = await this.inbox.list(personId, unreadOnly);
    return { unread: await this.inbox.unreadCount(personId), items };
  }

  async unreadCount(personId: string): Promise<{ unread: number }> {
    return { unread: await this.inbox.unreadCount(personId) };
  }

  /** 404 for someone else's notification, as for one that does not exist. */
  async markRead(personId: string, id: string): Promise<void> {
    if (!(await this.inbox.markRead(id, personId)))
      throw new DomainError(ErrorCode.NotFound, `no notification with id ${id}`);
  }

  markAllRead(personId: string): Promise<void> {
    return this.inbox.markAllRead(personId);
  }
}
