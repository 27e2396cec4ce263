/**
 * The tamper-evident audit trail: per inspection, every row carries the hash of the row before it.
 * hash = SHA-256(previous hash + canonical JSON of the row's content). Changing, removing or
 * reordering any row breaks the chain from that row on. This file holds the hashing; the rows are
 * written and re-checked by AuditEventRepository (repositories/audit-event.repository.ts).
 */
import { createHash } from 'node:crypto';

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
    .update(
      `${previousHash}\n${chainSeq}\n${canonicalJson({ ...content, occurredAt: new Date(content.occurredAt).toISOString() })}`,
    )
    .digest('hex');
}
