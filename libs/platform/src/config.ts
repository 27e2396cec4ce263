import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { DEFAULT_IMPORT_LIMITS, ImportLimits } from '@rectiflow/documents/import-limits';
import { EvidenceS3Config, evidenceS3Config } from './evidence-config';
import { ApiMetricsConfig, apiMetricsConfig, WorkerMetricsConfig, workerMetricsConfig } from './metrics-config';

/** Settings shared by the API and the worker; read from the environment (or .env via @nestjs/config). */
export interface PlatformConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  temporalUiUrl: string | null;
}

export function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value)
    throw new Error(
      `${name} is not set; run through \`npm start\` (which starts local services) or set it in the environment`,
    );
  return value;
}

/** An integer setting within [min, max]; anything else stops the process with the variable's name. */
export function integerSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

/** Stack frames kept in the worker's workflow threads (WorkerConfig.workflowStackTraceLimit). */
export function workflowStackTraceLimit(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'WORKFLOW_STACK_TRACE_LIMIT', 3, 1, 100);
}

export function platformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  return {
    databaseUrl: required(env, 'DATABASE_URL'),
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'rectiflow-measures',
    temporalUiUrl: env.TEMPORAL_UI_URL ?? null,
  };
}

export interface AuthConfig {
  /** HMAC secret for access tokens; from the environment only (npm start generates one into .data/). */
  jwtSecret: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  lockoutAttempts: number;
  lockoutMinutes: number;
  bcryptRounds: number;
  /** Sign-in attempts per address per minute, and public feedback messages per address per ten minutes. */
  signInPerMinute: number;
  feedbackPerTenMinutes: number;
}

export interface MailConfig {
  /** smtp://user:pass@host:port; without it notifications stay in the in-app inbox only. */
  smtpUrl: string | null;
  from: string;
}

export interface ApiConfig extends PlatformConfig {
  port: number;
  evidenceDir: string;
  /** Evidence in an S3-compatible bucket instead of evidenceDir (EVIDENCE_S3_*); unset or null: the directory. */
  evidenceS3?: EvidenceS3Config | null;
  evidenceMaxBytes: number;
  corsOrigin: string | null;
  auth: AuthConfig;
  /** The built web workbench (npm run build:web), served on the same origin; null to serve none. */
  webDir: string | null;
  /** Workflow starts in flight at once when measures are created in bulk. */
  workflowStartConcurrency: number;
  /**
   * Which proxies' X-Forwarded-For to believe (Express's `trust proxy`): false (none), a number of
   * hops, or addresses/subnets. Throttles and logs see the client's address only through it.
   */
  trustProxy: false | number | string[];
  imports: ImportConfig;
  /** The Prometheus endpoint on a port of its own; absent or null: none (see metrics-config.ts). */
  metrics?: ApiMetricsConfig | null;
}

/** Limits of document and ledger imports (see libs/documents/src/import-limits.ts), and of the thread that reads them. */
export interface ImportConfig extends ImportLimits {
  /** V8 heap of the worker thread that reads one upload; a file that needs more kills only that thread. */
  workerMemoryMb: number;
  timeoutMs: number;
}

export function importConfig(env: NodeJS.ProcessEnv = process.env): ImportConfig {
  return {
    maxEntries: integerSetting(env, 'IMPORT_MAX_ENTRIES', DEFAULT_IMPORT_LIMITS.maxEntries, 1, 100_000),
    maxUncompressedBytes: integerSetting(
      env,
      'IMPORT_MAX_UNCOMPRESSED_BYTES',
      DEFAULT_IMPORT_LIMITS.maxUncompressedBytes,
      1024,
      1024 * 1024 * 1024,
    ),
    maxCharacters: integerSetting(env, 'IMPORT_MAX_CHARACTERS', DEFAULT_IMPORT_LIMITS.maxCharacters, 1000, 100_000_000),
    maxLines: integerSetting(env, 'IMPORT_MAX_LINES', DEFAULT_IMPORT_LIMITS.maxLines, 10, 10_000_000),
    workerMemoryMb: integerSetting(env, 'IMPORT_WORKER_MEMORY_MB', 512, 32, 16_384),
    timeoutMs: integerSetting(env, 'IMPORT_TIMEOUT_MS', 30_000, 1000, 600_000),
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset or "false" trusts no proxy; a whole number 1–10 trusts that many hops; otherwise
 * a comma-separated list of addresses, CIDR subnets or loopback/linklocal/uniquelocal. "true" is
 * refused: it would believe any client's own X-Forwarded-For and let it pick its throttle bucket.
 */
export function trustProxySetting(env: NodeJS.ProcessEnv = process.env): false | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') {
    throw new Error(
      "TRUST_PROXY=true would believe any client's X-Forwarded-For; give the number of proxies in front of the API or their addresses",
    );
  }
  if (/^\d+$/.test(raw)) return integerSetting(env, 'TRUST_PROXY', 0, 0, 10) || false;
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && !(family !== 0 && prefixOk && extra === undefined)) {
      throw new Error(
        `TRUST_PROXY must be false, a number of proxies (0–10), or addresses, subnets and loopback/linklocal/uniquelocal separated by commas (got "${entry}")`,
      );
    }
  }
  return entries;
}

