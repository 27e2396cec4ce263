import { Injectable } from '@nestjs/common';
import { completionRate } from '@rectiflow/domain';
import { MeasureReportsRepository, WorkItemRow } from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { Visibility } from '../common/visibility';

@Injectable()
export class WorkbenchService {
  constructor(
    private readonly reports: MeasureReportsRepository,
    private readonly visibility: Visibility,
  ) {}

  /** 我的待办: what needs this person now, grouped by action, most urgent first. */
  async myWork(actor: RequestActor, inspectionId?: string) {
    const rows = await this.reports.work(actor.personId, actor.departmentId, inspectionId);
    const groups = new Map<string, WorkItemRow[]>();
    for (const row of rows) groups.set(row.action, [...(groups.get(row.action) ?? []), row]);
    return { total: rows.length, groups: [...groups.entries()].map(([action, items]) => ({ action, items })) };
  }

  /** 统计: completion by section and department, 销号 rate, overdue list, closures over time, escalations. */
  async dashboard(inspectionId: string, actor: RequestActor) {
    const { totals, bySection, byDepartment, overdue, trend, escalations } = await this.reports.dashboard(
      inspectionId,
      await this.visibility.scope(actor, inspectionId),
    );
    let running = 0;
    return {
      totals: {
        ...totals,
        completionRate: completionRate(totals.done, totals.measures),
        signOffRate: completionRate(totals.signedOff, totals.measures),
      },
      bySection,
      byDepartment,
      overdue,
      trend: trend.map((row) => ({ ...row, cumulative: (running += row.done) })),
      escalations,
    };
  }
}
