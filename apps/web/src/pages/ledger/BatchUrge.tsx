import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, idempotencyKey, Schemas } from '../../api';
import { failureText } from '../../errors';
import { BatchOutcomes, Outcome } from './BatchOutcomes';
import type { Row } from './columns';

/** A measure as a batch names it: its problem's number and its text. */
export const rowLabel = (row: Row) => `(${row.problemNumber}) ${row.text}`;

/**
 * 批量催办 from the ledger: one message for the selection, one request to /api/batch-actions/urge,
 * then each measure's answer.
 */
export function BatchUrge({
  rows: chosen,
  onClose,
  onDone,
}: {
  rows: Row[];
  onClose: () => void;
  /** After the batch: the ids urged. */
  onDone: (succeeded: string[]) => void;
}) {
  const { t } = useTranslation();
  const [rows] = useState(chosen);
  // One key per batch: sending it again after a network error urges none twice.
  const [key] = useState(idempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const labels = new Map(rows.map((row) => [row.id, rowLabel(row)]));

  const submit = async ({ message }: { message: string }) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await call(() =>
        client.POST('/api/batch-actions/{action}', {
          params: { path: { action: 'urge' }, header: { 'Idempotency-Key': key } },
          body: { measureIds: rows.map((row) => row.id), message: message.trim() } as Schemas['BatchActionBodyDto'],
        }),
      );
      setOutcome(answer);
      onDone(answer.results.filter((result) => result.ok).map((result) => result.measureId));
    } catch (failure) {
      setError(failureText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('batch.urgeTitle', { count: rows.length })} onCancel={onClose} footer={null} width={640}>
      <div data-testid="batch-urge">
        {outcome ? (
          <BatchOutcomes outcome={outcome} label={(id) => labels.get(id) ?? id} done={() => t('batch.urged')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {rows.slice(0, 5).map(rowLabel).join('；')}
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
            <Form layout="vertical" onFinish={submit}>
              <Form.Item
                name="message"
                label={t('batch.urgeMessage')}
                rules={[{ required: true, whitespace: true, message: t('batch.urgeRequired') }]}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={2000}
                  placeholder={t('batch.urgePlaceholder')}
                  data-testid="urge-message"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-urge">
                {t('batch.urgeSubmit')}
              </Button>
            </Form>
          </>
        )}
      </div>
    </Modal>
  );
}