/** bcrypt's cost factor for new password hashes (AuthConfig.bcryptRounds; also the CLI's create-admin). */
export function bcryptRounds(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'BCRYPT_ROUNDS', 12, 4, 20);
}

export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const jwtSecret = required(env, 'JWT_SECRET');
  if (jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return {
    jwtSecret,
    accessTokenSeconds: integerSetting(env, 'ACCESS_TOKEN_SECONDS', 15 * 60, 60, 86_400),
    refreshTokenDays: integerSetting(env, 'REFRESH_TOKEN_DAYS', 14, 1, 365),
    lockoutAttempts: integerSetting(env, 'LOCKOUT_ATTEMPTS', 5, 1, 100),
    lockoutMinutes: integerSetting(env, 'LOCKOUT_MINUTES', 15, 1, 10_080),
    bcryptRounds: bcryptRounds(env),
    signInPerMinute: integerSetting(env, 'SIGN_IN_PER_MINUTE', 10, 1, 1_000_000),
    feedbackPerTenMinutes: integerSetting(env, 'FEEDBACK_PER_TEN_MINUTES', 5, 1, 1_000_000),
  };
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return { smtpUrl: env.SMTP_URL || null, from: env.MAIL_FROM || 'Rectiflow <no-reply@rectiflow.local>' };
}

export function apiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    ...platformConfig(env),
    port: integerSetting(env, 'PORT', 3000, 0, 65_535),
    evidenceDir: resolve(env.EVIDENCE_DIR ?? '.data/evidence'),
    evidenceS3: evidenceS3Config(env),
    evidenceMaxBytes: integerSetting(env, 'EVIDENCE_MAX_BYTES', 20 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    corsOrigin: env.CORS_ORIGIN || null,
    auth: authConfig(env),
    webDir: env.WEB_DIR === '' ? null : resolve(env.WEB_DIR ?? 'dist/web'),
    workflowStartConcurrency: integerSetting(env, 'WORKFLOW_START_CONCURRENCY', 100, 1, 1000),
    trustProxy: trustProxySetting(env),
    imports: importConfig(env),
    metrics: apiMetricsConfig(env),
  };
}

export interface WorkerConfig extends PlatformConfig {
  workflowBundlePath: string | null;
  maxCachedWorkflows: number | null;
  /**
   * Frames kept in stack traces inside the workflow threads. The SDK records a source-mapped stack
   * trace for every promise a workflow creates (for the Web UI's stack-trace view); at Node's
   * default of 10 frames that is about a fifth of the workflow code's CPU. The worker's own thread keeps 10.
   */
  workflowStackTraceLimit: number;
  mail: MailConfig;
  /** The worker process exits when its Temporal worker stops unexpectedly, so a supervisor restarts it. */
  exitOnFailure: boolean;
  /** The worker's Prometheus endpoint and the Temporal SDK's; absent: neither. */
  metrics?: WorkerMetricsConfig;
}

export function workerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return {
    ...platformConfig(env),
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH ?? null,
    // Unset: the SDK sizes the cache from the memory it sees.
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS?.trim()
      ? integerSetting(env, 'WORKER_MAX_CACHED_WORKFLOWS', 0, 0, 1_000_000)
      : null,
    workflowStackTraceLimit: workflowStackTraceLimit(env),
    mail: mailConfig(env),
    exitOnFailure: true,
    metrics: workerMetricsConfig(env),
  };
}
