/**
 * A real S3-compatible server for the tests: MinIO (tools/minio.ts finds or builds it) on a free
 * port with a data directory of its own, and a bucket made with the AWS SDK. It can be stopped and
 * started again on the same port and data, for outages.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceS3Config } from '@rectiflow/platform';
import { evidenceS3Client } from '../../apps/api/src/evidence/s3-client';
import { waitForPort } from '../../tools/local-services';
import { ensureMinio } from '../../tools/minio';
import { freePort } from './ports';

export interface TestMinio {
  endpoint: string;
  /** Settings of a bucket on this server, as EVIDENCE_S3_* would give them. */
  s3(bucket: string): EvidenceS3Config;
  /** Creates a bucket; answers its settings. */
  bucket(name: string): Promise<EvidenceS3Config>;
  client(): S3Client;
  /** Stops the server (SIGTERM, SIGKILL after 10 s); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
}

export async function startMinio(directory: string): Promise<TestMinio> {
  // The build (first time only, minutes) must not eat into one test's timeout.
  const binary = ensureMinio((line) => console.warn(`[minio] ${line}`));
  const dataDir = mkdtempSync(join(directory, 'minio-'));
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const user = `test${randomBytes(6).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    output = '';
    const server = spawn(binary, ['server', dataDir, '--address', `127.0.0.1:${port}`, '--quiet'], {
      env: { ...process.env, MINIO_ROOT_USER: user, MINIO_ROOT_PASSWORD: password, MINIO_BROWSER: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    server.stdout?.on('data', (chunk) => (output += String(chunk)));
    server.stderr?.on('data', (chunk) => (output += String(chunk)));
    process.once('exit', () => server.kill('SIGKILL'));
    await Promise.race([
      waitForPort(port, 60_000),
      new Promise((_, reject) =>
        server.once('exit', (code) => reject(new Error(`minio exited with ${code} before listening:\n${output}`))),
      ),
    ]);
    // Listening is not ready: wait for the health check.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = await fetch(`${endpoint}/minio/health/ready`).then(
        (reply) => reply.ok,
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`minio not ready after 30 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      const server = child;
      child = null;
      if (!server || server.exitCode !== null || server.signalCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
      setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
    });

  const s3 = (bucket: string): EvidenceS3Config => ({
    endpoint,
    bucket,
    region: 'us-east-1',
    accessKeyId: user,
    secretAccessKey: password,
    forcePathStyle: true,
  });

  await start();
  return {
    endpoint,
    s3,
    async bucket(name) {
      const client = evidenceS3Client(s3(name));
      try {
        await client.send(new CreateBucketCommand({ Bucket: name }));
      } finally {
        client.destroy();
      }
      return s3(name);
    },
    client: () => evidenceS3Client(s3('unused')),
    stop,
    start,
  };
}
