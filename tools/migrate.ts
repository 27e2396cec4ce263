/** `npm run migrate`: applies pending TypeORM migrations to DATABASE_URL (the compose file runs it once before the API and worker). */
import { runMigrations } from '../libs/persistence/src';
import { required } from '../libs/platform/src';

runMigrations(required(process.env, 'DATABASE_URL'))
  .then((applied) => console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
