/** The narrative a new notice starts with, written from the inspection; the office edits it from there. */
import type { NoticeContent } from '@rectiflow/documents';
import { INSPECTION_KIND_LABELS } from '@rectiflow/domain';
import type { InspectionEntity } from '@rectiflow/persistence';

/** The office-edited parts of a notice: everything but the live problem sections. */
export type Narrative = Omit<NoticeContent, 'sections'>;

/** Dates stored as YYYY-MM-DD, written as 2024年4月19日. */
function chineseDay(day: string | null): string | null {
  if (!day) return null;
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** Parts 一 and 三 in the usual wording, with {placeholders} for the live figures. */
export function defaultNarrative(inspection: InspectionEntity): Narrative {
  const kind = INSPECTION_KIND_LABELS[inspection.kind];
  const started = chineseDay(inspection.startedOn);
  const ended = chineseDay(inspection.endedOn);
  const feedback = chineseDay(inspection.feedbackOn);
  const visit = started
    ? `${started}${ended ? `至${ended}` : '起'},${inspection.inspectingBody}对${inspection.inspectedUnit}进行了${kind}。`
    : `${inspection.inspectingBody}对${inspection.inspectedUnit}进行了${kind}。`;
  const handover = feedback
    ? `${feedback},${inspection.inspectingBody}向${inspection.inspectedUnit}反馈了${kind}意见。`
    : '';
  return {
    title: `${inspection.inspectedUnit}关于${kind}整改进展情况的通报`,
    opening: `${visit}${handover}按照${kind}工作有关要求,现将${kind}整改进展情况予以公布。`,
    part1: {
      title: `提高政治站位,坚决扛起${kind}整改政治责任`,
      paragraphs: [
        `一是加强组织领导。成立整改工作领导小组,认真制定整改方案和整改任务清单,定期研究调度整改工作,领导同志带头认领重大整改任务{claimedMeasures}项,共召开整改工作专题会议、调度会议{meetings}次,开展内部督查{supervisions}次。`,
        `二是压紧压实责任,推动整改落实。对反馈的{problems}个具体问题制定{measures}项整改措施并实行整改销号闭环管理,目前已完成整改措施{closedMeasures}项,{closedProblems}个问题已整改销号,{ongoingMeasures}项措施持续推进。`,
        `三是聚焦成果转化,强化建章立制。坚持把解决问题和建章立制结合起来,从根本上防止问题反复。目前,已建立和完善相关制度{rules}个,开展专项整治{campaigns}个。`,
      ],
    },
    part3: {
      title: `注重成果转化,巩固提升${kind}整改实际成效`,
      paragraphs: [
        `(一)进一步提高政治站位。对已完成问题,及时组织“回头看”,防止问题反弹;对尚未完成问题,紧盯不放、持续跟进、对账销号。`,
        `(二)进一步健全长效机制。聚焦反馈的突出问题,深挖问题根源,有针对性地完善制度机制,做到解决一个问题、堵塞一批漏洞、规范一批制度。`,
        `(三)进一步推进成果转化。把${kind}整改与统筹推进各项工作相结合,切实把整改成果转化为改进作风、提升能力、推进工作的具体成效。`,
      ],
    },
    closingCall: `欢迎广大干部群众对${kind}整改落实情况进行监督。如有意见建议,请及时向我们反映。`,
    contact: {},
    signer: inspection.inspectedUnit,
    date: '',
  };
}
