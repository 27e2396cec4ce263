/**
 * Finds or obtains the Temporal CLI (dev server + Web UI): PATH, then the cache outside the clone,
 * then the official download, then `go install` from the Go module proxy (the only route that works
 * on machines that reach package registries alone; the first build takes minutes, later runs reuse it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEMPORAL_CLI_VERSION = '1.5.1';

export function cacheDirectory(): string {
  return process.env.RECTIFLOW_CACHE_DIR ?? join(homedir(), '.cache', 'rectiflow', 'bin');
}

function onPath(): string | null {
  const result = spawnSync('sh', ['-c', 'command -v temporal'], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : null;
}

function works(binary: string): boolean {
  return spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 }).status === 0;
}

function tryDownload(target: string, log: (line: string) => void): boolean {
  const archive = join(tmpdir(), `temporal-cli-${process.pid}.tar.gz`);
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
  const url = `https://temporal.download/cli/archive/v${TEMPORAL_CLI_VERSION}?platform=linux&arch=${arch}`;
  log(`trying the official download ${url}`);
  const curl = spawnSync('curl', ['-fsSL', '--connect-timeout', '5', '--max-time', '120', '-o', archive, url], {
    stdio: 'ignore',
  });
  if (curl.status !== 0) {
    log('download not reachable');
    return false;
  }
  const unpack = join(tmpdir(), `temporal-cli-${process.pid}`);
  mkdirSync(unpack, { recursive: true });
  const tar = spawnSync('tar', ['-xzf', archive, '-C', unpack], { stdio: 'ignore' });
  rmSync(archive, { force: true });
  if (tar.status !== 0 || !existsSync(join(unpack, 'temporal'))) return false;
  renameSync(join(unpack, 'temporal'), target);
  chmodSync(target, 0o755);
  rmSync(unpack, { recursive: true, force: true });
  return works(target);
}

function tryGoInstall(directory: string, log: (line: string) => void): boolean {
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) {
    log('go is not installed, cannot build the Temporal CLI');
    return false;
  }
  log(`building the Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (first time only, takes a few minutes)`);
  const result = spawnSync('go', ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: directory, GOFLAGS: process.env.GOFLAGS ?? '-mod=mod' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return result.status === 0 && works(join(directory, 'temporal'));
}

export function ensureTemporalCli(
  log: (line: string) => void = (line) => console.error(`[temporal-cli] ${line}`),
): string {
  if (process.env.TEMPORAL_CLI_PATH && works(process.env.TEMPORAL_CLI_PATH)) return process.env.TEMPORAL_CLI_PATH;
  const fromPath = onPath();
  if (fromPath && works(fromPath)) return fromPath;
  const directory = cacheDirectory();
  const cached = join(directory, 'temporal');
  if (existsSync(cached) && works(cached)) return cached;
  mkdirSync(directory, { recursive: true });
  if (tryDownload(cached, log) || tryGoInstall(directory, log)) return cached;
  throw new Error('could not find, download or build the Temporal CLI; install Go 1.25+ or put `temporal` on PATH');
}

if (require.main === module) {
  const binary = ensureTemporalCli();
  console.log(binary);
  console.log(execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim());
}
