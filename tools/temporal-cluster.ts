/**
 * `--engine cluster`: the real Temporal server on PostgreSQL, its four services (history, matching,
 * frontend, worker) as separate processes of one binary. The schema comes from the official SQL
 * tool and the server module's own schema files; namespace `default` is registered with the
 * Temporal CLI's `operator namespace create`. `npm start` hands the service commands to its
 * supervisor; the benchmarks and tests use startTemporalCluster, which restarts a service that dies
 * (as a process manager would), so a chaos run can kill -9 one service at a time.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Client as PgClient } from 'pg';
import { waitForPort } from './local-services';
import { ensureTemporalCli } from './temporal-cli';
import {
  ClusterDatabase,
  clusterPorts,
  renderClusterConfig,
  serviceArgs,
  TEMPORAL_SERVICES,
  TemporalService,
  writeClusterConfig,
} from './temporal-config';
import { ensureTemporalServer, schemaDirectory } from './temporal-server';

export interface ClusterPlan {
  address: string;
  /** In start order; `port` is open once the service has started. */
  services: { name: TemporalService; command: string; args: string[]; port: number }[];
}

const DATABASES = { temporal: 'temporal', visibility: 'temporal_visibility' } as const;

async function present(database: ClusterDatabase, name: string): Promise<{ exists: boolean; versioned: boolean }> {
  const connect = async (db: string) => {
    const client = new PgClient({ ...database, database: db });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const admin = await connect('postgres');
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) return { exists: false, versioned: false };
  } finally {
    await admin.end();
  }
  const client = await connect(name);
  try {
    const { rows } = await client.query(`SELECT to_regclass('public.schema_version') IS NOT NULL AS versioned`);
    return { exists: true, versioned: rows[0].versioned };
  } finally {
    await client.end();
  }
}

/**
 * Creates both databases and their schemas with temporal-sql-tool (create-database, setup-schema -v 0.0,
 * update-schema), as the official admin-tools image does. update-schema runs at every start and
 * applies only versions newer than the database's, so an existing cluster is left as it is.
 */
export async function setUpTemporalSchema(
  sqlTool: string,
  database: ClusterDatabase,
  log: (line: string) => void,
): Promise<void> {
  for (const kind of ['temporal', 'visibility'] as const) {
    const name = DATABASES[kind];
    const env = {
      ...process.env,
      SQL_PLUGIN: 'postgres12',
      SQL_HOST: database.host,
      SQL_PORT: String(database.port),
      SQL_USER: database.user,
      SQL_PASSWORD: database.password, // the environment, not the command line: ps shows arguments
      SQL_DATABASE: name,
    };
    const run = (args: string[]) => {
      const result = spawnSync(sqlTool, args, { env, encoding: 'utf8' });
      if (result.status !== 0)
        throw new Error(`temporal-sql-tool ${args.join(' ')} (${name}) failed:\n${result.stdout}${result.stderr}`);
    };
    const state = await present(database, name);
    if (!state.exists) {
      log(`creating database ${name}`);
      run(['create-database']);
    }
    if (!state.versioned) run(['setup-schema', '-v', '0.0']);
    const directory = schemaDirectory(kind);
    run(['update-schema', ...(directory ? ['-d', directory] : ['--schema-name', `postgresql/v12/${kind}`])]);
  }
}

/** Binaries, schema and configuration: everything before the service processes start. */
export async function prepareTemporalCluster(options: {
  directory: string;
  database: ClusterDatabase;
  basePort: number;
  shards: number;
  logFile?: string;
  log?: (line: string) => void;
}): Promise<ClusterPlan> {
  const log = options.log ?? (() => undefined);
  const binaries = ensureTemporalServer(log);
  await setUpTemporalSchema(binaries.sqlTool, options.database, log);
  const ports = clusterPorts(options.basePort);
  const { database, shards, logFile } = options;
  // TEMPORAL_SERVER_LOG_LEVEL=info (or debug) when chasing a problem in the server itself.
  const logLevel = process.env.TEMPORAL_SERVER_LOG_LEVEL || 'warn';
  writeClusterConfig(options.directory, renderClusterConfig({ database, ports, shards, logFile, logLevel }));
  return {
    address: `127.0.0.1:${ports.frontend}`,
    services: TEMPORAL_SERVICES.map((name) => ({
      name,
      command: binaries.server,
      args: serviceArgs(options.directory, name),
      // The worker service serves no gRPC; its membership (ringpop) port shows it has started.
      port: name === 'worker' ? ports.membership.worker : ports[name],
    })),
  };
}

