/**
 * `npm run migration:generate -- <Name>`: starts a throw-away embedded PostgreSQL, applies the
 * existing migrations, diffs the schema against the entities (TypeORM's schema builder, as the
 * TypeORM CLI does) and writes the difference as a new migration file. Migrations are never edited by hand.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rectiflow/persistence/data-source';
import { migrationSource } from '@rectiflow/persistence/migration-source';
import { startEmbeddedPostgres } from './local-services';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('usage: npm run migration:generate -- PascalCaseName');
  const directory = mkdtempSync(join(tmpdir(), 'rectiflow-migration-'));
  const postgres = await startEmbeddedPostgres({ dataDir: join(directory, 'pg'), port: 54_329 });
  try {
    const dataSource = new DataSource(dataSourceOptions(postgres.url));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      console.log('the schema matches the entities: no migration needed');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = migrationSource(className, sql.upQueries, sql.downQueries);
    const base = join(__dirname, '..', 'libs', 'persistence', 'src', 'migrations');
    const fileName = `${timestamp}-${name}`;
    writeFileSync(join(base, `${fileName}.ts`), file);
    const indexPath = join(base, 'index.ts');
    const index = readFileSync(indexPath, 'utf8');
    const importLine = `import { ${className} } from './${fileName}';\n`;
    const updated =
      importLine +
      index.replace(
        /= \[(.*)\];/s,
        (_, list: string) => `= [${list.trim() ? `${list.trim().replace(/,$/, '')}, ` : ''}${className}];`,
      );
    writeFileSync(indexPath, updated);
    console.log(`wrote libs/persistence/src/migrations/${fileName}.ts (${sql.upQueries.length} statements)`);
  } finally {
    await postgres.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
