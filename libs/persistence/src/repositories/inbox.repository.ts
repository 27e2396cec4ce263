import { EntityManager } from 'typeorm';
import { BaseRepository } from './unit-of-work';

/** A notification as its recipient's inbox lists it. */
export interface InboxItemRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  measureId: string | null;
  /** The measure's text, for grouping the inbox per measure (null without a measure). */
  measureText: string | null;
  inspectionId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The in-app inbox's reads and read marks over `notification` (the inserts are the notification
 * repository's), and the person's own e-mail setting: every statement is limited to one person.
 */
export class InboxRepository extends BaseRepository {
  /** The newest 200, or only the unread ones. */
  list(recipientId: string, unreadOnly: boolean, tx?: EntityManager): Promise<InboxItemRow[]> {
    return this.db(tx).query(
      `SELECT n.id, n.kind, n.title, n.body, n.measure_id AS "measureId", m.text AS "measureText",
              n.inspection_id AS "inspectionId", n.created_at AS "createdAt", n.read_at AS "readAt"
         FROM notification n LEFT JOIN measure m ON m.id = n.measure_id
        WHERE n.recipient_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''} ORDER BY n.created_at DESC LIMIT 200`,
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

  /** Unread notifications of these kinds (the action-needed ones). */
  async unreadOfKinds(recipientId: string, kinds: readonly string[], tx?: EntityManager): Promise<number> {
    const [{ count }]: { count: number }[] = await this.db(tx).query(
      'SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL AND kind = ANY($2::text[])',
      [recipientId, kinds],
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

  /** Marks every unread one read, or only those of one measure; answers how many were marked. */
  async markAllRead(recipientId: string, measureId: string | null = null, tx?: EntityManager): Promise<number> {
    const rows = await this.db(tx).query(
      `UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL
          AND ($2::uuid IS NULL OR measure_id = $2) RETURNING id`,
      [recipientId, measureId],
    );
    return (Array.isArray(rows[0]) ? rows[0] : rows).length;
  }

  /** The person's digest choice: true daily, false one e-mail each, null the deployment's default. */
  async emailDigest(personId: string, tx?: EntityManager): Promise<boolean | null> {
    const [row]: { digest: boolean | null }[] = await this.db(tx).query(
      'SELECT email_digest AS digest FROM notification_setting WHERE person_id = $1',
      [personId],
    );
    return row?.digest ?? null;
  }

  async setEmailDigest(personId: string, digest: boolean | null, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO notification_setting (person_id, email_digest) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET email_digest = EXCLUDED.email_digest, updated_at = now()`,
      [personId, digest],
    );
  }
}
