import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import type { Logger as Pino } from 'pino';
import { createLogger, WorkerConfig } from '@rectiflow/platform';

const PINO_LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The Temporal SDK's process-wide runtime: its logs (the TypeScript side's, and the Rust core's,
 * forwarded) through pino at TEMPORAL_LOG_LEVEL (WARN by default), and its metrics on a Prometheus
 * endpoint on 127.0.0.1:WORKER_SDK_METRICS_PORT when set. Installed once per process; a later call
 * (a second worker in the same test process) keeps the first runtime.
 */
export function installTemporalRuntime(config: WorkerConfig, logger: Pino = createLogger({ name: 'worker' })): void {
  const level = (process.env.TEMPORAL_LOG_LEVEL ?? 'WARN').toUpperCase() as LogLevel;
  if (!(level in PINO_LEVELS))
    throw new Error(`TEMPORAL_LOG_LEVEL must be one of ${Object.keys(PINO_LEVELS).join(', ')}`);
  const sdk = logger.child({ context: 'TemporalSDK' });
  const sdkPort = config.metrics?.sdkPort ?? null;
  try {
    Runtime.install({
      shutdownSignals: [],
      logger: new DefaultLogger(level, (entry) =>
        sdk[PINO_LEVELS[entry.level]](
          { ...entry.meta, sdkTime: Number(entry.timestampNanos / 1_000_000n) },
          entry.message,
        ),
      ),
      telemetryOptions: {
        logging: { filter: { core: level, other: level }, forward: {} },
        ...(sdkPort === null
          ? {}
          : {
              metrics: {
                prometheus: {
                  bindAddress: `127.0.0.1:${sdkPort}`,
                  countersTotalSuffix: true,
                  useSecondsForDurations: true,
                },
              },
            }),
      },
    });
  } catch (error) {
    // Already installed by an earlier worker in this process (tests); anything else is a real failure.
    if (!/already/i.test((error as Error).message)) throw error;
  }
}
