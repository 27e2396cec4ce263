/**
 * `npm run backup -- <directory>`: the product's database, Temporal's (the dev server's SQLite file,
 * or its PostgreSQL databases) and the evidence files (directory or S3 bucket) into one new
 * directory with a manifest (see backup-manifest.ts). Works while everything runs: the product's
 * database first (one snapshot), then Temporal, then the evidence (files are written before the rows
 * that name them and never change, so every file a row of the copy names is there). Stop the API and
 * the worker first for a copy with no action between the parts.
 */
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { dumpDatabase } from '@rectiflow/persistence/database-copy';
import { evidenceKey } from '../apps/api/src/evidence/evidence-store';
import {
  checksums,
  EvidenceSource,
  evidenceStore,
  FORMAT,
  Manifest,
  MANIFEST,
  Sources,
  sourcesFromEnvironment,
} from './backup-manifest';
import { dumpPostgres, snapshotSqlite } from './backup-temporal';
import { localDatabaseUrl } from './local-database';
import { RunningPostgres, startEmbeddedPostgres, waitForPort } from './local-services';

type Log = (line: string) => void;

async function backupTemporal(sources: Sources, target: string, log: Log): Promise<Manifest['temporal']> {
  const temporal = sources.temporal;
  if (temporal.kind === 'sqlite') {
    log(`Temporal: copying ${temporal.file}`);
    snapshotSqlite(temporal.file, join(target, 'temporal.db'));
    return { kind: 'sqlite', file: 'temporal.db' };
  }
  if (temporal.kind === 'postgres') {
    log('Temporal: pg_dump of its two databases');
    dumpPostgres(temporal.url, join(target, 'temporal.dump'));
    dumpPostgres(temporal.visibilityUrl, join(target, 'temporal_visibility.dump'));
    return { kind: 'postgres', files: ['temporal.dump', 'temporal_visibility.dump'] };
  }
  log(`Temporal: not copied (${temporal.reason})`);
  return temporal;
}

/** The hashes the copied evidence table names (its COPY text: tab-separated, hex needs no escapes). */
async function namedEvidence(databaseDir: string): Promise<Set<string>> {
  const copy = JSON.parse(await readFile(join(databaseDir, 'database.json'), 'utf8')) as {
    tables: { name: string; columns: string[]; file: string }[];
  };
  const table = copy.tables.find((entry) => entry.name === 'evidence');
  if (!table) return new Set();
  const column = table.columns.indexOf('sha256');
  const lines = (await readFile(join(databaseDir, table.file), 'utf8')).split('\n').filter(Boolean);
  return new Set(lines.map((line) => line.split('\t')[column]));
}

/** Copies every file of the store into <target>/evidence, checking each one's hash; `named`: the hashes the database names. */
export async function backupEvidence(
  source: EvidenceSource,
  target: string,
  named: Set<string>,
  log: Log = () => undefined,
) {
  const store = evidenceStore(source);
  let files = 0;
  let bytes = 0;
  const copied = new Set<string>();
  try {
    log(`evidence: copying from ${store.describe()}`);
    for await (const sha256 of store.hashes()) {
      const file = join(target, 'evidence', evidenceKey(sha256));
      await mkdir(dirname(file), { recursive: true });
      const hash = createHash('sha256');
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(await store.open(sha256), measure, createWriteStream(file, { flags: 'wx' }));
      if (hash.digest('hex') !== sha256)
        throw new Error(`evidence ${sha256} in ${store.describe()} has other bytes than its name says`);
      copied.add(sha256);
      files += 1;
    }
    const missing = [...named].filter((sha256) => !copied.has(sha256)).sort();
    if (missing.length)
      log(
        `WARNING: ${missing.length} evidence files named in the database are not in the store: ${missing.slice(0, 5).join(', ')}`,
      );
    return { directory: 'evidence' as const, source: store.describe(), files, bytes, missing };
  } finally {
    store.close();
  }
}

/** Writes a backup of `sources` into `target` (a new or empty directory); answers its manifest. */
export async function backup(target: string, sources: Sources, log: Log = () => undefined): Promise<Manifest> {
  const directory = resolve(target);
  if (existsSync(directory) && readdirSync(directory).length)
    throw new Error(`${directory} is not empty; a backup goes into a new directory`);
  await mkdir(join(directory, 'database'), { recursive: true });
  await mkdir(join(directory, 'evidence'), { recursive: true });
  const startedAt = new Date().toISOString();
  // The database before Temporal: an action in between is then in Temporal's history and not yet in the
  // read model, which the workflow's next event catches up (the other way round the read model would
  // hold sequence numbers the workflow has yet to reach, and their events would not be projected).
  log('database: copying every table from one snapshot');
  const copy = await dumpDatabase(sources.databaseUrl, join(directory, 'database'));
  const temporal = await backupTemporal(sources, directory, log);
  const evidence = await backupEvidence(
    sources.evidence,
    directory,
    await namedEvidence(join(directory, 'database')),
    log,
  );
  const manifest: Manifest = {
    format: FORMAT,
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    database: {
      directory: 'database',
      serverVersion: copy.serverVersion,
      migrations: copy.migrations,
      tables: copy.tables.length,
      rows: copy.tables.reduce((sum, table) => sum + table.rows, 0),
    },
    temporal,
    evidence,
    checksums: await checksums(directory),
  };
  await writeFile(join(directory, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx' });
  return manifest;
}

/**
 * DATABASE_URL, or the embedded PostgreSQL of `npm start` (.data/pg): the running one, or started
 * here for the command's length when `npm start` is stopped (a fresh one on a new machine).
 */
export async function productDatabase(log: Log): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
  const running = await waitForPort(port, 300).then(
    () => true,
    () => false,
  );
  if (running) return { url: localDatabaseUrl(), stop: async () => undefined };
  const dataDir = join(resolve(process.env.RECTIFLOW_DATA_DIR ?? '.data'), 'pg');
  log(`starting the embedded PostgreSQL in ${dataDir} for this command`);
  const postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir, port });
  return { url: postgres.url, stop: () => postgres.stop() };
}

async function main() {
  const target = process.argv.slice(2).find((argument) => !argument.startsWith('--'));
  if (!target) throw new Error('usage: npm run backup -- <new directory>');
  const log = (line: string) => console.log(`[backup] ${line}`);
  const database = await productDatabase(log);
  try {
    const manifest = await backup(target, sourcesFromEnvironment(database.url), log);
    log(
      `done: ${manifest.database.rows} rows in ${manifest.database.tables} tables, Temporal ${manifest.temporal.kind}, ${manifest.evidence.files} evidence files (${manifest.evidence.bytes} bytes) in ${resolve(target)}`,
    );
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`[backup] failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
