import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { workerConfig } from '@rectiflow/platform';
import { limitWorkflowStackTraces } from './workflow-stack-traces';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const config = workerConfig();
  // Here rather than in the worker service: the flag is process-wide, and the test suites run the
  // service inside jest, whose own contexts should keep their full stack traces.
  limitWorkflowStackTraces(config.workflowStackTraceLimit);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks();
  Logger.log('Rectiflow worker started', 'Worker');
}

bootstrap().catch((error) => {
  console.error(error);
  process.exit(1);
});
