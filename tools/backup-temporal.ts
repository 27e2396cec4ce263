/**
 * The Temporal part of a backup: the dev server's SQLite file (copied online with SQLite's backup
 * API through the `sqlite3` program, so a running server's last writes, still in its WAL, are in the
 * copy), or Temporal's two PostgreSQL databases with pg_dump / pg_restore (the operator's client
 * tools, at least the server's major version).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export type TemporalSource =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; visibilityUrl: string }
  | { kind: 'none'; reason: string };

function run(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(program, args, { encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(
      `${program} is not installed; ${program === 'sqlite3' ? 'apt-get install sqlite3' : 'install the PostgreSQL client tools (or set PG_BIN_DIR)'}`,
    );
  if (result.status !== 0) throw new Error(`${program} failed: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout;
}

/** A consistent copy of the dev server's database into `target`, checked with PRAGMA integrity_check. */
export function snapshotSqlite(file: string, target: string): void {
  if (!existsSync(file)) throw new Error(`the Temporal dev server's database ${file} does not exist`);
  run('sqlite3', [file, `.backup '${target.replace(/'/g, "''")}'`]);
  const check = run('sqlite3', [target, 'PRAGMA integrity_check']).trim();
  if (check !== 'ok') throw new Error(`the copy of ${file} fails SQLite's integrity check: ${check}`);
}

/** The processes (pid) that hold `file` open: the dev server must not run while its file is replaced. */
export function processesUsing(file: string): number[] {
  const wanted = new Set([resolve(file), `${resolve(file)}-wal`]);
  const holders: number[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return holders; // no /proc: nothing to check against
  }
  for (const pid of pids) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))))
        holders.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return holders;
}

/** Puts the backed-up SQLite file in place of `file`; the dev server must be stopped (its WAL and shared memory go too). */
export async function restoreSqlite(source: string, file: string, replace: boolean): Promise<void> {
  const holders = processesUsing(file);
  if (holders.length)
    throw new Error(
      `${file} is in use by process ${holders.join(', ')} (the Temporal dev server): stop it (Ctrl-C \`npm start\`), restore, then start it again`,
    );
  if (existsSync(file) && !replace)
    throw new Error(`${file} exists; pass --replace to overwrite the Temporal dev server's database`);
  const temporary = join(dirname(file), `.restore-${process.pid}.db`);
  await copyFile(source, temporary);
  for (const stale of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(stale, { force: true });
  renameSync(temporary, file);
}

/** pg_dump / pg_restore from PG_BIN_DIR or PATH, with the password in the environment (never on the command line). */
function postgresTool(tool: 'pg_dump' | 'pg_restore', url: string): { program: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env = {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  };
  return { program: process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, tool) : tool, env };
}

export function dumpPostgres(url: string, target: string): void {
  const { program, env } = postgresTool('pg_dump', url);
  run(program, ['--format=custom', '--no-owner', `--file=${target}`], env);
}

export function restorePostgres(source: string, url: string): void {
  const { program, env } = postgresTool('pg_restore', url);
  run(
    program,
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${env.PGDATABASE}`, source],
    env,
  );
}
