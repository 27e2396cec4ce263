import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { List, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { outcomeText } from '../../errors';

export type Outcome = Schemas['BatchResultResponse'];
export type OutcomeItem = Outcome['results'][number];

/**
 * A batch's answer: how many succeeded, then every measure with its own result — what was done, or
 * the refusal with its reason in the person's language.
 */
export function BatchOutcomes({
  outcome,
  label,
  done,
}: {
  outcome: Outcome;
  /** The measure as the person knows it, e.g. '(3) 建立长效机制'. */
  label: (measureId: string) => string;
  /** What was done to a measure that succeeded. */
  done: (result: OutcomeItem) => string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="batch-result">
      <Result
        status={outcome.failed === 0 ? 'success' : outcome.succeeded === 0 ? 'error' : 'warning'}
        title={t('batch.summary', { succeeded: outcome.succeeded, failed: outcome.failed })}
        style={{ padding: 16 }}
      />
      <List
        size="small"
        header={<Typography.Text strong>{t('batch.outcomes')}</Typography.Text>}
        dataSource={outcome.results}
        renderItem={(result) => (
          <List.Item data-testid="batch-outcome" data-ok={String(result.ok)}>
            <List.Item.Meta
              avatar={
                result.ok ? (
                  <CheckCircleFilled style={{ color: '#389e0d' }} />
                ) : (
                  <CloseCircleFilled style={{ color: '#cf1322' }} />
                )
              }
              title={label(result.measureId)}
              description={
                result.ok
                  ? done(result)
                  : t('batch.failed', { reason: outcomeText(result, t), interpolation: { escapeValue: false } })
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
