import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { EvidenceStore, evidenceKey, sha256Of } from './evidence-store';

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

  describe(): string {
    return `directory ${this.directory}`;
  }
}
