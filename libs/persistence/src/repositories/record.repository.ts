import { EntityManager } from 'typeorm';
import { RecordKind, RectificationRecordEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** A meeting, internal supervision, rule or campaign to record. */
export interface NewRecord {
  inspectionId: string;
  kind: RecordKind;
  title: string;
  heldOn: string | null;
  measureIds: string[];
}

/** What an office may correct in a record; an absent field stays as it is. */
export interface RecordChanges {
  kind?: RecordKind;
  title?: string;
  heldOn?: string | null;
  measureIds?: string[];
}

/** How many records of each kind an inspection has (the notice's figures). */
export interface RecordCounts {
  meetings: number;
  supervisions: number;
  rules: number;
  campaigns: number;
}

/** `rectification_record`: what the office keeps besides measures (调度会议, 内部督查, 建章立制, 专项整治). */
export class RecordRepository extends BaseRepository {
  private records(tx?: EntityManager) {
    return this.db(tx).getRepository(RectificationRecordEntity);
  }

  async create(record: NewRecord, tx?: EntityManager): Promise<RectificationRecordEntity> {
    const records = this.records(tx);
    return records.save(records.create(record));
  }

  byId(id: string, tx?: EntityManager): Promise<RectificationRecordEntity | null> {
    return this.records(tx).findOneBy({ id });
  }

  /** The record after the changes, or null when there is none with that id. */
  async update(id: string, changes: RecordChanges, tx?: EntityManager): Promise<RectificationRecordEntity | null> {
    const records = this.records(tx);
    if (Object.keys(changes).length) await records.update({ id }, changes);
    return records.findOneBy({ id });
  }

  /** True when a record was deleted. */
  async remove(id: string, tx?: EntityManager): Promise<boolean> {
    const result = await this.records(tx).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** An inspection's records by the day they were held, then as entered. */
  ofInspection(inspectionId: string, tx?: EntityManager): Promise<RectificationRecordEntity[]> {
    return this.records(tx).find({ where: { inspectionId }, order: { heldOn: 'ASC', createdAt: 'ASC' } });
  }

  async counts(inspectionId: string, tx?: EntityManager): Promise<RecordCounts> {
    const [row]: RecordCounts[] = await this.db(tx).query(
      `SELECT count(*) FILTER (WHERE kind = 'meeting')::int AS meetings,
              count(*) FILTER (WHERE kind = 'supervision')::int AS supervisions,
              count(*) FILTER (WHERE kind = 'rule')::int AS rules,
              count(*) FILTER (WHERE kind = 'campaign')::int AS campaigns
         FROM rectification_record WHERE inspection_id = $1`,
      [inspectionId],
    );
    return row;
  }
}
