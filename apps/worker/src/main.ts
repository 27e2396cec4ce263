import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, nestLogger, workerConfig } from '@rectiflow/platform';
import { installTemporalRuntime } from './temporal-runtime';
import { limitWorkflowStackTraces } from './workflow-stack-traces';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const config = workerConfig();
  const logger = createLogger({ name: 'worker' });
  // Here rather than in the worker service: the flag is process-wide, and the test suites run the
  // service inside jest, whose own contexts should keep their full stack traces.
  limitWorkflowStackTraces(config.workflowStackTraceLimit);
  // Before the worker service's own attempt (which then keeps this one): the SDK logs through this logger.
  installTemporalRuntime(config, logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: nestLogger(logger),
  });
  app.enableShutdownHooks();
  Logger.log('Rectiflow worker started', 'Worker');
}

bootstrap().catch((error: Error) => {
  try {
    createLogger({ name: 'worker' }).fatal({ err: error }, `the worker did not start: ${error.message}`);
  } catch {
    console.error(error); // the logging settings themselves are wrong
  }
  process.exit(1);
});
