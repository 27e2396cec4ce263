import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api';
import { formatDate } from './format';

/** A measure's problem, owners, 交办要求 and deadlines; 原定时限 beside 调整后时限 once the deadline was changed. */
export function MeasureDetails({ measure, ladder }: { measure: Schemas['MeasureDetailResponse']; ladder: string }) {
  const { t } = useTranslation();
  const moved = measure.originalDueAt !== null && formatDate(measure.originalDueAt) !== formatDate(measure.dueAt);
  return (
    <Descriptions column={1} size="small" data-testid="measure-details">
      <Descriptions.Item label={t('measure.problem')}>
        {/* One block: the item's content is an inline flex row, which set the ladder and the title side by side. */}
        <div>
          {ladder && <div>{ladder}</div>}
          <div>
            ({measure.problem.number}) {measure.problem.title}
          </div>
        </div>
      </Descriptions.Item>
      <Descriptions.Item label={t('measure.leadDepartment')}>{measure.leadDepartmentName}</Descriptions.Item>
      {measure.assigneeName && (
        <Descriptions.Item label={t('measure.assignee')}>
          <span data-testid="measure-assignee">{measure.assigneeName}</span>
        </Descriptions.Item>
      )}
      {measure.cooperatingDepartmentNames.length > 0 && (
        <Descriptions.Item label={t('measure.cooperatingDepartments')}>
          {measure.cooperatingDepartmentNames.join('、')}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('measure.leader')}>{measure.responsibleLeaderName}</Descriptions.Item>
      {measure.coLeaderNames.length > 0 && (
        <Descriptions.Item label={t('measure.coLeaders')}>{measure.coLeaderNames.join('、')}</Descriptions.Item>
      )}
      {measure.instructions && (
        <Descriptions.Item label={t('field.instructions')}>
          <span data-testid="measure-instructions" style={{ whiteSpace: 'pre-wrap' }}>
            {measure.instructions}
          </span>
        </Descriptions.Item>
      )}
      {moved ? (
        <>
          <Descriptions.Item label={t('measure.originalDueAt')}>
            <span data-testid="measure-original-due">{formatDate(measure.originalDueAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('measure.changedDueAt')}>
            <span data-testid="measure-due">{formatDate(measure.dueAt)}</span>
          </Descriptions.Item>
        </>
      ) : (
        <Descriptions.Item label={measure.dueOnAssign ? t('measure.provisionalDueAt') : t('measure.dueAt')}>
          <span data-testid="measure-due">{formatDate(measure.dueAt)}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('measure.stageDueAt')}>{formatDate(measure.stageDueAt)}</Descriptions.Item>
      {measure.latestProgress && (
        <Descriptions.Item label={t('measure.latestProgress')}>{measure.latestProgress}</Descriptions.Item>
      )}
      {measure.workflowUrl && (
        <Descriptions.Item label={t('measure.workflow')}>
          <a href={measure.workflowUrl} target="_blank" rel="noreferrer">
            {t('measure.openInTemporal')}
          </a>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
