/**
 * Finds or builds the MinIO server, the S3-compatible store the evidence tests (and a small
 * deployment) run against: MINIO_PATH, then PATH, then the cache outside the clone
 * (~/.cache/rectiflow/bin, shared with the Temporal CLI), then `go install` from the Go module proxy
 * (about three minutes the first time). MinIO is AGPL-licensed: it runs as a separate server and is
 * never linked into or shipped with the product.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirectory } from './temporal-cli';

/** The module version `go install github.com/minio/minio@latest` resolved to when this was written. */
export const MINIO_VERSION = 'v0.0.0-20260212201848-7aac2a2c5b7c';

function onPath(): string | null {
  const result = spawnSync('sh', ['-c', 'command -v minio'], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : null;
}

function works(binary: string): boolean {
  return spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 }).status === 0;
}

function tryGoInstall(directory: string, log: (line: string) => void): boolean {
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) {
    log('go is not installed, cannot build MinIO');
    return false;
  }
  log(`building MinIO ${MINIO_VERSION} with go install (first time only, about three minutes)`);
  const result = spawnSync('go', ['install', `github.com/minio/minio@${MINIO_VERSION}`], {
    env: { ...process.env, GOBIN: directory, GOFLAGS: process.env.GOFLAGS ?? '-mod=mod' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return result.status === 0 && works(join(directory, 'minio'));
}

export function ensureMinio(log: (line: string) => void = (line) => console.error(`[minio] ${line}`)): string {
  if (process.env.MINIO_PATH && works(process.env.MINIO_PATH)) return process.env.MINIO_PATH;
  const fromPath = onPath();
  if (fromPath && works(fromPath)) return fromPath;
  const directory = cacheDirectory();
  const cached = join(directory, 'minio');
  if (existsSync(cached) && works(cached)) return cached;
  mkdirSync(directory, { recursive: true });
  if (tryGoInstall(directory, log)) return cached;
  throw new Error('could not find or build MinIO; install Go 1.24+ or put `minio` on PATH (or set MINIO_PATH)');
}

if (require.main === module) {
  const binary = ensureMinio();
  console.log(binary);
  console.log(execFileSync(binary, ['--version'], { encoding: 'utf8' }).split('\n')[0]);
}
