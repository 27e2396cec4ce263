/** `npm run migrate`: applies pending TypeORM migrations to DATABASE_URL (the compose file runs it once before the API and worker). */
import { runMigrations } from '@rectiflow/persistence';
import { required } from '@rectiflow/platform';

runMigrations(required(process.env, 'DATABASE_URL'))
  .then((applied) => console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
