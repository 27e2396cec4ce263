/**
 * The tamper-evident audit trail: per inspection, every row carries the hash of the row before it.
 * hash = SHA-256(previous hash + canonical JSON of the row's content). Changing, removing or
 * reordering any row breaks the chain from that row on; verifyChain names the first broken row.
 */
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  eventKey: string;
  measureId: string;
  inspectionId: string;
  seq: number;
  kind: string;
  action: string;
  actorId: string | null;
  idempotencyKey: string | null;
  fromStage: string;
  toStage: string;
  round: number;
  detail: unknown;
  occurredAt: string;
}

/** JSON with object keys sorted at every level, so PostgreSQL's jsonb key order cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function chainHash(previousHash: string, chainSeq: number, content: ChainedContent): string {
  return createHash('sha256')
    .update(`${previousHash}\n${chainSeq}\n${canonicalJson({ ...content, occurredAt: new Date(content.occurredAt).toISOString() })}`)
    .digest('hex');
}

/**
 * Appends one row to its inspection's chain inside the caller's transaction, in two round trips.
 * The upsert creates the head row if needed and locks it (ON CONFLICT DO UPDATE locks the row it
 * meets), so concurrent writers of one inspection take turns; a repeated event key adds nothing.
 * Returns false when the row was already there (a retried activity).
 */
export async function appendToChain(manager: EntityManager, content: ChainedContent): Promise<boolean> {
  const [head] = await manager.query(
    `INSERT INTO audit_chain_head (inspection_id, last_seq, last_hash) VALUES ($1, 0, $2)
     ON CONFLICT (inspection_id) DO UPDATE SET last_seq = audit_chain_head.last_seq
     RETURNING last_seq, last_hash`,
    [content.inspectionId, GENESIS_HASH],
  );
  const chainSeq = Number(head.last_seq) + 1;
  const hash = chainHash(head.last_hash, chainSeq, content);
  // The head moves only when the row was inserted: an event key already in the chain changes nothing.
  const moved = await manager.query(
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

/** Re-computes every inspection's chain and names the first altered or missing row of each. */
export async function verifyChains(dataSource: DataSource, inspectionId?: string): Promise<ChainReport> {
  const heads: { inspection_id: string; last_seq: string; last_hash: string }[] = await dataSource.query(
    `SELECT inspection_id, last_seq, last_hash FROM audit_chain_head ${inspectionId ? 'WHERE inspection_id = $1' : ''} ORDER BY inspection_id`,
    inspectionId ? [inspectionId] : [],
  );
  const breaks: ChainBreak[] = [];
  let rowsChecked = 0;
  for (const head of heads) {
    const rows: Record<string, any>[] = await dataSource.query(
      `SELECT event_key, measure_id, inspection_id, seq, kind, action, actor_id, idempotency_key, from_stage, to_stage, round, detail, occurred_at, chain_seq, prev_hash, hash
         FROM audit_event WHERE inspection_id = $1 ORDER BY chain_seq`,
      [head.inspection_id],
    );
    rowsChecked += rows.length;
    let previous = GENESIS_HASH;
    let expected = 1;
    let broken: ChainBreak | null = null;
    for (const row of rows) {
      const chainSeq = Number(row.chain_seq);
      if (chainSeq !== expected) {
        broken = { inspectionId: head.inspection_id, chainSeq: expected, eventKey: null, problem: `row ${expected} of the chain is missing (next present row is ${chainSeq}, ${row.event_key})` };
        break;
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
        broken = { inspectionId: head.inspection_id, chainSeq, eventKey: row.event_key, problem: `row ${chainSeq} (${row.event_key}, ${row.action}) was altered: its content no longer matches its hash` };
        break;
      }
      previous = row.hash;
      expected += 1;
    }
    if (!broken && (Number(head.last_seq) !== expected - 1 || head.last_hash !== previous)) {
      broken = { inspectionId: head.inspection_id, chainSeq: expected, eventKey: null, problem: `the chain ends at row ${expected - 1} but its head says ${head.last_seq}: the last row(s) were removed` };
    }
    if (broken) breaks.push(broken);
  }
  return { inspections: heads.length, rows: rowsChecked, ok: breaks.length === 0, breaks };
}
