import { EntityManager } from 'typeorm';
import type { TimerPolicy } from '@rectiflow/domain';
import { BaseRepository } from './unit-of-work';

/** An inspection whose 整改报告 is owed: a feedback day, and no version marked 报送 yet. */
export interface ReportOwedRow {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  feedback_on: string;
  policy: Partial<TimerPolicy> | null;
}

/** What the worker's report sweep reads: the inspections still owing their report. */
export class ReportReminderRepository extends BaseRepository {
  owed(tx?: EntityManager): Promise<ReportOwedRow[]> {
    return this.db(tx).query(
      `SELECT i.id, i.title, to_char(i.feedback_on, 'YYYY-MM-DD') AS feedback_on, i.policy
         FROM inspection i
        WHERE i.feedback_on IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM report_version v WHERE v.inspection_id = i.id AND v.submitted_at IS NOT NULL)
        ORDER BY i.id`,
    );
  }
}
