import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { progressOf } from '@rectiflow/domain/progress';
import type { MeasureKind, Stage } from '@rectiflow/domain/stage';
import type { Schemas } from '../../api';
import { ColourTag } from '../ColourTag';
import { formatDateTime } from '../format';

/** "已升级(4级)：督办单": the level and what it means, with the whole ladder on hover. */
export function EscalationTag({ level }: { level: number }) {
  const { t } = useTranslation();
  if (level <= 0) return null;
  return (
    <Tooltip title={t('escalationWords.legend')}>
      <Tag color="red" data-testid="measure-escalation">
        {t('escalationWords.level', { level, words: t(`escalation.${level}`, { defaultValue: '' }) })}
      </Tag>
    </Tooltip>
  );
}

/** The measure's text and its tags: kind, light, stage, round, 完成情况 (the domain's rule), 领办, escalation. */
export function MeasureHeader({ measure }: { measure: Schemas['MeasureDetailResponse'] }) {
  const { t } = useTranslation();
  const voided = measure.stage === 'voided';
  const progress = progressOf(
    { stage: measure.stage as Stage, kind: measure.kind as MeasureKind, stageDueAt: measure.stageDueAt },
    new Date(),
  );
  return (
    <>
      <Typography.Title level={4} data-testid="measure-text" delete={voided} type={voided ? 'secondary' : undefined}>
        {measure.text}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{t(`kind.${measure.kind}`)}</Tag>
        <ColourTag colour={measure.colour} />
        <Tag color={voided ? 'default' : 'blue'} data-testid="measure-stage">
          {t(`stage.${measure.stage}`)}
        </Tag>
        <Tag>{t('measure.round', { round: measure.round })}</Tag>
        {progress && (
          <Tag
            color={progress === 'done' ? 'green' : progress === 'ongoing' ? 'cyan' : 'default'}
            data-testid="measure-progress"
          >
            {t('progressOf.tag', { progress: t(`progress.${progress}`) })}
          </Tag>
        )}
        {measure.claimedBy && (
          <Tag color="purple" data-testid="measure-claimed">
            {t('claim.by', { name: measure.claimedByName ?? '', at: formatDateTime(measure.claimedAt) })}
          </Tag>
        )}
        <EscalationTag level={measure.escalationLevel} />
      </Space>
    </>
  );
}
