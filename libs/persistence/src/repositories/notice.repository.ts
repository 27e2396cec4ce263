import { EntityManager } from 'typeorm';
import { NoticeEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** `notice`: an inspection's progress notice (the office's narrative, and the copy frozen at publication). */
export class NoticeRepository extends BaseRepository {
  private notices(tx?: EntityManager) {
    return this.db(tx).getRepository(NoticeEntity);
  }

  byId(id: string, tx?: EntityManager): Promise<NoticeEntity | null> {
    return this.notices(tx).findOne({ where: { id } });
  }

  ofInspection(inspectionId: string, tx?: EntityManager): Promise<NoticeEntity | null> {
    return this.notices(tx).findOne({ where: { inspectionId } });
  }

  async create(inspectionId: string, narrative: Record<string, unknown>, tx?: EntityManager): Promise<NoticeEntity> {
    const notices = this.notices(tx);
    return notices.save(notices.create({ inspectionId, narrative }));
  }

  /** Writes the changed narrative or published copy; the returned row carries the new updated_at. */
  save(notice: NoticeEntity, tx?: EntityManager): Promise<NoticeEntity> {
    return this.notices(tx).save(notice);
  }
}
