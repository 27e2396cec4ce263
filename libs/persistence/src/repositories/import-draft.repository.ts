import { EntityManager, IsNull } from 'typeorm';
import { ImportDraftEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** A parsed upload to keep until the office commits it. */
export interface NewImportDraft {
  inspectionId: string;
  kind: ImportDraftEntity['kind'];
  fileName: string;
  content: Record<string, unknown>;
  warnings: string[];
  createdBy: string;
}

/** `import_draft`: a previewed document or ledger; committing it is claimed once (committed_at). */
export class ImportDraftRepository extends BaseRepository {
  private drafts(tx?: EntityManager) {
    return this.db(tx).getRepository(ImportDraftEntity);
  }

  async create(draft: NewImportDraft, tx?: EntityManager): Promise<ImportDraftEntity> {
    const drafts = this.drafts(tx);
    return drafts.save(drafts.create(draft));
  }

  byId(id: string, tx?: EntityManager): Promise<ImportDraftEntity | null> {
    return this.drafts(tx).findOne({ where: { id } });
  }

  /** The draft, locked for the rest of the transaction `tx` (edits of one draft wait for each other). */
  async lockById(id: string, tx: EntityManager): Promise<ImportDraftEntity | null> {
    return this.drafts(tx).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveContent(id: string, content: Record<string, unknown>, tx?: EntityManager): Promise<void> {
    await this.db(tx).query('UPDATE import_draft SET content = $2::jsonb WHERE id = $1', [id, JSON.stringify(content)]);
  }

  /** Marks the draft committed unless it already is; false when another commit got there first. */
  async claim(id: string, tx?: EntityManager): Promise<boolean> {
    const result = await this.drafts(tx).update({ id, committedAt: IsNull() }, { committedAt: new Date() });
    return Boolean(result.affected);
  }

  /** Undoes a claim after a commit that failed, so the office can commit again. */
  async release(id: string, tx?: EntityManager): Promise<void> {
    await this.drafts(tx).update({ id }, { committedAt: null });
  }
}
