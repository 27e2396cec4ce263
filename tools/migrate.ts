/** `npm run migrate`: applies pending TypeORM migrations to DATABASE_URL (the compose file runs it once before the API and worker). */
import { runMigrations } from '@rectiflow/persistence';
import { createLogger, required } from '@rectiflow/platform';

// A job that runs unattended (the compose file's migration step): its lines are logs, in the API's and worker's format.
const logger = createLogger({ name: 'migrate' });

runMigrations(required(process.env, 'DATABASE_URL'))
  .then((applied) => logger.info(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date'))
  .catch((error: Error) => {
    logger.fatal({ err: error }, `migrations failed: ${error.message}`);
    process.exit(1);
  });
