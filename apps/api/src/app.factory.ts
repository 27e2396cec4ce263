import 'reflect-metadata';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { ApiConfig, apiConfig, QuietNestLogger } from '@rectiflow/platform';
import { AppModule } from './app.module';
import { requestShapeGuard } from './common/request-shape';
import { ApiMetrics } from './metrics/api-metrics';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { openApiDocument } from './openapi';

/** Every route under /api but the public notice's readable address (/gongkai/<code>/<version>). */
export const API_PREFIX_OPTIONS = { exclude: ['gongkai/{*path}'] };

/** Builds the HTTP API (used by main.ts and by the end-to-end tests). */
export async function createApiApp(config: ApiConfig = apiConfig()): Promise<INestApplication> {
  const app: NestExpressApplication = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: true,
  });
  // pino through nestjs-pino (request context on every line), without Nest's route-by-route start-up dump.
  app.useLogger(new QuietNestLogger(app.get(Logger)));
  // First, so every request is counted and timed, the refused ones too.
  app.use(httpMetricsMiddleware(app.get(ApiMetrics)));
  // Behind a load balancer the client's address is in X-Forwarded-For, believed only from the configured proxies.
  app.set('trust proxy', config.trustProxy);
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  app.use(requestShapeGuard);
  // Scripts only from our own files: the workbench's build has no inline script, and an injected one must not run.
  app.use(
    helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } } }),
  );
  app.enableCors(config.corsOrigin ? { origin: config.corsOrigin.split(',') } : { origin: false });
  app.setGlobalPrefix('api', API_PREFIX_OPTIONS);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  serveWorkbench(app, config.webDir);
  app.enableShutdownHooks();
  return app;
}

/** The web workbench on the same origin: its files, and index.html for its client-side routes. */
function serveWorkbench(app: NestExpressApplication, webDir: string | null): void {
  const index = webDir ? join(webDir, 'index.html') : null;
  if (!webDir || !index || !existsSync(index)) return;
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || /^\/(api|gongkai)(\/|$)/.test(request.path)) return next();
    response.sendFile(index);
  });
}
