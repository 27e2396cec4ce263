import { EntityManager } from 'typeorm';
import { BaseRepository } from './unit-of-work';

/** A notification as its recipient's inbox lists it. */
export interface InboxItemRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  measureId: string | null;
  inspectionId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The in-app inbox's reads and read marks over `notification` (the inserts are the notification
 * repository's): every statement is limited to one recipient, so a person touches only their own.
 */
export class InboxRepository extends BaseRepository {
  /** The newest 200, or only the unread ones. */
  list(recipientId: string, unreadOnly: boolean, tx?: EntityManager): Promise<InboxItemRow[]> {
    return this.db(tx).query(
      `SELECT id, kind, title, body, measure_id AS "measureId", inspection_id AS "inspectionId", created_at AS "createdAt", read_at AS "readAt"
         FROM notification WHERE recipient_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY created_at DESC LIMIT 200`,
      [recipientId],
    );
  }

  async unreadCount(recipientId: string, tx?: EntityManager): Promise<number> {
    const [{ count }]: { count: number }[] = await this.db(tx).query(
      'SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL',
      [recipientId],
    );
    return count;
  }

  /** Marks one notification read (keeping the first read time); false when the recipient has no such notification. */
  async markRead(id: string, recipientId: string, tx?: EntityManager): Promise<boolean> {
    const rows = await this.db(tx).query(
      'UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING id',
      [id, recipientId],
    );
    // TypeORM's postgres driver answers an UPDATE … RETURNING as [rows, affected count].
    return (Array.isArray(rows[0]) ? rows[0] : rows).length > 0;
  }

  async markAllRead(recipientId: string, tx?: EntityManager): Promise<void> {
    await this.db(tx).query('UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL', [
      recipientId,
    ]);
  }
}
