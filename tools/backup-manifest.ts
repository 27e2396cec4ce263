/**
 * What a backup holds and where the parts come from. A backup is one directory:
 *
 *   manifest.json     this file's Manifest: the parts, their sizes and the SHA-256 of every file
 *   database/         the product's database (database.json + one <table>.copy per table)
 *   temporal.db       the Temporal dev server's SQLite database, or temporal.dump and
 *                     temporal_visibility.dump (pg_dump) when Temporal keeps its data in PostgreSQL
 *   evidence/         the evidence files as <first two hex digits>/<sha256>, whatever store they came from
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { evidenceS3Config, EvidenceS3Config } from '@rectiflow/platform';
import { DiskEvidenceStore } from '../apps/api/src/evidence/disk-evidence-store';
import type { EvidenceStore } from '../apps/api/src/evidence/evidence-store';
import { S3EvidenceStore } from '../apps/api/src/evidence/s3-evidence-store';
import type { TemporalSource } from './backup-temporal';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'rectiflow-backup';

export type EvidenceSource = { kind: 'disk'; directory: string } | { kind: 's3'; s3: EvidenceS3Config };

/** Where the product's data lives: the backup reads these, the restore writes them. */
export interface Sources {
  databaseUrl: string;
  temporal: TemporalSource;
  evidence: EvidenceSource;
}

export interface Manifest {
  format: typeof FORMAT;
  version: 1;
  startedAt: string;
  finishedAt: string;
  database: { directory: 'database'; serverVersion: string; migrations: string[]; tables: number; rows: number };
  temporal:
    | { kind: 'sqlite'; file: 'temporal.db' }
    | { kind: 'postgres'; files: ['temporal.dump', 'temporal_visibility.dump'] }
    | { kind: 'none'; reason: string };
  evidence: { directory: 'evidence'; source: string; files: number; bytes: number; missing: string[] };
  /** Relative path → SHA-256 of every file of the backup but this one. */
  checksums: Record<string, string>;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/** The checksum of every file under `directory` (the manifest excepted), by path relative to it. */
export async function checksums(directory: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && path !== join(directory, MANIFEST))
        result[relative(directory, path)] = await sha256File(path);
    }
  };
  await walk(directory);
  return result;
}

export async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

export function evidenceStore(source: EvidenceSource): EvidenceStore & { close(): void } {
  if (source.kind === 's3') {
    const store = new S3EvidenceStore(source.s3);
    return Object.assign(store, { close: () => store.onModuleDestroy() });
  }
  return Object.assign(new DiskEvidenceStore(source.directory), { close: () => undefined });
}

/**
 * The sources as the environment names them, as `npm start` and the API read it: EVIDENCE_S3_* or
 * EVIDENCE_DIR; the dev server's TEMPORAL_DB_FILE (.data/temporal.db) unless TEMPORAL_ADDRESS points
 * elsewhere, then TEMPORAL_DATABASE_URL (and TEMPORAL_VISIBILITY_DATABASE_URL, by default the same server's
 * temporal_visibility) when Temporal keeps its data in PostgreSQL.
 */
export function sourcesFromEnvironment(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): Sources {
  const dataDir = resolve(env.RECTIFLOW_DATA_DIR ?? '.data');
  const s3 = evidenceS3Config(env);
  const evidence: EvidenceSource = s3
    ? { kind: 's3', s3 }
    : { kind: 'disk', directory: resolve(env.EVIDENCE_DIR ?? join(dataDir, 'evidence')) };
  let temporal: TemporalSource;
  if (env.TEMPORAL_DATABASE_URL) {
    const visibility = new URL(env.TEMPORAL_DATABASE_URL);
    visibility.pathname = '/temporal_visibility';
    temporal = {
      kind: 'postgres',
      url: env.TEMPORAL_DATABASE_URL,
      visibilityUrl: env.TEMPORAL_VISIBILITY_DATABASE_URL ?? visibility.toString(),
    };
  } else if (env.TEMPORAL_DB_FILE || !env.TEMPORAL_ADDRESS) {
    temporal = { kind: 'sqlite', file: resolve(env.TEMPORAL_DB_FILE ?? join(dataDir, 'temporal.db')) };
  } else {
    temporal = {
      kind: 'none',
      reason: `Temporal at ${env.TEMPORAL_ADDRESS} is not the local dev server and TEMPORAL_DATABASE_URL is not set: back up its persistence with its own tools`,
    };
  }
  return { databaseUrl, temporal, evidence };
}
