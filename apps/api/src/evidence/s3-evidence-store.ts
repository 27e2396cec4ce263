import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Readable } from 'node:stream';
import { describeEvidenceS3, EvidenceS3Config } from '@rectiflow/platform';
import { DomainError, ErrorCode } from '../common/domain-error';
import { EvidenceStore, evidenceKey, hashOfKey, sha256Of } from './evidence-store';
import { evidenceS3Client, s3Reason, s3Status } from './s3-client';

/**
 * Evidence bytes as objects `<first two hex digits>/<sha256>` in an S3-compatible bucket
 * (EVIDENCE_S3_*). An upload whose hash the bucket already holds is not sent again; a new object is
 * written with If-None-Match: * and the SHA-256 checksum, so the server refuses torn or altered bytes
 * and two uploads of one file cannot race. A store that does not answer gives 503, and the caller
 * writes no row.
 */
export class S3EvidenceStore extends EvidenceStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EvidenceStore');
  private readonly client: S3Client;

  constructor(private readonly config: EvidenceS3Config) {
    super();
    this.client = evidenceS3Client(config);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    const Key = evidenceKey(sha256);
    if (await this.exists(Key)) return sha256;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      // 412: the same bytes arrived meanwhile (another upload of this file); 409: a concurrent conditional write.
      const status = s3Status(error);
      if (status !== 412 && status !== 409) throw this.unavailable('store', error);
    }
    return sha256;
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: evidenceKey(sha256) }),
      );
      if (!(object.Body instanceof Readable)) throw new Error('the S3 client answered without a stream');
      return object.Body;
    } catch (error) {
      if (s3Status(error) === 404) {
        this.logger.error(`evidence ${sha256} is recorded but missing from ${this.describe()}`);
        throw new DomainError(
          ErrorCode.Unavailable,
          'the bytes of this evidence file are missing from the evidence store',
        );
      }
      throw this.unavailable('read', error);
    }
  }

  async *hashes(): AsyncIterable<string> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.config.bucket }))
      for (const object of page.Contents ?? []) {
        const hash = object.Key ? hashOfKey(object.Key) : null;
        if (hash) yield hash;
      }
  }

  describe(): string {
    return describeEvidenceS3(this.config);
  }

  /** A store that is down at start is reported, not fatal: uploads answer 503 until it is back. */
  async onModuleInit(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      this.logger.warn(
        `${this.describe()} does not answer (${s3Reason(error)}); evidence uploads answer 503 until it does`,
      );
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  private async exists(Key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key }));
      return true;
    } catch (error) {
      if (s3Status(error) === 404) return false;
      throw this.unavailable('store', error);
    }
  }

  private unavailable(what: 'store' | 'read', error: unknown): DomainError {
    const reason = s3Reason(error);
    this.logger.error(`${what === 'store' ? 'storing in' : 'reading from'} ${this.describe()} failed: ${reason}`);
    return new DomainError(
      ErrorCode.Unavailable,
      `the evidence store is unavailable (${reason}); the file was ${what === 'store' ? 'not stored' : 'not read'}, try again later`,
    );
  }
}
