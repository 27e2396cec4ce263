/**
 * The done rule exists twice: progressOf() in libs/domain (the workflow's and the workbench's) and
 * PROGRESS_SQL in libs/persistence (the dashboard's, the ledger filter's, the notice's and the
 * papers' counts). This checks, in the real PostgreSQL, that they agree on every stage, every kind
 * and a due date that is absent, past or ahead.
 */
import { DataSource } from 'typeorm';
import { MEASURE_KINDS, progressOf, STAGES } from '@rectiflow/domain';
import { PROGRESS_SQL } from '@rectiflow/persistence';
import { openDataSource } from './support/stack';

let db: DataSource;

beforeAll(async () => {
  db = await openDataSource();
});

afterAll(async () => {
  await db?.destroy();
});

it('gives the same answer in SQL as in TypeScript for every stage, kind and due date', async () => {
  const now = Date.now();
  const dues = [null, new Date(now - 86_400_000).toISOString(), new Date(now + 86_400_000).toISOString()];
  const cases = STAGES.flatMap((stage) => MEASURE_KINDS.flatMap((kind) => dues.map((due) => ({ stage, kind, due }))));
  const values = cases.map(
    (_, index) => `($${index * 4 + 1}::int, $${index * 4 + 2}, $${index * 4 + 3}, $${index * 4 + 4}::timestamptz)`,
  );
  const rows: { n: number; progress: string | null }[] = await db.query(
    `SELECT m.n, ${PROGRESS_SQL} AS progress FROM (VALUES ${values.join(', ')}) AS m(n, stage, kind, stage_due_at) ORDER BY m.n`,
    cases.flatMap((c, index) => [index, c.stage, c.kind, c.due]),
  );
  const inSql = rows.map((row) => ({ ...cases[row.n], progress: row.progress }));
  const inTypeScript = cases.map((c) => ({
    ...c,
    progress: progressOf({ stage: c.stage, kind: c.kind, stageDueAt: c.due }, new Date(now)),
  }));
  expect(inSql).toEqual(inTypeScript);
  // Not vacuous: all three answers and the voided NULL occur.
  expect(new Set(inSql.map((row) => row.progress))).toEqual(new Set(['done', 'ongoing', 'open', null]));
});
