import { Alert, List, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignInput } from '@rectiflow/domain/actions';
import { call, client, idempotencyKey, Schemas } from '../../api';
import { AssignForm, AssignDefaults } from '../../components/plan/AssignForm';
import type { Directory } from '../../directory';
import { failureText, outcomeText } from '../../errors';
import type { Row } from './columns';

type Outcome = Schemas['BatchResultResponse'];

/** What every selected measure shares (its lead department, its leader), for the form to start from. */
function shared(rows: Row[]): AssignDefaults {
  const one = <K extends keyof Row>(key: K) =>
    new Set(rows.map((row) => row[key])).size === 1 ? rows[0][key] : undefined;
  return {
    leadDepartmentId: one('leadDepartmentId') as string | undefined,
    responsibleLeaderId: one('responsibleLeaderId') as string | undefined,
  };
}

/**
 * 批量交办 from the ledger: the 交办 form once for the selection, one request to
 * /api/batch-actions/assign, then each measure's answer — how many were handed out, and every
 * refusal with its reason in the person's language.
 */
export function BatchAssign({
  rows: chosen,
  directory,
  onClose,
  onDone,
}: {
  rows: Row[];
  directory: Directory;
  onClose: () => void;
  /** After the batch: the ids handed out. */
  onDone: (succeeded: string[]) => void;
}) {
  const { t } = useTranslation();
  // The selection as it was opened: the ledger's selection changes once the batch is answered.
  const [rows] = useState(chosen);
  // One key per batch: sending it again (a retry after a network error) hands out none twice.
  const [key, setKey] = useState(idempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const text = new Map(rows.map((row) => [row.id, `(${row.problemNumber}) ${row.text}`]));

  const submit = async (body: AssignInput): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const answer = await call(() =>
        client.POST('/api/batch-actions/{action}', {
          params: { path: { action: 'assign' }, header: { 'Idempotency-Key': key } },
          body: { ...body, measureIds: rows.map((row) => row.id) } as Schemas['BatchActionBodyDto'],
        }),
      );
      setOutcome(answer);
      setKey(idempotencyKey());
      onDone(answer.results.filter((result) => result.ok).map((result) => result.measureId));
      return true;
    } catch (failure) {
      setError(failureText(failure, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const failures = outcome?.results.filter((result) => !result.ok) ?? [];
  return (
    <Modal open title={t('batch.title', { count: rows.length })} onCancel={onClose} footer={null} width={640}>
      <div data-testid="batch-assign">
        {outcome ? (
          <div data-testid="batch-result">
            <Result
              status={outcome.failed === 0 ? 'success' : outcome.succeeded === 0 ? 'error' : 'warning'}
              title={t('batch.summary', { succeeded: outcome.succeeded, failed: outcome.failed })}
              style={{ padding: 16 }}
            />
            {failures.length > 0 && (
              <List
                size="small"
                header={<Typography.Text strong>{t('batch.failures')}</Typography.Text>}
                dataSource={failures}
                renderItem={(result) => (
                  <List.Item data-testid="batch-failure">
                    <List.Item.Meta title={text.get(result.measureId)} description={outcomeText(result, t)} />
                  </List.Item>
                )}
              />
            )}
          </div>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {rows
                .slice(0, 5)
                .map((row) => text.get(row.id))
                .join('；')}
              {rows.length > 5 ? t('batch.more', { count: rows.length - 5 }) : ''}
            </Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                showIcon
                message={t('action.refused')}
                description={error}
                style={{ marginBottom: 12 }}
                data-testid="action-error"
              />
            )}
            <AssignForm directory={directory} defaults={shared(rows)} batch busy={busy} onSubmit={submit} />
          </>
        )}
      </div>
    </Modal>
  );
}
