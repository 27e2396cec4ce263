import { Alert, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { formatDateTime } from '../format';

/**
 * 配合反馈 of the current round, as the lead department sees it before submitting: each cooperating
 * department with its part (words, files) or marked missing; missing parts do not block the submission.
 */
export function Cooperation({
  measure,
  evidence,
  people,
  departments,
}: {
  measure: Schemas['MeasureDetailResponse'];
  evidence: Schemas['EvidenceResponse'][];
  people: Record<string, string>;
  /** Department names by id (the measure's names list is not in the order of its ids). */
  departments: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (measure.cooperatingDepartmentIds.length === 0) return null;
  const names = new Map(evidence.map((item) => [item.id, item.fileName]));
  const parts = measure.contributions.filter((item) => item.round === measure.round);
  const rows = measure.cooperatingDepartmentIds.map((id) => ({
    id,
    name: departments[id] ?? '',
    part: parts.find((item) => item.departmentId === id) ?? null,
  }));
  const missing = rows.filter((row) => !row.part).length;
  return (
    <Card size="small" title={t('coop.title', { round: measure.round })} data-testid="cooperation">
      <List
        size="small"
        dataSource={rows}
        renderItem={(row) => (
          <List.Item data-testid={`coop-${row.part ? 'given' : 'missing'}`}>
            <List.Item.Meta
              title={
                <span>
                  {row.name}{' '}
                  {row.part ? (
                    <Tag color="green">{t('coop.given')}</Tag>
                  ) : (
                    <Tag color="orange">{t('coop.missing')}</Tag>
                  )}
                </span>
              }
              description={
                row.part && (
                  <div>
                    <div>{row.part.summary}</div>
                    {row.part.evidenceIds.length > 0 && (
                      <div>{row.part.evidenceIds.map((id) => names.get(id) ?? id).join('、')}</div>
                    )}
                    <Typography.Text type="secondary">
                      {people[row.part.by] ?? ''} · {formatDateTime(row.part.at)}
                    </Typography.Text>
                  </div>
                )
              }
            />
          </List.Item>
        )}
      />
      {missing > 0 && measure.allowedActions.includes('submit_evidence') && (
        <Alert type="info" showIcon message={t('coop.missingNote')} />
      )}
    </Card>
  );
}
