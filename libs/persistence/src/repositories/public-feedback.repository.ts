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

/** A message as the office reads it, with where it was routed and its answer. */
export interface PublicFeedbackRow {
  id: string;
  name: string | null;
  contact: string | null;
  content: string;
  receivedAt: Date;
  readAt: Date | null;
  problemId: string | null;
  problemTitle: string | null;
  measureId: string | null;
  measureText: string | null;
  answer: string | null;
  answeredAt: Date | null;
  answerPublishedAt: Date | null;
}

/** A published answer as the public page shows it: the message and the answer, never who sent it. */
export interface PublishedAnswerRow {
  content: string;
  answer: string;
  answeredAt: Date;
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
      `SELECT f.id, f.name, f.contact, f.content, f.received_at AS "receivedAt", f.read_at AS "readAt",
              f.problem_id AS "problemId", p.title AS "problemTitle", f.measure_id AS "measureId", m.text AS "measureText",
              f.answer, f.answered_at AS "answeredAt", f.answer_published_at AS "answerPublishedAt"
         FROM public_feedback f JOIN notice n ON n.id = f.notice_id
         LEFT JOIN problem p ON p.id = f.problem_id LEFT JOIN measure m ON m.id = f.measure_id
        WHERE n.inspection_id = $1 ORDER BY f.received_at DESC`,
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

  /** Whether the problem belongs to the inspection. */
  async problemOf(inspectionId: string, problemId: string, tx?: EntityManager): Promise<boolean> {
    const rows = await this.db(tx).query('SELECT 1 FROM problem WHERE id = $1 AND inspection_id = $2', [
      problemId,
      inspectionId,
    ]);
    return rows.length > 0;
  }

  /** The problem of a measure of the inspection, or null when the inspection has no such measure. */
  async measureProblem(inspectionId: string, measureId: string, tx?: EntityManager): Promise<string | null> {
    const [row]: { problemId: string }[] = await this.db(tx).query(
      'SELECT problem_id AS "problemId" FROM measure WHERE id = $1 AND inspection_id = $2',
      [measureId, inspectionId],
    );
    return row?.problemId ?? null;
  }

  /** Routes the message to a problem and optionally one of its measures (both null: not routed). */
  async route(feedbackId: string, problemId: string | null, measureId: string | null, tx?: EntityManager) {
    await this.db(tx).query(
      'UPDATE public_feedback SET problem_id = $2, measure_id = $3, read_at = coalesce(read_at, now()) WHERE id = $1',
      [feedbackId, problemId, measureId],
    );
  }

  /** Writes the answer; `publish` shows it under the notice (keeping the first publication time), or takes it back. */
  async answer(feedbackId: string, answer: string, publish: boolean, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `UPDATE public_feedback SET answer = $2, answered_at = now(), read_at = coalesce(read_at, now()),
              answer_published_at = CASE WHEN $3::boolean THEN coalesce(answer_published_at, now()) ELSE NULL END
        WHERE id = $1`,
      [feedbackId, answer, publish],
    );
  }

  /** The published answers of a notice, oldest first. */
  publishedAnswers(noticeId: string, tx?: EntityManager): Promise<PublishedAnswerRow[]> {
    return this.db(tx).query(
      `SELECT content, answer, answered_at AS "answeredAt" FROM public_feedback
        WHERE notice_id = $1 AND answer_published_at IS NOT NULL AND answer IS NOT NULL ORDER BY answer_published_at, id`,
      [noticeId],
    );
  }
}
