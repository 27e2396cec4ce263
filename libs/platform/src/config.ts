import { resolve } from 'node:path';

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
  if (!value) throw new Error(`${name} is not set; run through \`npm start\` (which starts local services) or set it in the environment`);
  return value;
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

export interface ApiConfig extends PlatformConfig {
  port: number;
  evidenceDir: string;
  evidenceMaxBytes: number;
  corsOrigin: string | null;
}

export function apiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    ...platformConfig(env),
    port: Number(env.PORT ?? 3000),
    evidenceDir: resolve(env.EVIDENCE_DIR ?? '.data/evidence'),
    evidenceMaxBytes: Number(env.EVIDENCE_MAX_BYTES ?? 20 * 1024 * 1024),
    corsOrigin: env.CORS_ORIGIN ?? null,
  };
}

export interface WorkerConfig extends PlatformConfig {
  workflowBundlePath: string | null;
  maxCachedWorkflows: number | null;
}

export function workerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return {
    ...platformConfig(env),
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH ?? null,
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS ? Number(env.WORKER_MAX_CACHED_WORKFLOWS) : null,
  };
}
