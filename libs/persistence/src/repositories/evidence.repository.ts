import { EntityManager, IsNull } from 'typeorm';
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

/** What withdrawing a file came to: done (or done before), or refused because an action names it. */
export type WithdrawOutcome = 'withdrawn' | 'named_by_an_action';

/**
 * `evidence`: the files (佐证材料) uploaded to a measure. A row's content never changes; a file no
 * action names may be marked withdrawn, and leaves the lists (its bytes stay: they are shared by hash).
 */
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

  /** A measure's files, oldest first, without the withdrawn ones. */
  ofMeasure(measureId: string, tx?: EntityManager): Promise<EvidenceEntity[]> {
    return this.evidence(tx).find({ where: { measureId, withdrawnAt: IsNull() }, order: { uploadedAt: 'ASC' } });
  }

  /** Of these ids, the ones that are files of this measure and not withdrawn. */
  async idsOfMeasure(measureId: string, ids: string[], tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.db(tx).query(
      'SELECT id FROM evidence WHERE measure_id = $1 AND id = ANY($2::uuid[]) AND withdrawn_at IS NULL',
      [measureId, ids],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The hashes of the files an action names, by id. An action recorded with a file wins over a
   * withdrawal that raced it: the rows are locked and un-withdrawn in the same statement.
   */
  hashes(ids: string[], tx?: EntityManager): Promise<EvidenceHashRow[]> {
    return this.db(tx)
      .query(
        `UPDATE evidence SET withdrawn_at = NULL, withdrawn_by = NULL WHERE id = ANY($1::uuid[]) RETURNING id, sha256`,
        [ids],
      )
      .then(([rows]: [EvidenceHashRow[]]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  /**
   * Marks a file withdrawn unless an action of its measure names it. The row lock first, then the
   * check in a statement of its own, so it sees an action whose projection held the lock and committed.
   */
  async withdraw(id: string, personId: string, tx: EntityManager): Promise<WithdrawOutcome> {
    await tx.query('SELECT id FROM evidence WHERE id = $1 FOR UPDATE', [id]);
    // An UPDATE's answer through TypeORM is [rows, affected].
    const [withdrawn]: [unknown[], number] = await tx.query(
      `UPDATE evidence e SET withdrawn_at = coalesce(e.withdrawn_at, now()), withdrawn_by = coalesce(e.withdrawn_by, $2)
        WHERE e.id = $1
          AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.measure_id = e.measure_id AND a.detail->'evidenceIds' ? e.id::text)
        RETURNING e.id`,
      [id, personId],
    );
    return withdrawn.length ? 'withdrawn' : 'named_by_an_action';
  }
}
