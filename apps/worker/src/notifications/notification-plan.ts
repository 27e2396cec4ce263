/** Who hears about each workflow event, and what they are told (Chinese: it is what users read). */
import { ACTION_LABELS, ActionName, MeasureState, STAGE_LABELS } from '@rectiflow/domain';
import type { ProjectionEvent } from '@rectiflow/workflows/projection.types';
import { planUpkeepNotifications, sentence } from './upkeep-notifications';

export { sentence };

export type Audience =
  | 'department_staff'
  | 'submitter'
  | 'reviewers'
  | 'responsible_leader'
  | 'group_head'
  | 'supervisor'
  | 'owner'
  /** 承办人 and co-leaders: the people named on the measure besides its departments and leader. */
  | 'named_people'
  /** After 调整责任: the departments that no longer hold the measure. */
  | 'departments_released'
  /** After 调整责任: the leader and 承办人 who no longer hold it. */
  | 'people_released'
  /** The lead department alone (a cooperating department's part reached it). */
  | 'lead_department'
  /** The cooperating departments that have not given their part this round. */
  | 'cooperating_missing';

export interface PlannedNotification {
  audience: Audience;
  kind: string;
  title: string;
  body: string;
}

/** The stage owner: who must act now. */
export function ownerAudience(state: MeasureState): Audience {
  switch (state.stage) {
    case 'review':
      return 'reviewers';
    case 'signoff':
      return 'responsible_leader';
    case 'lookback':
      return 'supervisor';
    default:
      return 'department_staff';
  }
}

const LEVEL_LABELS = ['', '逾期提醒', '逾期升级至责任领导', '逾期升级至领导小组组长', '督办单'];

