import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
  Logger.log('Rectiflow worker started', 'Worker');
}

bootstrap().catch((error) => {
  console.error(error);
  process.exit(1);
});