/**
 * Registers `namespace` once the frontend answers (it refuses while history has not joined yet),
 * retrying for up to `timeoutMs`; an existing namespace is fine. The retention is the dev server's.
 */
export async function registerNamespace(address: string, namespace = 'default', timeoutMs = 120_000): Promise<void> {
  const cli = ensureTemporalCli();
  const deadline = Date.now() + timeoutMs;
  await waitForPort(Number(address.split(':')[1]), timeoutMs);
  for (;;) {
    const created = spawnSync(
      cli,
      ['operator', 'namespace', 'create', '--namespace', namespace, '--retention', '72h', '--address', address],
      { encoding: 'utf8', timeout: 30_000 },
    );
    const output = `${created.stdout}${created.stderr}`;
    if (created.status === 0 || /already (exists|registered)/i.test(output)) {
      // describe reads the database; a workflow call goes through the frontend's namespace cache,
      // which learns of a new namespace a moment later: wait for that, or the first starts fail.
      const counted = spawnSync(cli, ['workflow', 'count', '--namespace', namespace, '--address', address], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      if (counted.status === 0) return;
    }
    if (Date.now() > deadline) throw new Error(`could not register namespace ${namespace} at ${address}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * One service at a time, each once its gRPC port is open: started together on a new database they
 * race to write the cluster's metadata and the losers exit at once.
 */
export async function startInOrder(
  plan: ClusterPlan,
  launch: (service: ClusterPlan['services'][number]) => void,
  timeoutMs = 60_000,
): Promise<void> {
  for (const service of plan.services) {
    launch(service);
    await waitForPort(service.port, timeoutMs);
  }
}

export interface RunningTemporalCluster {
  address: string;
  uiUrl: null;
  /** The frontend's current process. */
  readonly process: ChildProcess;
  pids(): number[];
  /** SIGKILL one service and wait for it to die; it is started again a second later. */
  kill(name: TemporalService): Promise<void>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

export async function startTemporalCluster(options: {
  directory: string;
  database: ClusterDatabase;
  basePort: number;
  shards: number;
  logFile?: string;
  log?: (line: string) => void;
}): Promise<RunningTemporalCluster> {
  const plan = await prepareTemporalCluster(options);
  const log = options.log ?? (() => undefined);
  const children = new Map<TemporalService, ChildProcess>();
  let stopping = false;
  const launch = (service: ClusterPlan['services'][number]) => {
    const child = spawn(service.command, service.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => log(`${service.name}: ${String(chunk).trim()}`));
    child.stderr?.on('data', (chunk) => log(`${service.name}: ${String(chunk).trim()}`));
    children.set(service.name, child);
    child.once('exit', () => {
      if (!stopping && children.get(service.name) === child)
        setTimeout(() => !stopping && children.get(service.name) === child && launch(service), 1000);
    });
  };
  // Never leave a service orphaned when this process ends first.
  process.once('exit', () => {
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
  });
  try {
    await startInOrder(plan, launch);
  } catch (error) {
    stopping = true;
    for (const child of children.values()) child.kill('SIGKILL');
    throw error;
  }
  // The worker service first (it calls the frontend), then the rest together; 5 s each before SIGKILL.
  const stopOne = async (child: ChildProcess) => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  };
  const stop = async () => {
    stopping = true;
    const worker = children.get('worker');
    if (worker) await stopOne(worker);
    await Promise.all([...children.values()].filter((child) => child !== worker).map(stopOne));
  };
  try {
    await registerNamespace(plan.address);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address: plan.address,
    uiUrl: null,
    get process() {
      return children.get('frontend')!;
    },
    pids: () => [...children.values()].map((child) => child.pid).filter((pid): pid is number => pid !== undefined),
    async kill(name) {
      const child = children.get(name)!;
      child.kill('SIGKILL');
      await exited(child);
    },
    stop,
  };
}
