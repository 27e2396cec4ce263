import { Logger } from '@nestjs/common';
import { apiConfig, createLogger } from '@rectiflow/platform';
import { createApiApp } from './app.factory';

async function bootstrap() {
  const config = apiConfig();
  const app = await createApiApp(config);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(config.port, host);
  Logger.log(`Rectiflow API listening on http://${host}:${config.port}/api (docs: /api/docs)`, 'Api');
}

bootstrap().catch((error: Error) => {
  // Before the application's logger exists (a wrong setting, no database): the same format all the same.
  try {
    createLogger({ name: 'api' }).fatal({ err: error }, `the API did not start: ${error.message}`);
  } catch {
    console.error(error); // the logging settings themselves are wrong
  }
  process.exit(1);
});
