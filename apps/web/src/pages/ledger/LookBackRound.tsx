import { Alert, Button, DatePicker, Input, List, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, idempotencyKey, Schemas } from '../../api';
import { failureText } from '../../errors';
import { BatchOutcomes, Outcome } from './BatchOutcomes';
import { rowLabel } from './BatchUrge';
import type { Row } from './columns';

type Item = Schemas['LookBackItemDto'] & { due?: Dayjs | null };

/**
 * A 回头看 round over the selected measures: each holds (办结) or rebounds (back to 整改, with a note
 * and perhaps a new deadline), in one form and one request to /api/look-back-rounds; then each
 * measure's answer.
 */
export function LookBackRound({
  rows: chosen,
  onClose,
  onDone,
}: {
  rows: Row[];
  onClose: () => void;
  /** After the round: the ids recorded. */
  onDone: (succeeded: string[]) => void;
}) {
  const { t } = useTranslation();
  const [rows] = useState(chosen);
  const [key] = useState(idempotencyKey);
  const [items, setItems] = useState<Item[]>(() => chosen.map((row) => ({ measureId: row.id, result: 'holds' })));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const labels = new Map(rows.map((row) => [row.id, rowLabel(row)]));
  const sent = new Map(items.map((item) => [item.measureId, item.result]));
  const update = (index: number, change: Partial<Item>) =>
    setItems((known) => known.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const lacksNote = (item: Item) => item.result === 'rebound' && !item.note?.trim();

  const submit = async () => {
    setChecked(true);
    if (items.some(lacksNote)) return;
    setBusy(true);
    setError(null);
    try {
      const body: Schemas['LookBackRoundDto'] = {
        idempotencyKey: key,
        items: items.map(({ measureId, result, note, due }) => ({
          measureId,
          result,
          ...(note?.trim() ? { note: note.trim() } : {}),
          ...(result === 'rebound' && due ? { newDueAt: due.endOf('day').toISOString() } : {}),
        })),
      };
      const answer = await call(() => client.POST('/api/look-back-rounds', { body }));
      setOutcome(answer);
      onDone(answer.results.filter((result) => result.ok).map((result) => result.measureId));
    } catch (failure) {
      setError(failureText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('lookBackRound.title', { count: rows.length })} onCancel={onClose} footer={null} width={720}>
      <div data-testid="lookback-round">
        {outcome ? (
          <BatchOutcomes
            outcome={outcome}
            label={(id) => labels.get(id) ?? id}
            done={(result) => t(`lookBackRound.${sent.get(result.measureId) ?? 'holds'}`)}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('lookBackRound.help')}</Typography.Paragraph>
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
            <List
              size="small"
              dataSource={items}
              renderItem={(item, index) => (
                <List.Item data-testid="lookback-item" style={{ display: 'block' }}>
                  <Typography.Text strong>{labels.get(item.measureId)}</Typography.Text>
                  <Space wrap style={{ marginTop: 8, width: '100%' }}>
                    <Radio.Group
                      value={item.result}
                      onChange={(event) => update(index, { result: event.target.value as Item['result'] })}
                      optionType="button"
                      options={[
                        { value: 'holds', label: t('decision.holds') },
                        { value: 'rebound', label: t('decision.rebound') },
                      ]}
                    />
                    <Input
                      value={item.note ?? ''}
                      onChange={(event) => update(index, { note: event.target.value })}
                      placeholder={t('lookBackRound.note')}
                      maxLength={2000}
                      status={checked && lacksNote(item) ? 'error' : undefined}
                      style={{ width: 260 }}
                      data-testid="lookback-note"
                    />
                    {item.result === 'rebound' && (
                      <DatePicker
                        value={item.due ?? null}
                        onChange={(due) => update(index, { due })}
                        placeholder={t('lookBackRound.newDueAt')}
                        style={{ width: 200 }}
                      />
                    )}
                  </Space>
                  {checked && lacksNote(item) && (
                    <Typography.Text type="danger" style={{ display: 'block' }}>
                      {t('lookBackRound.noteRequired')}
                    </Typography.Text>
                  )}
                </List.Item>
              )}
            />
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="submit-lookback">
              {t('lookBackRound.submit')}
            </Button>
          </>
        )}
      </div>
    </Modal>
  );
}
