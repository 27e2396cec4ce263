/**
 * The Temporal server's configuration for `--engine cluster`, written from a template at every start
 * (so a changed port or password takes effect): PostgreSQL persistence in the `temporal` and
 * `temporal_visibility` databases, one set of ports per service (frontend, history, matching,
 * worker), all on 127.0.0.1, and the history shard count. The file holds the database password, so
 * only its owner may read it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface ClusterDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  membership: Record<TemporalService, number>;
}

/**
 * Every port from one base: base is the frontend (what clients dial), the next four the other gRPC
 * ports, base+10… the membership (ringpop) ports. The dev server's 7233/8233 are never in a default range.
 */
export function clusterPorts(base: number): ClusterPorts {
  // The server stores membership ports in a PostgreSQL smallint: above 32767 it cannot join its own cluster.
  if (!Number.isInteger(base) || base < 1024 || base + 13 > 32_767)
    throw new Error(`the Temporal cluster's base port must be from 1024 to 32754 (got ${base})`);
  return {
    frontend: base,
    frontendHttp: base + 1,
    history: base + 2,
    matching: base + 3,
    worker: base + 4,
    membership: { frontend: base + 10, history: base + 11, matching: base + 12, worker: base + 13 },
  };
}

const argument = (argv: string[], name: string) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};

export type Engine = 'dev' | 'cluster';

/** `--engine dev|cluster` (or TEMPORAL_ENGINE): the CLI dev server, the default, or the real server on PostgreSQL. */
export function engineOption(argv = process.argv, env = process.env): Engine {
  const raw = argument(argv, 'engine') ?? env.TEMPORAL_ENGINE ?? 'dev';
  if (raw !== 'dev' && raw !== 'cluster') throw new Error(`--engine must be dev or cluster, not ${raw}`);
  return raw;
}

/**
 * `--shards N` (or TEMPORAL_HISTORY_SHARDS), 8 by default. Fixed when the cluster's databases are
 * created: a later start with another count is refused by the server, so change it only on new data.
 */
export function historyShards(argv = process.argv, env = process.env, fallback = 8): number {
  const raw = argument(argv, 'shards') ?? env.TEMPORAL_HISTORY_SHARDS;
  const shards = raw ? Number(raw) : fallback;
  if (!Number.isInteger(shards) || shards < 1 || shards > 16_384)
    throw new Error(`the history shard count must be a whole number from 1 to 16384, not ${raw}`);
  return shards;
}

/** Temporal's databases live on the product's PostgreSQL server: its address and credentials from the product's URL. */
export function databaseFromUrl(url: string): ClusterDatabase {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

const quoted = (value: string) => JSON.stringify(value); // a JSON string is a valid YAML double-quoted scalar

function datastore(database: ClusterDatabase, name: string, maxConns: number): string {
  return `      sql:
        pluginName: postgres12
        databaseName: ${name}
        connectAddr: ${quoted(`${database.host}:${database.port}`)}
        connectProtocol: tcp
        user: ${quoted(database.user)}
        password: ${quoted(database.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
}

function service(grpcPort: number, membershipPort: number, extra = ''): string {
  return `    rpc:
      grpcPort: ${grpcPort}
      membershipPort: ${membershipPort}
      bindOnLocalHost: true${extra}`;
}

export function renderClusterConfig(options: {
  database: ClusterDatabase;
  ports: ClusterPorts;
  shards: number;
  logLevel?: string;
  /** All four services append to this file (JSON lines); without it they log to their stdout. */
  logFile?: string;
}): string {
  const { database, ports, shards } = options;
  const frontend = `127.0.0.1:${ports.frontend}`;
  const output = options.logFile ? `stdout: false\n  outputFile: ${quoted(options.logFile)}` : 'stdout: true';
  return `# Written by tools/temporal-config.ts at start; edits are overwritten.
log:
  ${output}
  level: ${options.logLevel ?? 'warn'}

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${shards}
  datastores:
    postgres-default:
${datastore(database, 'temporal', 20)}
    postgres-visibility:
${datastore(database, 'temporal_visibility', 5)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1

services:
  frontend:
${service(ports.frontend, ports.membership.frontend, `\n      httpPort: ${ports.frontendHttp}`)}
  history:
${service(ports.history, ports.membership.history)}
  matching:
${service(ports.matching, ports.membership.matching)}
  worker:
${service(ports.worker, ports.membership.worker)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: ${quoted(frontend)}
      httpAddress: ${quoted(`127.0.0.1:${ports.frontendHttp}`)}

dcRedirectionPolicy:
  policy: noop

# The history, matching and worker services reach the frontend here (the worker service's system workflows).
publicClient:
  hostPort: ${quoted(frontend)}
`;
}

/** Writes <directory>/cluster.yaml; the server reads it with `--root <directory> --config . --env cluster`. */
export function writeClusterConfig(directory: string, config: string): string {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = join(directory, 'cluster.yaml');
  writeFileSync(file, config, { mode: 0o600 });
  return file;
}

/** The arguments that start one service of the server binary from that configuration. */
export function serviceArgs(directory: string, name: TemporalService): string[] {
  return ['--root', directory, '--config', '.', '--env', 'cluster', '--allow-no-auth', 'start', '--service', name];
}
