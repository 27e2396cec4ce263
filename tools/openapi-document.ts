/**
 * `npm run openapi`: writes the API's OpenAPI document (what GET /api/docs-json serves) to a file,
 * without a database, Temporal or a listening port. Nest's preview mode builds the module graph
 * and the controllers' metadata but calls no provider factory, so TypeORM never connects and the
 * Temporal client is never made; the document only needs the controllers' decorators.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { API_PREFIX_OPTIONS } from '../apps/api/src/app.factory';
import { AppModule } from '../apps/api/src/app.module';
import { openApiDocument } from '../apps/api/src/openapi';
import { apiConfig } from '@rectiflow/platform';

async function main(target: string): Promise<void> {
  // A fixed configuration, so the document does not depend on the caller's environment.
  const config = apiConfig({
    JWT_SECRET: 'openapi-document-only-'.padEnd(32, '0'),
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    WEB_DIR: '',
  });
  const app = await NestFactory.create(AppModule.register(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api', API_PREFIX_OPTIONS);
  const document = openApiDocument(app);
  await app.close();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
  console.log(`${target}: ${Object.keys(document.paths).length} paths, ${operations} operations`);
}

main(resolve(process.argv[2] ?? 'dist/openapi.json')).catch((error) => {
  console.error(error);
  process.exit(1);
});
