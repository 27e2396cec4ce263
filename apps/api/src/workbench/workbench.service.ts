import { Injectable } from '@nestjs/common';
import { calendarDay, completionRate, isYearCovered } from '@rectiflow/domain';
import { CalendarRepository, MeasureReportsRepository, readWorkingCalendar, WorkItemRow } from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { Visibility } from '../common/visibility';

@Injectable()
export class WorkbenchService {
  constructor(
    private readonly reports: MeasureReportsRepository,
    private readonly visibility: Visibility,
    private readonly calendars: CalendarRepository,
  ) {}

  /** This year and next (China time): whether their holidays are known, so the office is warned when not. */
  private async calendarCoverage() {
    const year = Number(calendarDay(new Date()).slice(0, 4));
    const calendar = await readWorkingCalendar(this.calendars, `${year}-01-01`, `${year + 1}-12-31`);
    return [year, year + 1].map((each) => ({ year: each, covered: isYearCovered(calendar, each) }));
  }

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
      calendarCoverage: await this.calendarCoverage(),
    };
  }
}
