// Global setup and teardown run outside jest's module map: the @rectiflow/* aliases resolve through tsconfig-paths.
import 'tsconfig-paths/register';
/**
 * Starts the real services once for the whole suite: an embedded PostgreSQL (migrated) and the
 * Temporal CLI dev server (the same binary `npm start` uses), and bundles the workflow code once.
 * Connection details reach the test files through environment variables.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { runMigrations } from '@rectiflow/persistence';
import { startEmbeddedPostgres, startTemporalDevServer } from '../../tools/local-services';
import { freePort } from './ports';

export default async function globalSetup(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'rectiflow-test-'));
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const [postgres, temporal] = await Promise.all([
    startEmbeddedPostgres({ dataDir: join(directory, 'pg'), port: pgPort }),
    startTemporalDevServer({ port: temporalPort, uiPort: null, dbFile: join(directory, 'temporal.db') }),
  ]);
  await runMigrations(postgres.url);
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
  });
  const bundle = join(directory, 'workflow-bundle.js');
  writeFileSync(bundle, code);
  // The web workbench, built fresh for this run into the run's own folder.
  const webDir = join(directory, 'web');
  execFileSync(
    process.execPath,
    [
      join(__dirname, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(__dirname, '..', '..', 'apps', 'web', 'vite.config.ts'),
      '--outDir',
      webDir,
      '--logLevel',
      'error',
    ],
    // jest sets NODE_ENV=test, which would give a development build (React's and antd's dev modes):
    // the browser tests must see what users get.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  process.env.TEST_WEB_DIR = webDir;
  process.env.TEST_DIRECTORY = directory;
  process.env.TEST_DATABASE_URL = postgres.url;
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_TEMPORAL_DB = join(directory, 'temporal.db');
  process.env.TEST_TEMPORAL_PORT = String(temporalPort);
  process.env.TEST_WORKFLOW_BUNDLE = bundle;
  (globalThis as Record<string, unknown>).__RECTIFLOW_SERVICES__ = { postgres, temporal, directory };
}
