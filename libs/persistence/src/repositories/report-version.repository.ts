import { EntityManager } from 'typeorm';
import { ReportDraftEntity, ReportVersionEntity } from '../entities';
import { BaseRepository } from './unit-of-work';

/** A generated version as listed: who generated it and when, without its files. */
export interface ReportVersionRow {
  id: string;
  version: number;
  generatedAt: Date;
  generatedById: string;
  generatedBy: string;
  /** 报送: when and by whom the office marked it sent to the inspection body (null: not sent). */
  submittedAt: Date | null;
  submittedById: string | null;
  submittedBy: string | null;
}

const SUBMITTED = `v.submitted_at AS "submittedAt", v.submitted_by AS "submittedById", submitter.name AS "submittedBy"`;

export interface NewReportVersion {
  inspectionId: string;
  version: number;
  generatedById: string;
  content: Record<string, unknown>;
  docx: Buffer;
  ledgerXlsx: Buffer;
}

/** `report_draft` and `report_version`: the 整改报告's narrative and its numbered generations (never changed once written). */
export class ReportVersionRepository extends BaseRepository {
  draft(inspectionId: string, tx?: EntityManager): Promise<ReportDraftEntity | null> {
    return this.db(tx).getRepository(ReportDraftEntity).findOne({ where: { inspectionId } });
  }

  async saveDraft(inspectionId: string, narrative: Record<string, unknown>, tx?: EntityManager): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO report_draft (inspection_id, narrative) VALUES ($1, $2)
       ON CONFLICT (inspection_id) DO UPDATE SET narrative = EXCLUDED.narrative, updated_at = now()`,
      [inspectionId, JSON.stringify(narrative)],
    );
  }

  /**
   * The next version number; pass a transaction: it holds the inspection's lock until the commit,
   * so two generations at once take turns (and the unique index would refuse a duplicate anyway).
   */
  async nextVersion(inspectionId: string, tx: EntityManager): Promise<number> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('report_version:' || $1))`, [inspectionId]);
    const [row]: { next: number }[] = await tx.query(
      'SELECT (coalesce(max(version), 0) + 1)::int AS next FROM report_version WHERE inspection_id = $1',
      [inspectionId],
    );
    return row.next;
  }

  async insert(version: NewReportVersion, tx?: EntityManager): Promise<ReportVersionRow> {
    const [row]: ReportVersionRow[] = await this.db(tx).query(
      `WITH inserted AS (
         INSERT INTO report_version (inspection_id, version, generated_by, content, docx, ledger_xlsx)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, version, generated_at, generated_by)
       SELECT inserted.id, inserted.version, inserted.generated_at AS "generatedAt", inserted.generated_by AS "generatedById",
              person.name AS "generatedBy", NULL::timestamptz AS "submittedAt", NULL::uuid AS "submittedById", NULL AS "submittedBy"
         FROM inserted JOIN person ON person.id = inserted.generated_by`,
      [
        version.inspectionId,
        version.version,
        version.generatedById,
        JSON.stringify(version.content),
        version.docx,
        version.ledgerXlsx,
      ],
    );
    return row;
  }

  /** The inspection's versions, newest first. */
  list(inspectionId: string, tx?: EntityManager): Promise<ReportVersionRow[]> {
    return this.db(tx).query(
      `SELECT v.id, v.version, v.generated_at AS "generatedAt", v.generated_by AS "generatedById", person.name AS "generatedBy", ${SUBMITTED}
         FROM report_version v JOIN person ON person.id = v.generated_by LEFT JOIN person submitter ON submitter.id = v.submitted_by
        WHERE v.inspection_id = $1 ORDER BY v.version DESC`,
      [inspectionId],
    );
  }

  /**
   * Marks a version 报送 (sent to the inspection body) unless it already is: the first mark stands.
   * Answers the version as it now reads; null when there is no such version.
   */
  async markSubmitted(
    inspectionId: string,
    version: number,
    personId: string,
    tx?: EntityManager,
  ): Promise<ReportVersionRow | null> {
    await this.db(tx).query(
      `UPDATE report_version SET submitted_at = now(), submitted_by = $3
        WHERE inspection_id = $1 AND version = $2 AND submitted_at IS NULL`,
      [inspectionId, version, personId],
    );
    const [row]: ReportVersionRow[] = await this.db(tx).query(
      `SELECT v.id, v.version, v.generated_at AS "generatedAt", v.generated_by AS "generatedById", person.name AS "generatedBy", ${SUBMITTED}
         FROM report_version v JOIN person ON person.id = v.generated_by LEFT JOIN person submitter ON submitter.id = v.submitted_by
        WHERE v.inspection_id = $1 AND v.version = $2`,
      [inspectionId, version],
    );
    return row ?? null;
  }

  /** One version's file: the report (.docx) or its ledger attachment (.xlsx); null when there is no such version. */
  async file(
    inspectionId: string,
    version: number,
    which: 'docx' | 'ledger',
    tx?: EntityManager,
  ): Promise<Buffer | null> {
    const column = which === 'docx' ? 'docx' : 'ledger_xlsx';
    const [row]: { bytes: Buffer }[] = await this.db(tx).query(
      `SELECT ${column} AS bytes FROM report_version WHERE inspection_id = $1 AND version = $2`,
      [inspectionId, version],
    );
    return row?.bytes ?? null;
  }

  /** One version's content as generated. */
  async content(inspectionId: string, version: number, tx?: EntityManager): Promise<ReportVersionEntity | null> {
    return this.db(tx)
      .getRepository(ReportVersionEntity)
      .findOne({
        where: { inspectionId, version },
        select: ['id', 'version', 'generatedAt', 'generatedById', 'content'],
      });
  }
}
