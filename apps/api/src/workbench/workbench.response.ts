import { ACTIONS, COLOURS, MEASURE_KINDS, STAGES } from '@rectiflow/domain';
import { Res } from '../common/response-fields';

/** A measure waiting for this person. */
export class WorkItemResponse {
  @Res.enum(ACTIONS, 'ActionName')
  action: string;

  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.text()
  text: string;

  @Res.enum(MEASURE_KINDS, 'MeasureKind')
  kind: string;

  @Res.enum(STAGES, 'Stage')
  stage: string;

  @Res.int()
  round: number;

  @Res.dateTime({ nullable: true })
  stageDueAt: string | null;

  @Res.int()
  escalationLevel: number;

  @Res.enum(COLOURS, 'Colour')
  colour: string;

  @Res.int()
  problemNumber: number;

  @Res.text()
  problemTitle: string;
}

export class WorkGroupResponse {
  @Res.enum(ACTIONS, 'ActionName')
  action: string;

  @Res.many(() => WorkItemResponse, { description: 'most urgent first' })
  items: WorkItemResponse[];
}

/** 我的待办. */
export class MyWorkResponse {
  @Res.int()
  total: number;

  @Res.many(() => WorkGroupResponse)
  groups: WorkGroupResponse[];
}

export class DashboardTotalsResponse {
  @Res.int({ description: 'measures counted (voided ones aside)' })
  measures: number;

  @Res.int({ description: '已完成: signed off (销号), in 回头看 or 办结' })
  done: number;

  @Res.int({ description: '持续推进: 长期坚持 measures whose periodic report is on time' })
  ongoing: number;

  @Res.int({ description: '未完成: the rest' })
  open: number;

  @Res.int({ description: '作废: voided, in no other figure' })
  voided: number;

  @Res.int({ description: '领办: measures a leader claimed' })
  claimed: number;

  @Res.number({ description: '完成率: done / measures, 0 with no measures' })
  completionRate: number;

  @Res.int({ description: '办结: past the look-back' })
  closed: number;

  @Res.int({ description: '销号 at least once' })
  signedOff: number;

  @Res.int()
  red: number;

  @Res.int()
  yellow: number;

  @Res.int({ description: 'open and escalated' })
  escalated: number;

  @Res.number({ description: 'signedOff / measures, 0 with no measures' })
  signOffRate: number;

  @Res.int({ description: '督办单 issued on these measures (each supervise action)' })
  supervisionIssued: number;

  @Res.int({
    description: '督办单 not yet closed by the supervisor (open, answered or sent back): GET /measures?supervised=true',
  })
  supervisionOpen: number;
}

/** Measures of one section and category (empty strings where the problem has none). */
export class DashboardSectionResponse {
  @Res.text()
  number: string;

  @Res.text()
  title: string;

  @Res.text()
  categoryNumber: string;

  @Res.text()
  categoryTitle: string;

  @Res.int()
  total: number;

  @Res.int({ description: '已完成 (销号)' })
  done: number;

  @Res.int()
  closed: number;

  @Res.int()
  signedOff: number;
}

export class DashboardDepartmentResponse {
  @Res.id()
  id: string;

  @Res.text()
  name: string;

  @Res.int()
  total: number;

  @Res.int({ description: '已完成 (销号)' })
  done: number;

  @Res.int()
  closed: number;

  @Res.int({ description: 'red (past the stage due date)' })
  overdue: number;
}

export class DashboardOverdueResponse {
  @Res.id()
  id: string;

  @Res.text()
  text: string;

  @Res.enum(STAGES, 'Stage')
  stage: string;

  @Res.dateTime({ nullable: true })
  stageDueAt: string | null;

  @Res.int()
  escalationLevel: number;

  @Res.int()
  problemNumber: number;
}

export class DashboardTrendResponse {
  @Res.date({ description: 'a day (Asia/Shanghai)' })
  day: string;

  @Res.int({ description: 'measures signed off (销号) that day and still done' })
  done: number;

  @Res.int({ description: 'measures closed (办结) that day' })
  closed: number;

  @Res.int({ description: 'done up to and including that day' })
  cumulative: number;
}

export class DashboardEscalationResponse {
  @Res.int()
  level: number;

  @Res.int()
  count: number;
}

/** 统计. */
export class DashboardResponse {
  @Res.one(() => DashboardTotalsResponse)
  totals: DashboardTotalsResponse;

  @Res.many(() => DashboardSectionResponse)
  bySection: DashboardSectionResponse[];

  @Res.many(() => DashboardDepartmentResponse)
  byDepartment: DashboardDepartmentResponse[];

  @Res.many(() => DashboardOverdueResponse)
  overdue: DashboardOverdueResponse[];

  @Res.many(() => DashboardTrendResponse)
  trend: DashboardTrendResponse[];

  @Res.many(() => DashboardEscalationResponse)
  escalations: DashboardEscalationResponse[];

  @Res.many(() => CalendarCoverageResponse, {
    description:
      'this year and next: whether the working calendar knows their holidays (not covered: working days count weekends only — warn the office)',
  })
  calendarCoverage: CalendarCoverageResponse[];
}

export class CalendarCoverageResponse {
  @Res.int()
  year: number;

  @Res.bool()
  covered: boolean;
}

/** What the web workbench needs before sign-in. */
export class ClientConfigResponse {
  @Res.int()
  evidenceMaxBytes: number;

  @Res.text({ nullable: true })
  temporalUiUrl: string | null;
}
