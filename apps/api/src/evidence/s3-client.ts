import { S3Client } from '@aws-sdk/client-s3';
import type { EvidenceS3Config } from '@rectiflow/platform';

/**
 * The SDK client for the evidence bucket (the API's store, and the backup and restore tools). Short
 * connection and request timeouts and two retries: an unreachable store answers an upload within
 * seconds instead of holding the request open.
 */
export function evidenceS3Client(config: EvidenceS3Config): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 60_000 },
  });
}

/** The HTTP status S3 answered with, or undefined when no answer came (refused, reset, timed out). */
export function s3Status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** A short reason for logs and 503 messages: the S3 error code, or the network error's (ECONNREFUSED, ETIMEDOUT…). */
export function s3Reason(error: unknown): string {
  const { name, code, message, cause } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    cause?: unknown;
  };
  const causeCode = (cause as { code?: string } | undefined)?.code;
  const networkCode = /\b(E[A-Z]{3,})\b/.exec(message ?? '')?.[1];
  return code ?? causeCode ?? networkCode ?? (name && name !== 'Error' ? name : (message ?? 'unknown error'));
}
