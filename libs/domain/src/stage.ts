/** The stages of one measure's life, in order (domain.md: 交办 → 整改 → 审核 → 销号 → 回头看 → 办结). */
export const STAGES = ['assign', 'rectify', 'review', 'signoff', 'lookback', 'closed', 'voided'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  assign: '交办',
  rectify: '整改',
  review: '审核',
  signoff: '销号',
  lookback: '回头看',
  closed: '办结',
  voided: '已作废',
};

/** 立行立改 immediate, 限期整改 by a deadline, 长期坚持 ongoing (periodic reports, no single closure). */
export const MEASURE_KINDS = ['immediate', 'deadline', 'ongoing'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  immediate: '立行立改',
  deadline: '限期整改',
  ongoing: '长期坚持',
};

export const INSPECTION_KINDS = ['xunshi', 'xuncha', 'audit', 'supervision'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  xunshi: '巡视',
  xuncha: '巡察',
  audit: '审计',
  supervision: '督查',
};

/** Roles a person holds for a whole inspection; measure-level roles are derived (see roles.ts). */
export const INSPECTION_ROLES = ['office', 'reviewer', 'group_head', 'supervisor'] as const;
export type InspectionRole = (typeof INSPECTION_ROLES)[number];

export const COLOURS = ['green', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

export function isOpenStage(stage: Stage): boolean {
  return stage !== 'closed' && stage !== 'voided';
}

/** Stages a measure's workflow ends in: 办结, or 作废 (voided by the office: it leaves every count). */
export const FINAL_STAGES: readonly Stage[] = ['closed', 'voided'];
