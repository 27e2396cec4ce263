/**
 * Finds or builds the real Temporal server and its SQL schema tool (for `--engine cluster`), the way
 * temporal-cli.ts finds the CLI: an explicit path, then the cache outside the clone, then
 * `go install` from the Go module proxy (no release download: the machines here reach registries only).
 * `go install` names them `server` and `sql`; the cache keeps them as `temporal-server` and
 * `temporal-sql-tool`, the names the official images use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDirectory } from './temporal-cli';

export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

/** Both binaries print `… version 1.29.1`; a cached build of another version is rebuilt. */
function works(binary: string): boolean {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0 && result.stdout.includes(TEMPORAL_SERVER_VERSION);
}

function goAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/** Builds one package of the server module into a scratch GOBIN, then moves it into the cache under its own name. */
function goInstall(pkg: string, built: string, target: string, log: (line: string) => void): boolean {
  const scratch = mkdtempSync(join(tmpdir(), 'temporal-server-build-'));
  try {
    log(`building ${MODULE}/${pkg}@v${TEMPORAL_SERVER_VERSION} with go install (first time only, takes minutes)`);
    const result = spawnSync('go', ['install', `${MODULE}/${pkg}@v${TEMPORAL_SERVER_VERSION}`], {
      env: { ...process.env, GOBIN: scratch, GOFLAGS: process.env.GOFLAGS ?? '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0 || !existsSync(join(scratch, built))) return false;
    renameSync(join(scratch, built), target);
    return works(target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function ensureOne(
  name: 'temporal-server' | 'temporal-sql-tool',
  pkg: string,
  built: string,
  override: string | undefined,
  log: (line: string) => void,
): string {
  if (override && works(override)) return override;
  const directory = cacheDirectory();
  const cached = join(directory, name);
  if (existsSync(cached) && works(cached)) return cached;
  mkdirSync(directory, { recursive: true });
  if (!goAvailable())
    throw new Error(
      `${name} v${TEMPORAL_SERVER_VERSION} is not cached in ${directory} and Go is not installed to build it`,
    );
  if (goInstall(pkg, built, cached, log)) return cached;
  throw new Error(
    `could not build ${name} v${TEMPORAL_SERVER_VERSION}; install Go 1.25+ or set its path in the environment`,
  );
}

export function ensureTemporalServer(
  log: (line: string) => void = (line) => console.error(`[temporal-server] ${line}`),
): TemporalServerBinaries {
  return {
    server: ensureOne('temporal-server', 'cmd/server', 'server', process.env.TEMPORAL_SERVER_PATH, log),
    sqlTool: ensureOne('temporal-sql-tool', 'cmd/tools/sql', 'sql', process.env.TEMPORAL_SQL_TOOL_PATH, log),
  };
}

/**
 * The versioned schema directory of this server version in the Go module cache (`temporal` or
 * `visibility`), or null when the module is not there (binaries cached, module cache cleaned): the
 * SQL tool then applies its embedded copy of the same files (`--schema-name`).
 */
export function schemaDirectory(kind: 'temporal' | 'visibility'): string | null {
  if (!goAvailable()) return null;
  const modules = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
  const directory = join(
    modules,
    `${MODULE}@v${TEMPORAL_SERVER_VERSION}`,
    'schema',
    'postgresql',
    'v12',
    kind,
    'versioned',
  );
  return existsSync(directory) ? directory : null;
}

if (require.main === module) {
  const binaries = ensureTemporalServer();
  for (const binary of [binaries.server, binaries.sqlTool]) {
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`${binary}: ${version}`);
  }
}
