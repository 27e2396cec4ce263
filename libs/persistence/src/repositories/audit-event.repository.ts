import { DataSource, EntityManager } from 'typeorm';
import type { Stage } from '@rectiflow/domain';
import { ChainedContent, chainHash, GENESIS_HASH } from '../audit-chain';
import { BaseRepository } from './unit-of-work';

/** One audit row of a measure, as its timeline shows it. */
export interface TimelineRow {
  seq: number;
  kind: 'action' | 'timer';
  action: string;
  actorId: string | null;
  fromStage: Stage;
  toStage: Stage;
  round: number;
  detail: Record<string, unknown>;
  occurredAt: Date;
  idempotencyKey: string | null;
}

export interface ChainBreak {
  inspectionId: string;
  chainSeq: number;
  eventKey: string | null;
  problem: string;
}

export interface ChainReport {
  inspections: number;
  rows: number;
  ok: boolean;
  breaks: ChainBreak[];
}

interface ChainHeadRow {
  inspection_id: string;
  last_seq: string;
  last_hash: string;
}

interface ChainedRow {
  event_key: string;
  measure_id: string;
  inspection_id: string;
  seq: number;
  kind: string;
  action: string;
  actor_id: string | null;
  idempotency_key: string | null;
  from_stage: string;
  to_stage: string;
  round: number;
  detail: unknown;
  occurred_at: Date;
  chain_seq: string;
  prev_hash: string;
  hash: string;
}

/**
 * `audit_event` and `audit_chain_head`: the append-only, hash-chained audit trail (see audit-chain.ts).
 * Rows are appended by the projection only; nothing changes or removes one.
 */
export class AuditEventRepository extends BaseRepository {
  /**
   * Appends one row to its inspection's chain, in two round trips; pass the projection's
   * transaction. The upsert creates the head row if needed and locks it (ON CONFLICT DO UPDATE
   * locks the row it meets), so concurrent writers of one inspection take turns; a repeated event
   * key adds nothing. Returns false when the row was already there (a retried activity).
   */
  async append(content: ChainedContent, tx?: EntityManager): Promise<boolean> {
    const db = this.db(tx);
    const [head]: { last_seq: string; last_hash: string }[] = await db.query(
      `INSERT INTO audit_chain_head (inspection_id, last_seq, last_hash) VALUES ($1, 0, $2)
     ON CONFLICT (inspection_id) DO UPDATE SET last_seq = audit_chain_head.last_seq
     RETURNING last_seq, last_hash`,
      [content.inspectionId, GENESIS_HASH],
    );
    const chainSeq = Number(head.last_seq) + 1;
    const hash = chainHash(head.last_hash, chainSeq, content);
    // The head moves only when the row was inserted: an event key already in the chain changes nothing.
    // An UPDATE's answer through TypeORM is [rows, affected]: the rows say whether the head moved.
    const [moved]: [unknown[], number] = await db.query(
      `WITH inserted AS (
       INSERT INTO audit_event (event_key, measure_id, inspection_id, seq, kind, action, actor_id, idempotency_key, from_stage, to_stage, round, detail, occurred_at, chain_seq, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT DO NOTHING RETURNING id)
     UPDATE audit_chain_head SET last_seq = $14, last_hash = $16
      WHERE inspection_id = $3 AND EXISTS (SELECT 1 FROM inserted)
     RETURNING inspection_id`,
      [
        content.eventKey,
        content.measureId,
        content.inspectionId,
        content.seq,
        content.kind,
        content.action,
        content.actorId,
        content.idempotencyKey,
        content.fromStage,
        content.toStage,
        content.round,
        JSON.stringify(content.detail),
        content.occurredAt,
        chainSeq,
        head.last_hash,
        hash,
      ],
    );
    return moved.length > 0;
  }

  /** A measure's audit rows in order. */
  timeline(measureId: string, tx?: EntityManager): Promise<TimelineRow[]> {
    return this.db(tx).query(
      `SELECT seq, kind, action, actor_id AS "actorId", from_stage AS "fromStage", to_stage AS "toStage", round, detail,
              occurred_at AS "occurredAt", idempotency_key AS "idempotencyKey"
         FROM audit_event WHERE measure_id = $1 ORDER BY seq`,
      [measureId],
    );
  }

  /** Re-computes every inspection's chain (or one's) and names the first altered or missing row of each. */
  async verifyChains(inspectionId?: string, tx?: EntityManager): Promise<ChainReport> {
    const db = this.db(tx);
    const heads: ChainHeadRow[] = await db.query(
      `SELECT inspection_id, last_seq, last_hash FROM audit_chain_head ${inspectionId ? 'WHERE inspection_id = $1' : ''} ORDER BY inspection_id`,
      inspectionId ? [inspectionId] : [],
    );
    const breaks: ChainBreak[] = [];
    let rowsChecked = 0;
    for (const head of heads) {
      const rows: ChainedRow[] = await db.query(
        `SELECT event_key, measure_id, inspection_id, seq, kind, action, actor_id, idempotency_key, from_stage, to_stage, round, detail, occurred_at, chain_seq, prev_hash, hash
         FROM audit_event WHERE inspection_id = $1 ORDER BY chain_seq`,
        [head.inspection_id],
      );
      rowsChecked += rows.length;
      const broken = firstBreak(head, rows);
      if (broken) breaks.push(broken);
    }
    return { inspections: heads.length, rows: rowsChecked, ok: breaks.length === 0, breaks };
  }
}

/** The first row of one inspection's chain that is missing or no longer matches its hash, or null. */
function firstBreak(head: ChainHeadRow, rows: ChainedRow[]): ChainBreak | null {
  let previous = GENESIS_HASH;
  let expected = 1;
  for (const row of rows) {
    const chainSeq = Number(row.chain_seq);
    if (chainSeq !== expected) {
      return {
        inspectionId: head.inspection_id,
        chainSeq: expected,
        eventKey: null,
        problem: `row ${expected} of the chain is missing (next present row is ${chainSeq}, ${row.event_key})`,
      };
    }
    const recomputed = chainHash(previous, chainSeq, {
      eventKey: row.event_key,
      measureId: row.measure_id,
      inspectionId: row.inspection_id,
      seq: row.seq,
      kind: row.kind,
      action: row.action,
      actorId: row.actor_id,
      idempotencyKey: row.idempotency_key,
      fromStage: row.from_stage,
      toStage: row.to_stage,
      round: row.round,
      detail: row.detail,
      occurredAt: new Date(row.occurred_at).toISOString(),
    });
    if (row.prev_hash !== previous || row.hash !== recomputed) {
      return {
        inspectionId: head.inspection_id,
        chainSeq,
        eventKey: row.event_key,
        problem: `row ${chainSeq} (${row.event_key}, ${row.action}) was altered: its content no longer matches its hash`,
      };
    }
    previous = row.hash;
    expected += 1;
  }
  if (Number(head.last_seq) !== expected - 1 || head.last_hash !== previous) {
    return {
      inspectionId: head.inspection_id,
      chainSeq: expected,
      eventKey: null,
      problem: `the chain ends at row ${expected - 1} but its head says ${head.last_seq}: the last row(s) were removed`,
    };
  }
  return null;
}

/** The chains' check for callers without the Nest container (tools/audit-verify, the chaos run, the admin endpoint). */
export function verifyChains(dataSource: DataSource, inspectionId?: string): Promise<ChainReport> {
  return new AuditEventRepository(dataSource).verifyChains(inspectionId);
}
