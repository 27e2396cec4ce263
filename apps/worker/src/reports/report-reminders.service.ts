import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  DEFAULT_POLICY,
  reportDue,
  reportReminders,
  reportTimerDue,
  reportUsesWorkingDays,
  TimerPolicy,
  weekendsOnlyCalendar,
  WorkingCalendar,
} from '@rectiflow/domain';
import {
  CalendarRepository,
  NotificationRepository,
  readWorkingCalendar,
  ReportOwedRow,
  ReportReminderRepository,
} from '@rectiflow/persistence';
import { integerSetting } from '@rectiflow/platform';

/**
 * The 整改报告's reminders and overdue notice, by a sweep rather than a workflow: the due date is a
 * function of rows the office edits (the feedback day, the policy, 报送 of a version), so each round
 * reads the current truth instead of keeping a timer in step with every edit. Each notification's
 * key names the inspection, the due instant and the step, and the insert skips a key already there,
 * so several workers sweeping at once, or one sweeping again, notify each person once.
 */
@Injectable()
export class ReportRemindersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportRemindersService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly reports: ReportReminderRepository,
    private readonly notifications: NotificationRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  onApplicationBootstrap(): void {
    const interval = integerSetting(process.env, 'REPORT_SWEEP_MS', 60_000, 50, 3_600_000);
    this.timer = setInterval(() => {
      if (!this.running)
        this.running = this.sweep()
          .then(() => undefined)
          .catch((error) => this.logger.error(`report sweep failed: ${(error as Error).message}`))
          .finally(() => (this.running = undefined));
    }, interval);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One round over the inspections still owing their report; answers how many steps were due. */
  async sweep(now = new Date()): Promise<number> {
    let due = 0;
    // One reading of the calendar per feedback year and round, however many inspections share it.
    const calendars = new Map<number, Promise<WorkingCalendar>>();
    for (const row of await this.reports.owed()) if (await this.one(row, now, calendars)) due += 1;
    return due;
  }

  private calendar(
    policy: TimerPolicy,
    feedbackOn: string,
    read: Map<number, Promise<WorkingCalendar>>,
  ): Promise<WorkingCalendar> {
    if (!reportUsesWorkingDays(policy)) return Promise.resolve(weekendsOnlyCalendar());
    const year = Number(feedbackOn.slice(0, 4));
    if (!read.has(year)) read.set(year, readWorkingCalendar(this.calendars, `${year - 1}-01-01`, `${year + 5}-12-31`));
    return read.get(year)!;
  }

  private async one(row: ReportOwedRow, now: Date, calendars: Map<number, Promise<WorkingCalendar>>): Promise<boolean> {
    const policy: TimerPolicy = { ...DEFAULT_POLICY, ...(row.policy ?? {}) };
    const calendar = await this.calendar(policy, row.feedback_on, calendars);
    const { dueAt, dueOn } = reportDue(row.feedback_on, policy, calendar);
    const step = reportTimerDue(dueAt, reportReminders(dueAt, policy, calendar), now);
    if (!step) return false;
    const key = `report:${row.id}:${dueAt.toISOString()}`;
    const base = { inspectionId: row.id, measureId: null, emailCopy: true, exceptPersonId: null };
    if (step.kind === 'reminder') {
      await this.notifications.notify(
        {
          ...base,
          kind: 'report_reminder',
          title: `【整改报告报送提醒】${row.title}`,
          body: `${row.title}的整改报告应于${dueOn}前报送巡视巡察机构,请及时生成并报送。`,
          dedupeKey: `${key}:remind:${step.at.toISOString()}`,
        },
        { kind: 'role', inspectionId: row.id, role: 'office' },
      );
      return true;
    }
    const overdue = {
      ...base,
      kind: 'report_overdue',
      title: `【整改报告逾期】${row.title}`,
      body: `${row.title}的整改报告报送时限为${dueOn},至今未报送,请立即报送。`,
      dedupeKey: `${key}:overdue`,
    };
    await this.notifications.notify(overdue, { kind: 'role', inspectionId: row.id, role: 'office' });
    await this.notifications.notify(overdue, { kind: 'role', inspectionId: row.id, role: 'group_head' });
    return true;
  }
}
