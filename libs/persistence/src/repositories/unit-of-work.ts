import { DataSource, EntityManager } from 'typeorm';

/**
 * What every repository method runs its statements on: the DataSource, or the EntityManager of a
 * transaction the caller opened with UnitOfWork.run, so several repositories can write in one commit.
 */
export type Executor = DataSource | EntityManager;

/** Base of the repositories: `this.db(tx)` is the transaction when one is passed, else the pool. */
export abstract class BaseRepository {
  constructor(protected readonly dataSource: DataSource) {}

  protected db(tx?: EntityManager): Executor {
    return tx ?? this.dataSource;
  }
}

/** Opens one transaction that repositories share by receiving its EntityManager (`tx`). */
export class UnitOfWork extends BaseRepository {
  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
