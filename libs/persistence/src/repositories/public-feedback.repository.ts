import { EntityManager } from 'typeorm';
import { PublicFeedbackEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** A message from the public, as received through a published notice. */
export interface NewPublicFeedback {
  noticeId: string;
  name: string | null;
  contact: string | null;
  content: string;
  /** SHA-256 of the sender's address, never the address. */
  senderHash: string;
}

/** A message as the office reads it. */
export interface PublicFeedbackRow {
  id: string;
  name: string | null;
  contact: string | null;
  content: string;
  receivedAt: Date;
  readAt: Date | null;
}

/** `public_feedback`: messages from the public (群众监督), each through one notice of an inspection. */
export class PublicFeedbackRepository extends BaseRepository {
  async create(feedback: NewPublicFeedback, tx?: EntityManager): Promise<PublicFeedbackEntity> {
    const rows = this.db(tx).getRepository(PublicFeedbackEntity);
    return rows.save(rows.create(feedback));
  }

  /** The messages sent through any notice of the inspection, newest first. */
  ofInspection(inspectionId: string, tx?: EntityManager): Promise<PublicFeedbackRow[]> {
    return this.db(tx).query(
      `SELECT f.id, f.name, f.contact, f.content, f.received_at AS "receivedAt", f.read_at AS "readAt"
         FROM public_feedback f JOIN notice n ON n.id = f.notice_id WHERE n.inspection_id = $1 ORDER BY f.received_at DESC`,
      [inspectionId],
    );
  }

  /** The inspection a message belongs to, or null when there is no such message. */
  async inspectionOf(feedbackId: string, tx?: EntityManager): Promise<string | null> {
    const [row]: { inspectionId: string }[] = await this.db(tx).query(
      'SELECT n.inspection_id AS "inspectionId" FROM public_feedback f JOIN notice n ON n.id = f.notice_id WHERE f.id = $1',
      [feedbackId],
    );
    return row?.inspectionId ?? null;
  }

  /** Keeps the first time it was read. */
  async markRead(feedbackId: string, tx?: EntityManager): Promise<void> {
    await this.db(tx).query('UPDATE public_feedback SET read_at = coalesce(read_at, now()) WHERE id = $1', [
      feedbackId,
    ]);
  }
}
