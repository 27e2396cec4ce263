/**
 * `npm run restore -- <backup directory> [--replace]`: puts a backup (tools/backup.ts) back: the
 * product's database (into an empty one; --replace drops the existing schema), Temporal's (the dev
 * server's SQLite file, which needs the dev server stopped, or its PostgreSQL databases) and the
 * evidence files (into EVIDENCE_DIR or the EVIDENCE_S3_* bucket, whichever is configured now).
 * Every file's checksum is verified before anything is changed. Procedure: docs/operations.md.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDatabase } from '@rectiflow/persistence/database-copy';
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
import { processesUsing, restorePostgres, restoreSqlite } from './backup-temporal';
import { productDatabase } from './backup';

type Log = (line: string) => void;

export interface RestoreOptions {
  /** Overwrite a database that has tables and an existing dev-server file. */
  replace?: boolean;
}

async function readManifest(directory: string): Promise<Manifest> {
  const file = join(directory, MANIFEST);
  if (!existsSync(file)) throw new Error(`${directory} has no ${MANIFEST}: not a backup made by npm run backup`);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  if (manifest.format !== FORMAT || manifest.version !== 1)
    throw new Error(`${file} is not a version 1 ${FORMAT} manifest`);
  const found = await checksums(directory);
  const problems = [
    ...Object.keys(manifest.checksums)
      .filter((path) => found[path] !== manifest.checksums[path])
      .map((path) => (found[path] ? `${path} is altered` : `${path} is missing`)),
    ...Object.keys(found)
      .filter((path) => !(path in manifest.checksums))
      .map((path) => `${path} is not in the manifest`),
  ];
  if (problems.length) throw new Error(`the backup is damaged: ${problems.slice(0, 5).join('; ')}`);
  return manifest;
}

/** Refuses before anything is written when the Temporal part cannot go where the configuration says. */
function checkTemporalTarget(manifest: Manifest, sources: Sources, replace: boolean): void {
  const target = sources.temporal;
  if (manifest.temporal.kind === 'none') return;
  if (manifest.temporal.kind !== target.kind)
    throw new Error(
      `the backup holds Temporal's ${manifest.temporal.kind} data, but the configured Temporal is ${target.kind === 'none' ? `not restorable here (${target.reason})` : target.kind}`,
    );
  if (target.kind === 'sqlite') {
    const holders = processesUsing(target.file);
    if (holders.length)
      throw new Error(
        `${target.file} is in use by process ${holders.join(', ')} (the Temporal dev server): stop \`npm start\` first, restore, then start it again`,
      );
    if (existsSync(target.file) && !replace)
      throw new Error(`${target.file} exists; pass --replace to overwrite the Temporal dev server's database`);
  }
}

/** Puts every file of <directory>/evidence into the store (those it holds already are not sent again); answers how many. */
export async function restoreEvidence(
  directory: string,
  target: EvidenceSource,
  log: Log = () => undefined,
): Promise<number> {
  const store = evidenceStore(target);
  let restored = 0;
  try {
    log(`evidence: into ${store.describe()}`);
    const root = join(directory, 'evidence');
    for (const prefix of (await readdir(root)).sort())
      for (const name of (await readdir(join(root, prefix))).sort()) {
        const stored = await store.put(await readFile(join(root, prefix, name)));
        if (stored !== name) throw new Error(`evidence/${prefix}/${name} holds other bytes than its name says`);
        restored += 1;
      }
  } finally {
    store.close();
  }
  return restored;
}

/** Restores the backup in `source` into `sources`; answers the manifest it restored. */
export async function restore(
  source: string,
  sources: Sources,
  options: RestoreOptions = {},
  log: Log = () => undefined,
): Promise<Manifest> {
  const directory = resolve(source);
  const manifest = await readManifest(directory);
  checkTemporalTarget(manifest, sources, options.replace ?? false);
  log(`database: ${manifest.database.rows} rows in ${manifest.database.tables} tables`);
  const newer = await loadDatabase(sources.databaseUrl, join(directory, 'database'), options.replace ?? false);
  if (newer.length) log(`database: applied the migrations made since the backup: ${newer.join(', ')}`);
  const temporal = sources.temporal;
  if (manifest.temporal.kind === 'sqlite' && temporal.kind === 'sqlite') {
    log(`Temporal: ${temporal.file}`);
    await restoreSqlite(join(directory, manifest.temporal.file), temporal.file, options.replace ?? false);
  } else if (manifest.temporal.kind === 'postgres' && temporal.kind === 'postgres') {
    log('Temporal: pg_restore of its two databases');
    restorePostgres(join(directory, 'temporal.dump'), temporal.url);
    restorePostgres(join(directory, 'temporal_visibility.dump'), temporal.visibilityUrl);
  } else log(`Temporal: nothing to restore (${manifest.temporal.kind === 'none' ? manifest.temporal.reason : ''})`);
  const files = await restoreEvidence(directory, sources.evidence, log);
  log(`evidence: ${files} files`);
  return manifest;
}

async function main() {
  const args = process.argv.slice(2);
  const source = args.find((argument) => !argument.startsWith('--'));
  if (!source) throw new Error('usage: npm run restore -- <backup directory> [--replace]');
  const log = (line: string) => console.log(`[restore] ${line}`);
  const database = await productDatabase(log);
  try {
    await restore(source, sourcesFromEnvironment(database.url), { replace: args.includes('--replace') }, log);
    log('done; start the product (npm start) and check it with npm run audit:verify');
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`[restore] failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