export function planNotifications(event: ProjectionEvent, measureText: string): PlannedNotification[] {
  const subject = measureText.length > 40 ? `${measureText.slice(0, 40)}…` : measureText;
  const due = event.state.stageDueAt ? `,时限 ${event.state.stageDueAt.slice(0, 10)}` : '';
  const detail = event.detail as Record<string, unknown>;
  const stage = STAGE_LABELS[event.state.stage];
  if (event.kind === 'timer') {
    if (event.action === 'reminder') {
      return [
        {
          audience: ownerAudience(event.state),
          kind: 'reminder',
          title: `【到期提醒】${subject}`,
          body: `整改措施“${subject}”当前处于${stage}阶段${due},请按时办理。`,
        },
      ];
    }
    if (event.action === 'supervision_overdue') {
      return [
        {
          audience: 'group_head',
          kind: 'supervision_overdue',
          title: `【督办单逾期未回复】${subject}`,
          body: `整改措施“${subject}”的督办单逾期未回复,请督促办理。`,
        },
      ];
    }
    if (event.action === 'cooperation_reminder') {
      return [
        {
          audience: 'cooperating_missing',
          kind: 'cooperation_reminder',
          title: `【配合提醒】${subject}`,
          body: `贵部门是整改措施“${subject}”的配合单位${due},请及时向牵头单位报送配合反馈。`,
        },
      ];
    }
    if (event.action === 'look_back_due') {
      return [
        {
          audience: 'supervisor',
          kind: 'look_back_due',
          title: `【回头看】${subject}`,
          body: `整改措施“${subject}”已到回头看时间${due},请组织回头看。`,
        },
      ];
    }
    if (event.action === 'escalation') {
      const level = Number(detail.level ?? 1);
      const audience = (detail.audience === 'owner' ? ownerAudience(event.state) : detail.audience) as Audience;
      return [
        {
          audience,
          kind: level >= 4 ? 'supervision_notice' : 'escalation',
          title: `【${LEVEL_LABELS[level] ?? '逾期升级'}】${subject}`,
          body: `整改措施“${subject}”在${stage}阶段已逾期${due},请督促办理。`,
        },
      ];
    }
    return [];
  }
  const action = event.action as ActionName;
  const label = ACTION_LABELS[action] ?? action;
  const instructions = detail.instructions ? `。交办要求:${sentence(detail.instructions)}` : '。';
  switch (action) {
    case 'assign':
      return [
        {
          audience: 'department_staff',
          kind: 'assignment',
          title: `【新交办】${subject}`,
          body: `整改措施“${subject}”已交办贵部门${due}${instructions}`,
        },
        {
          audience: 'responsible_leader',
          kind: 'assignment',
          title: `【新交办】${subject}`,
          body: `您是整改措施“${subject}”的责任领导${due}。`,
        },
        {
          audience: 'named_people',
          kind: 'assignment',
          title: `【新交办】${subject}`,
          body: `整改措施“${subject}”已交办${due}${instructions}`,
        },
      ];
    case 'submit_evidence':
      return [
        {
          audience: 'reviewers',
          kind: 'review_requested',
          title: `【待审核】${subject}`,
          body: `整改措施“${subject}”已提交佐证材料,请审核${due}。`,
        },
      ];
    case 'review':
      return detail.decision === 'reject'
        ? [
            {
              audience: 'submitter',
              kind: 'rejection',
              title: `【退回】${subject}`,
              body: `整改措施“${subject}”的佐证材料被退回:${sentence(detail.reason)}请补充后重新提交(第${event.round}轮)。`,
            },
          ]
        : [
            {
              audience: 'responsible_leader',
              kind: 'signoff_requested',
              title: `【待销号】${subject}`,
              body: `整改措施“${subject}”已审核通过,请销号${due}。`,
            },
          ];
    case 'sign_off':
      return detail.decision === 'return'
        ? [
            {
              audience: 'department_staff',
              kind: 'rejection',
              title: `【销号退回】${subject}`,
              body: `整改措施“${subject}”未予销号:${detail.reason ?? ''}。请继续整改(第${event.round}轮)。`,
            },
          ]
        : [];
    case 'request_extension':
      return [
        {
          audience: 'responsible_leader',
          kind: 'extension_requested',
          title: `【延期申请】${subject}`,
          body: `整改措施“${subject}”申请延期至 ${String(detail.requestedDueAt).slice(0, 10)}:${detail.reason ?? ''}。`,
        },
      ];
    case 'decide_extension':
      return [
        {
          audience: 'department_staff',
          kind: 'extension_decided',
          title: `【延期${detail.approve ? '已批准' : '未批准'}】${subject}`,
          body: `整改措施“${subject}”的延期申请${detail.approve ? '已批准' : `未批准:${detail.reason ?? ''}`}。`,
        },
      ];
    case 'record_look_back':
      return detail.result === 'rebound'
        ? [
            {
              audience: 'department_staff',
              kind: 'rebound',
              title: `【回头看发现反弹】${subject}`,
              body: `整改措施“${subject}”经回头看发现问题反弹,已重新进入整改:${detail.note ?? ''}。`,
            },
            {
              audience: 'responsible_leader',
              kind: 'rebound',
              title: `【回头看发现反弹】${subject}`,
              body: `整改措施“${subject}”经回头看发现问题反弹,已重新进入整改。`,
            },
          ]
        : [];
    case 'reassign':
    case 'change_deadline':
    case 'edit_text':
    case 'void':
      return planUpkeepNotifications(action, subject, due, detail);
    case 'reopen':
      return (['department_staff', 'responsible_leader'] as Audience[]).map((audience) => ({
        audience,
        kind: 'reopened',
        title: `【重新整改】${subject}`,
        body: `整改措施“${subject}”已办结,因问题反弹重新整改(第${event.round}轮)${due}。原因:${sentence(detail.reason)}`,
      }));
    case 'claim':
      return [
        {
          audience: 'department_staff',
          kind: 'claimed',
          title: `【领导领办】${subject}`,
          body: `整改措施“${subject}”已由领导领办${detail.note ? `:${sentence(detail.note)}` : '。'}`,
        },
      ];
    case 'contribute':
      return [
        {
          audience: 'lead_department',
          kind: 'contribution',
          title: `【配合反馈】${subject}`,
          body: `配合单位已报送整改措施“${subject}”的配合反馈:${sentence(detail.summary)}`,
        },
      ];
    case 'answer_supervision':
      return [
        {
          audience: 'supervisor',
          kind: 'supervision_answered',
          title: `【督办回复】${subject}`,
          body: `整改措施“${subject}”的督办单已回复:${sentence(detail.text)}`,
        },
      ];
    case 'close_supervision':
      return detail.decision === 'close'
        ? []
        : (['department_staff', 'responsible_leader'] as Audience[]).map((audience) => ({
            audience,
            kind: 'supervision_returned',
            title: `【督办回复退回】${subject}`,
            body: `整改措施“${subject}”的督办回复被退回,请重新回复。${detail.reason ? `原因:${sentence(detail.reason)}` : ''}`,
          }));
    case 'urge':
      return [
        {
          audience: ownerAudience(event.state),
          kind: 'urge',
          title: `【催办】${subject}`,
          body: `请抓紧办理整改措施“${subject}”${due}。${sentence(detail.message)}`,
        },
      ];
    case 'supervise':
      return (['department_staff', 'responsible_leader', 'group_head'] as Audience[]).map((audience) => ({
        audience,
        kind: 'supervision_notice',
        title: `【督办单】${subject}`,
        body: `纪工委/督查对整改措施“${subject}”发出督办:${detail.reason ?? ''}。请立即办理。`,
      }));
    default:
      return label ? [] : [];
  }
}
