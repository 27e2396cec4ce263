import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Content-addressed store of evidence bytes: a file is named by the SHA-256 of its bytes, so the
 * user's file name never reaches a path or key, and identical files are stored once. Two
 * implementations, chosen by the configuration: a local directory and an S3-compatible bucket.
 */
export abstract class EvidenceStore {
  /** Stores the bytes unless the store already holds them; answers their SHA-256 (hex). */
  abstract put(bytes: Buffer): Promise<string>;
  /** The stored bytes, streamed. */
  abstract open(sha256: string): Promise<Readable>;
  /** The hash of every file the store holds (for backups), in no particular order. */
  abstract hashes(): AsyncIterable<string>;
  /** Where the bytes live, for logs. */
  abstract describe(): string;
}

/** A key or relative path that evidenceKey made, or null for anything else (temporary files, strangers). */
export function hashOfKey(key: string): string | null {
  const match = /^([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(key);
  return match && match[2].startsWith(match[1]) ? match[2] : null;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `<first two hex digits>/<sha256>`: the relative path on disk and the object key in a bucket. */
export function evidenceKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return `${sha256.slice(0, 2)}/${sha256}`;
}
