import { apiConfig } from '@rectiflow/platform';
import { createApiApp } from './app.factory';

async function bootstrap() {
  const config = apiConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  console.log(`Rectiflow API listening on http://127.0.0.1:${config.port}/api (docs: /api/docs)`);
}

bootstrap().catch((error) => {
  console.error(error);
  process.exit(1);
});
