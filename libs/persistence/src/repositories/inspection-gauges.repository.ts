import { COLOUR_SQL } from './measure-filter';
import { BaseRepository } from './unit-of-work';

/** One inspection's counts for the Prometheus gauges (the same rules as the ledger's filters). */
export interface InspectionGaugeRow {
  inspectionId: string;
  title: string;
  /** Measures not closed (办结). */
  open: number;
  /** Open measures past their stage's due date (the ledger's overdue=true). */
  overdue: number;
  /** 红灯 (the ledger's colour=red). */
  red: number;
  /** Open measures with an escalation level above 0 (the ledger's escalated=true). */
  escalated: number;
}

/** The business gauges of the metrics endpoint: every inspection, over the whole read model (no viewer). */
export class InspectionGaugesRepository extends BaseRepository {
  async perInspection(): Promise<InspectionGaugeRow[]> {
    return this.dataSource.query(
      `SELECT i.id AS "inspectionId", i.title,
              count(m.id) FILTER (WHERE m.stage <> 'closed')::int AS open,
              count(m.id) FILTER (WHERE m.stage NOT IN ('closed', 'assign') AND m.stage_due_at < now())::int AS overdue,
              count(m.id) FILTER (WHERE ${COLOUR_SQL} = 'red')::int AS red,
              count(m.id) FILTER (WHERE m.escalation_level > 0 AND m.stage <> 'closed')::int AS escalated
         FROM inspection i LEFT JOIN measure m ON m.inspection_id = i.id
        GROUP BY i.id, i.title
        ORDER BY i.id`,
    );
  }
}
