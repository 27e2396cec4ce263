/** The narrative a new 整改报告 starts with, written from the inspection; the office edits it from there. */
import { chineseDay, ReportNarrative } from '@rectiflow/documents';
import {
  DEFAULT_POLICY,
  INSPECTION_KIND_LABELS,
  reportDue,
  ReportDue,
  reportUsesWorkingDays,
  TimerPolicy,
  weekendsOnlyCalendar,
} from '@rectiflow/domain';
import { CalendarRepository, InspectionEntity, readWorkingCalendar } from '@rectiflow/persistence';

/**
 * 报送时限: the policy's reportWithin (default P2M, may be working days) after the feedback day, when
 * the inspection has one; working days on the working calendar as it stands.
 */
export async function reportDueOf(
  inspection: Pick<InspectionEntity, 'feedbackOn' | 'policy'>,
  calendars: CalendarRepository,
): Promise<ReportDue | null> {
  if (!inspection.feedbackOn) return null;
  const policy: TimerPolicy = { ...DEFAULT_POLICY, ...(inspection.policy ?? {}) };
  const year = Number(inspection.feedbackOn.slice(0, 4));
  const calendar = reportUsesWorkingDays(policy)
    ? await readWorkingCalendar(calendars, `${year - 1}-01-01`, `${year + 5}-12-31`)
    : weekendsOnlyCalendar();
  return reportDue(inspection.feedbackOn, policy, calendar);
}

export function defaultReportNarrative(inspection: InspectionEntity): ReportNarrative {
  const kind = INSPECTION_KIND_LABELS[inspection.kind];
  const unit = inspection.inspectedUnit;
  const feedback = chineseDay(inspection.feedbackOn);
  return {
    title: `${unit}关于${kind}整改情况的报告`,
    addressee: inspection.inspectingBody,
    opening:
      `${feedback ? `${feedback},` : ''}${inspection.inspectingBody}向${unit}反馈了${kind}意见。` +
      `${unit}坚持把${kind}整改作为重大政治任务,逐条制定整改措施,实行整改销号闭环管理。现将整改情况报告如下。`,
    overall: {
      title: '总体情况',
      paragraphs: [
        '对反馈的{problems}个具体问题制定{measures}项整改措施。截至目前,已完成{doneMeasures}项,持续推进{ongoingMeasures}项,未完成{openMeasures}项,完成率{completionRate};{closedProblems}个问题已整改销号。',
      ],
    },
    nextSteps: {
      title: '下一步打算',
      paragraphs: [
        '(一)对尚未完成的{openMeasures}项措施,紧盯不放、挂图作战,确保按时限完成并对账销号。',
        '(二)对需要长期坚持的{ongoingMeasures}项措施,定期调度、持续推进,按期报告进展。',
        '(三)对已完成的措施适时开展“回头看”,巩固整改成效,防止问题反弹。',
      ],
    },
    signer: unit,
    date: '',
  };
}
