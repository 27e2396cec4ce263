import { EntityManager } from 'typeorm';
import { EvidenceEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** A stored file's row; the bytes are already in the evidence directory under `sha256`. */
export interface NewEvidence {
  measureId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedById: string;
}

/** An evidence id with the hash of its bytes (what an action's audit event records). */
export interface EvidenceHashRow {
  id: string;
  sha256: string;
}

/** `evidence`: the files (佐证材料) uploaded to a measure; rows are never changed once written. */
export class EvidenceRepository extends BaseRepository {
  private evidence(tx?: EntityManager) {
    return this.db(tx).getRepository(EvidenceEntity);
  }

  async create(row: NewEvidence, tx?: EntityManager): Promise<EvidenceEntity> {
    const evidence = this.evidence(tx);
    return evidence.save(evidence.create(row));
  }

  byId(id: string, tx?: EntityManager): Promise<EvidenceEntity | null> {
    return this.evidence(tx).findOne({ where: { id } });
  }

  /** A measure's files, oldest first. */
  ofMeasure(measureId: string, tx?: EntityManager): Promise<EvidenceEntity[]> {
    return this.evidence(tx).find({ where: { measureId }, order: { uploadedAt: 'ASC' } });
  }

  /** Of these ids, the ones that are files of this measure. */
  async idsOfMeasure(measureId: string, ids: string[], tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.db(tx).query(
      'SELECT id FROM evidence WHERE measure_id = $1 AND id = ANY($2::uuid[])',
      [measureId, ids],
    );
    return rows.map((row) => row.id);
  }

  /** The hashes of these files, by id. */
  hashes(ids: string[], tx?: EntityManager): Promise<EvidenceHashRow[]> {
    return this.db(tx).query('SELECT id, sha256 FROM evidence WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]);
  }
}
