// Global setup and teardown run outside jest's module map: the @rectiflow/* aliases resolve through tsconfig-paths.
import 'tsconfig-paths/register';
import { rmSync } from 'node:fs';
import type { RunningService } from '../../tools/local-services';

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as Record<string, unknown>).__RECTIFLOW_SERVICES__ as
    { postgres: RunningService; temporal: RunningService; directory: string } | undefined;
  if (!services) return;
  await services.temporal.stop().catch(() => undefined);
  await services.postgres.stop().catch(() => undefined);
  rmSync(services.directory, { recursive: true, force: true });
}
