import { BaseRepository } from './unit-of-work';

/** Whether PostgreSQL answers (the health endpoint). */
export class HealthRepository extends BaseRepository {
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
