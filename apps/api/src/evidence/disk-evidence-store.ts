import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { EvidenceStore, evidenceKey, hashOfKey, sha256Of } from './evidence-store';

/** Evidence bytes at <dir>/<first two hex digits>/<sha256> (EVIDENCE_DIR), written whole or not at all. */
export class DiskEvidenceStore extends EvidenceStore {
  constructor(private readonly directory: string) {
    super();
  }

  private pathOf(sha256: string): string {
    return join(this.directory, evidenceKey(sha256));
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
    }
    return sha256;
  }

  async open(sha256: string): Promise<Readable> {
    return createReadStream(this.pathOf(sha256));
  }

  async *hashes(): AsyncIterable<string> {
    const prefixes = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const prefix of prefixes.filter((name) => /^[0-9a-f]{2}$/.test(name)).sort())
      for (const name of (await readdir(join(this.directory, prefix))).sort()) {
        const hash = hashOfKey(`${prefix}/${name}`);
        if (hash) yield hash;
      }
  }

  describe(): string {
    return `directory ${this.directory}`;
  }
}
