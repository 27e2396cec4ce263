import { EntityManager } from 'typeorm';
import type { InspectionRole } from '@rectiflow/domain';
import { BaseRepository } from './unit-of-work';

/** Who receives a notification, as a set of people the database resolves in the same statement. */
export type Recipients =
  /** Everyone in these departments. */
  | { kind: 'departments'; departmentIds: string[] }
  /** These people. */
  | { kind: 'people'; personIds: string[] }
  /** The holders of a role in the inspection. */
  | { kind: 'role'; inspectionId: string; role: InspectionRole }
  /** The inspection's reviewers; its office when it has none. */
  | { kind: 'reviewers'; inspectionId: string };

export interface NewNotification {
  inspectionId: string;
  measureId: string | null;
  kind: string;
  title: string;
  body: string;
  /** Unique per event and kind; each recipient's id is appended, so a repeated event adds nothing. */
  dedupeKey: string;
  /** Queue an e-mail copy (email_status = pending) for the recipients who have an address. */
  emailCopy: boolean;
  /** Never this person (the one who acted); null for none. */
  exceptPersonId: string | null;
}

/** An e-mail copy claimed for sending. */
export interface PendingEmailRow {
  id: string;
  title: string;
  body: string;
  email: string;
  email_attempts: number;
}

/** The recipients as a subquery of person ids; its parameters start at $8 (the insert's own are $1–$7). */
function recipientsSql(recipients: Recipients): { sql: string; params: unknown[] } {
  switch (recipients.kind) {
    case 'departments':
      return { sql: 'SELECT id FROM person WHERE department_id = ANY($8::uuid[])', params: [recipients.departmentIds] };
    case 'people':
      return { sql: 'SELECT unnest($8::uuid[])', params: [recipients.personIds] };
    case 'role':
      return {
        sql: 'SELECT person_id FROM inspection_role WHERE inspection_id = $8 AND role = $9',
        params: [recipients.inspectionId, recipients.role],
      };
    case 'reviewers':
      return {
        sql: `SELECT person_id FROM inspection_role WHERE inspection_id = $8 AND role = 'reviewer'
                UNION ALL
                SELECT person_id FROM inspection_role WHERE inspection_id = $8 AND role = 'office'
                   AND NOT EXISTS (SELECT 1 FROM inspection_role WHERE inspection_id = $8 AND role = 'reviewer')`,
        params: [recipients.inspectionId],
      };
  }
}

/**
 * `notification`: the in-app inbox rows and their e-mail copies (the inbox's reads are InboxRepository's).
 * Written by the projection (workflow events) and by public feedback; e-mail state by the mailer.
 */
export class NotificationRepository extends BaseRepository {
  /** One inbox row per recipient, in one statement; a recipient already holding this dedupe key gets none. */
  async notify(notification: NewNotification, recipients: Recipients, tx?: EntityManager): Promise<void> {
    const audience = recipientsSql(recipients);
    await this.db(tx).query(
      `INSERT INTO notification (recipient_id, inspection_id, measure_id, kind, title, body, dedupe_key, email_status)
         SELECT p.id, $1, $2, $3, $4, $5, $6 || ':' || p.id,
                CASE WHEN $7::boolean AND p.email IS NOT NULL THEN 'pending' ELSE 'none' END
           FROM person p
          WHERE p.id IN (${audience.sql}) AND p.id IS DISTINCT FROM $${8 + audience.params.length}::uuid
         ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        notification.inspectionId,
        notification.measureId,
        notification.kind,
        notification.title,
        notification.body,
        notification.dedupeKey,
        notification.emailCopy,
        ...audience.params,
        notification.exceptPersonId,
      ],
    );
  }

  /**
   * Claims the oldest pending e-mail not among `skip`, locked for the rest of the transaction
   * (FOR UPDATE SKIP LOCKED: several mailers never claim the same row). Recipients who take a daily
   * digest (their setting, or `digestDefault` when they have none) are left to `claimDigest`.
   */
  async claimPendingEmail(
    skip: string[],
    tx: EntityManager,
    digestDefault = false,
  ): Promise<PendingEmailRow | undefined> {
    const [row]: PendingEmailRow[] = await tx.query(
      `SELECT n.id, n.title, n.body, p.email, n.email_attempts FROM notification n JOIN person p ON p.id = n.recipient_id
          LEFT JOIN notification_setting s ON s.person_id = n.recipient_id
          WHERE n.email_status = 'pending' AND n.id <> ALL($1::uuid[]) AND NOT coalesce(s.email_digest, $2::boolean)
          ORDER BY n.created_at LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
      [skip, digestDefault],
    );
    return row;
  }

  /**
   * Claims one person's daily digest: someone taking digests with pending e-mail copies and no
   * digest since `since` (the start of the day), not among `skip`. Their setting row is created if
   * need be and locked (SKIP LOCKED: two mailers never send the same digest), with every pending copy.
   */
  async claimDigest(
    skip: string[],
    since: Date,
    digestDefault: boolean,
    tx: EntityManager,
  ): Promise<{ personId: string; email: string; items: PendingEmailRow[] } | undefined> {
    const [candidate]: { personId: string }[] = await tx.query(
      `SELECT DISTINCT n.recipient_id AS "personId" FROM notification n
          LEFT JOIN notification_setting s ON s.person_id = n.recipient_id
        WHERE n.email_status = 'pending' AND coalesce(s.email_digest, $2::boolean)
          AND (s.last_digest_at IS NULL OR s.last_digest_at < $3) AND n.recipient_id <> ALL($1::uuid[])
        LIMIT 1`,
      [skip, digestDefault, since],
    );
    if (!candidate) return undefined;
    await tx.query('INSERT INTO notification_setting (person_id) VALUES ($1) ON CONFLICT (person_id) DO NOTHING', [
      candidate.personId,
    ]);
    const locked = await tx.query(
      `SELECT person_id FROM notification_setting WHERE person_id = $1 AND (last_digest_at IS NULL OR last_digest_at < $2)
          FOR UPDATE SKIP LOCKED`,
      [candidate.personId, since],
    );
    if (!locked.length) return { personId: candidate.personId, email: '', items: [] };
    const items: PendingEmailRow[] = await tx.query(
      `SELECT n.id, n.title, n.body, p.email, n.email_attempts FROM notification n JOIN person p ON p.id = n.recipient_id
        WHERE n.recipient_id = $1 AND n.email_status = 'pending' ORDER BY n.created_at FOR UPDATE OF n`,
      [candidate.personId],
    );
    return { personId: candidate.personId, email: items[0]?.email ?? '', items };
  }

  /** The digest went out: its copies are sent and the person has had today's digest. */
  async recordDigestSent(personId: string, ids: string[], tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE notification SET email_status = 'sent', emailed_at = now(), email_attempts = email_attempts + 1
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await tx.query('UPDATE notification_setting SET last_digest_at = now() WHERE person_id = $1', [personId]);
  }

  async recordEmailSent(id: string, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `UPDATE notification SET email_status = 'sent', emailed_at = now(), email_attempts = email_attempts + 1 WHERE id = $1`,
      [id],
    );
  }

  /** Counts a failed attempt; `givenUp` marks the copy failed for good, else it stays pending. */
  async recordEmailFailure(id: string, givenUp: boolean, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `UPDATE notification SET email_attempts = email_attempts + 1, email_status = $2 WHERE id = $1`,
      [id, givenUp ? 'failed' : 'pending'],
    );
  }
}
