/**
 * Where evidence files live: the local directory EVIDENCE_DIR (the default), or an S3-compatible
 * bucket when any EVIDENCE_S3_* variable is set. Checked at start, so a half-written setting stops
 * the API with the variable's name instead of failing at the first upload.
 */

export interface EvidenceS3Config {
  /** http(s) URL of the S3 API (MinIO, Ceph, an AWS regional endpoint…). */
  endpoint: string;
  bucket: string;
  region: string;
  /** Both set, or both null (then the SDK's default chain: AWS_* variables, profiles, instance roles). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** bucket in the path (http://host/bucket/key) rather than in the host name; what MinIO needs. */
  forcePathStyle: boolean;
}

const S3_VARIABLES = [
  'EVIDENCE_S3_ENDPOINT',
  'EVIDENCE_S3_BUCKET',
  'EVIDENCE_S3_REGION',
  'EVIDENCE_S3_ACCESS_KEY_ID',
  'EVIDENCE_S3_SECRET_ACCESS_KEY',
  'EVIDENCE_S3_FORCE_PATH_STYLE',
] as const;

/** S3's bucket naming rules (3–63 characters: lower-case letters, digits, dots, hyphens; not an IP address). */
const BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const value = (env: NodeJS.ProcessEnv, name: string) => {
  const raw = env[name]?.trim();
  return raw ? raw : null;
};

function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = value(env, name);
  if (raw === null) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false (got "${raw}")`);
}

/** The S3 settings, or null when no EVIDENCE_S3_* variable is set (evidence then stays in EVIDENCE_DIR). */
export function evidenceS3Config(env: NodeJS.ProcessEnv = process.env): EvidenceS3Config | null {
  const given = S3_VARIABLES.filter((name) => value(env, name) !== null);
  if (given.length === 0) return null;
  const endpoint = value(env, 'EVIDENCE_S3_ENDPOINT');
  const bucket = value(env, 'EVIDENCE_S3_BUCKET');
  if (!endpoint)
    throw new Error(
      `EVIDENCE_S3_ENDPOINT is not set but ${given.join(', ')} ${given.length > 1 ? 'are' : 'is'}; evidence on S3 needs the endpoint URL (e.g. http://127.0.0.1:9000), or unset every EVIDENCE_S3_* variable to keep evidence in EVIDENCE_DIR`,
    );
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`EVIDENCE_S3_ENDPOINT must be an http:// or https:// URL (got "${endpoint}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`EVIDENCE_S3_ENDPOINT must be an http:// or https:// URL (got "${endpoint}")`);
  if (url.username || url.password)
    throw new Error(
      'EVIDENCE_S3_ENDPOINT must not carry credentials; use EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY',
    );
  if (!bucket) throw new Error('EVIDENCE_S3_BUCKET is not set; evidence on S3 needs the bucket name');
  if (!BUCKET.test(bucket))
    throw new Error(
      `EVIDENCE_S3_BUCKET must be a valid bucket name (3–63 lower-case letters, digits, dots and hyphens; got "${bucket}")`,
    );
  const accessKeyId = value(env, 'EVIDENCE_S3_ACCESS_KEY_ID');
  const secretAccessKey = value(env, 'EVIDENCE_S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null))
    throw new Error(
      `${accessKeyId === null ? 'EVIDENCE_S3_ACCESS_KEY_ID' : 'EVIDENCE_S3_SECRET_ACCESS_KEY'} is not set; set both EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY, or neither (the SDK's default credentials)`,
    );
  const region = value(env, 'EVIDENCE_S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,32}$/.test(region))
    throw new Error(`EVIDENCE_S3_REGION must be a region name such as us-east-1 (got "${region}")`);
  return {
    endpoint: url.toString().replace(/\/$/, ''),
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: booleanSetting(env, 'EVIDENCE_S3_FORCE_PATH_STYLE', true),
  };
}

/** How the endpoint and bucket read in logs and errors (never the keys). */
export function describeEvidenceS3(config: EvidenceS3Config): string {
  return `s3 bucket "${config.bucket}" at ${config.endpoint}`;
}
