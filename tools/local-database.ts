/** DATABASE_URL, or the embedded PostgreSQL that `npm start` runs from .data/ (for the CLI commands). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rectiflow/persistence';

export function localDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dataDir = resolve(process.env.RECTIFLOW_DATA_DIR ?? join(__dirname, '..', '..', '.data'));
  const candidates = [dataDir, resolve(process.cwd(), '.data')];
  for (const directory of candidates) {
    const passwordFile = join(directory, 'pg.password');
    if (existsSync(passwordFile)) {
      const password = readFileSync(passwordFile, 'utf8').trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54320}/rectiflow`;
    }
  }
  throw new Error('set DATABASE_URL, or run `npm start` first so the embedded database exists in .data/');
}

/** A small DataSource for one command (the tools build their repositories on it), closed when the work ends. */
export async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(dataSourceOptions(url, { extra: { max: 2 } })).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
