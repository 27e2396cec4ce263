import { EntityManager } from 'typeorm';
import { NoticeEntity, NoticeVersionEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** A published version as listed (without its content). */
export interface NoticeVersionRow {
  version: number;
  publishedAt: Date;
}

/** `notice`: an inspection's progress notice (the office's narrative, and the copy frozen at publication). */
export class NoticeRepository extends BaseRepository {
  private notices(tx?: EntityManager) {
    return this.db(tx).getRepository(NoticeEntity);
  }

  byId(id: string, tx?: EntityManager): Promise<NoticeEntity | null> {
    return this.notices(tx).findOne({ where: { id } });
  }

  byPublicCode(publicCode: string, tx?: EntityManager): Promise<NoticeEntity | null> {
    return this.notices(tx).findOne({ where: { publicCode } });
  }

  /** The inspection's notice (the first, should an older database hold two). */
  ofInspection(inspectionId: string, tx?: EntityManager): Promise<NoticeEntity | null> {
    return this.notices(tx).findOne({ where: { inspectionId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The inspection's notice, created with `narrative` if it has none: under a transaction-scoped
   * advisory lock per inspection, so two first requests at once (a double click, two tabs) make one.
   */
  async ensureForInspection(
    inspectionId: string,
    narrative: () => Record<string, unknown>,
    tx: EntityManager,
  ): Promise<NoticeEntity> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notice:${inspectionId}`]);
    return (await this.ofInspection(inspectionId, tx)) ?? this.create(inspectionId, narrative(), tx);
  }

  async create(inspectionId: string, narrative: Record<string, unknown>, tx?: EntityManager): Promise<NoticeEntity> {
    const notices = this.notices(tx);
    return notices.save(notices.create({ inspectionId, narrative }));
  }

  /** Writes the changed narrative or published copy; the returned row carries the new updated_at. */
  save(notice: NoticeEntity, tx?: EntityManager): Promise<NoticeEntity> {
    return this.notices(tx).save(notice);
  }

  /**
   * Adds the next published version (1, 2, 3…) and makes it the notice's current copy, in one
   * transaction with the notice row locked, so two publishings never take the same number. The
   * public code is given once: a notice keeps its address for ever.
   */
  async publishVersion(
    noticeId: string,
    content: Record<string, unknown>,
    publicCode: string,
    tx: EntityManager,
  ): Promise<{ version: number; publishedAt: Date; publicCode: string }> {
    await tx.query('SELECT id FROM notice WHERE id = $1 FOR UPDATE', [noticeId]);
    const [{ next }]: { next: number }[] = await tx.query(
      'SELECT coalesce(max(version), 0)::int + 1 AS next FROM notice_version WHERE notice_id = $1',
      [noticeId],
    );
    const [row]: { publishedAt: Date }[] = await tx.query(
      `INSERT INTO notice_version (notice_id, version, content) VALUES ($1, $2, $3) RETURNING published_at AS "publishedAt"`,
      [noticeId, next, content],
    );
    const [[updated]]: [{ publicCode: string }[]] = await tx.query(
      `UPDATE notice SET published_content = $2, published_at = $3, public_code = coalesce(public_code, $4), updated_at = now()
        WHERE id = $1 RETURNING public_code AS "publicCode"`,
      [noticeId, content, row.publishedAt, publicCode],
    );
    return { version: next, publishedAt: row.publishedAt, publicCode: updated.publicCode };
  }

  /** Every published version, newest first. */
  versions(noticeId: string, tx?: EntityManager): Promise<NoticeVersionRow[]> {
    return this.db(tx).query(
      `SELECT version, published_at AS "publishedAt" FROM notice_version WHERE notice_id = $1 ORDER BY version DESC`,
      [noticeId],
    );
  }

  version(noticeId: string, version: number, tx?: EntityManager): Promise<NoticeVersionEntity | null> {
    return this.db(tx).getRepository(NoticeVersionEntity).findOne({ where: { noticeId, version } });
  }
}
