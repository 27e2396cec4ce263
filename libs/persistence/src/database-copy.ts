/**
 * A logical copy of the product's database for `npm run backup` / `npm run restore`, without
 * pg_dump: every table of the public schema is written with COPY from one REPEATABLE READ snapshot,
 * beside the list of applied migrations and the sequences' values. Restoring creates the schema with
 * those same migrations (this code's own, so the copy fits any PostgreSQL version the product runs
 * on), loads the rows in one transaction with the foreign keys dropped and put back (checked again
 * when they are re-added), sets the sequences, and then runs any newer migrations.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions, runMigrations } from './data-source';
import { MIGRATIONS } from './migrations';

export interface DatabaseCopy {
  /** Applied migrations in order (TypeORM's `migrations` table). */
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number; file: string }[];
  sequences: { name: string; value: string | null }[];
  serverVersion: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** TypeORM's bookkeeping: written by the migrations themselves on restore. */
const MIGRATIONS_TABLE = 'migrations';

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Writes `database.json` and one `<table>.copy` per table into `directory`; answers what it wrote. */
export async function dumpDatabase(url: string, directory: string): Promise<DatabaseCopy> {
  const client = await connect(url);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version');
    const { rows: migrations } = await client.query<{ name: string }>(
      `SELECT name FROM ${q(MIGRATIONS_TABLE)} ORDER BY id`,
    );
    const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
      `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        WHERE c.relkind IN ('r', 'p') AND c.relname <> $1
        GROUP BY c.relname ORDER BY c.relname`,
      [MIGRATIONS_TABLE],
    );
    const copy: DatabaseCopy = {
      migrations: migrations.map((row) => row.name),
      tables: [],
      sequences: [],
      serverVersion: version[0].server_version,
    };
    for (const table of tables) {
      const file = `${table.name}.copy`;
      const stream = client.query(copyTo(`COPY ${q(table.name)} (${table.columns.map(q).join(', ')}) TO STDOUT`));
      await pipeline(stream, createWriteStream(join(directory, file), { flags: 'wx' }));
      copy.tables.push({ name: table.name, columns: table.columns, rows: stream.rowCount, file });
    }
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    copy.sequences = sequences;
    await client.query('COMMIT');
    await writeFile(join(directory, 'database.json'), JSON.stringify(copy, null, 2) + '\n', { flag: 'wx' });
    return copy;
  } finally {
    await client.end();
  }
}

/** The SHA-256 of every evidence file the database names (what the evidence part of a backup must hold). */
export async function evidenceHashes(url: string): Promise<string[]> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM evidence ORDER BY 1');
    return rows.map((row) => row.sha256);
  } finally {
    await client.end();
  }
}

async function migrateTo(url: string, names: string[]): Promise<void> {
  const known = new Map(
    MIGRATIONS.map((migration) => [(new migration() as MigrationInterface).name ?? migration.name, migration]),
  );
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length)
    throw new Error(
      `the backup's schema has migrations this version does not know (${unknown.join(', ')}); restore it with the version of Rectiflow that made it, or a newer one`,
    );
  const dataSource = new DataSource(
    dataSourceOptions(url, { migrations: names.map((name) => known.get(name)!), extra: { max: 1 } } as never),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Loads a copy made by dumpDatabase into `url`. The database must have no tables, unless `replace`
 * (then the public schema is dropped first). Answers the migrations applied after the copy's own.
 */
export async function loadDatabase(url: string, directory: string, replace = false): Promise<string[]> {
  const copy = JSON.parse(await readFile(join(directory, 'database.json'), 'utf8')) as DatabaseCopy;
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    if (rows[0].n > 0 && !replace)
      throw new Error(
        `the target database already has ${rows[0].n} tables; restore into an empty database, or pass --replace to drop its public schema first`,
      );
    if (rows[0].n > 0) await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migrateTo(url, copy.migrations);
    await client.query('BEGIN');
    const { rows: keys } = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
        WHERE c.contype = 'f'`,
    );
    for (const key of keys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${q(key.name)}`);
    for (const table of copy.tables) {
      const stream = client.query(copyFrom(`COPY ${q(table.name)} (${table.columns.map(q).join(', ')}) FROM STDIN`));
      await pipeline(createReadStream(join(directory, table.file)), stream);
      if (stream.rowCount !== table.rows)
        throw new Error(`table ${table.name}: loaded ${stream.rowCount} rows, the backup has ${table.rows}`);
    }
    for (const key of keys)
      await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${q(key.name)} ${key.definition}`);
    for (const sequence of copy.sequences)
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        q(sequence.name),
        sequence.value ?? '1',
        sequence.value !== null,
      ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return runMigrations(url);
}
