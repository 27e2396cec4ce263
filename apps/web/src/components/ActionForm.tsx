import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_FORMS, ActionName, textRequired } from '@rectiflow/domain/actions';
import { call, client, idempotencyKey, Schemas } from '../api';
import { failureText, isStale } from '../errors';
import { formatDate } from './format';

type Measure = Schemas['MeasureDetailResponse'];
type Evidence = Schemas['EvidenceResponse'];

const DATE_LABELS = {
  requestedDueAt: 'extension.requestedDueAt',
  newDueAt: 'lookBack.newDueAt',
  dueAt: 'field.dueAt',
} as const;

/** What an action's success says ("已提交，待审核"), in the person's language. */
export function resultText(action: ActionName, t: TFunction): string {
  return t(`result.${action}`, { defaultValue: t('action.done', { action: t(`action.${action}`) }) });
}

/**
 * The form of one action, laid out by the domain's table (ACTION_FORMS): the decision and its two
 * answers, a day, evidence files, and the person's words, required where the server requires them.
 * `context` goes above the fields (what a reviewer decides on); `evidence` is what may be picked,
 * `preselected` what is ticked at first. A refusal that says the page was stale (the stage moved on)
 * reloads the page's allowed actions, with the refusal kept on screen.
 */
export function ActionForm({
  action,
  measure,
  evidence,
  preselected,
  context,
  bare = false,
  onDone,
}: {
  action: ActionName;
  measure: Measure;
  evidence: Evidence[];
  preselected?: string[];
  context?: ReactNode;
  /** Without its own card (inside the clerk's tabs). */
  bare?: boolean;
  onDone: (result: string | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const answer = Form.useWatch('decision', form);
  // One key per request: a double click or a retry after a network error never acts twice, and after
  // a success the form starts a new request (a second 督办 is a new action, not a repeat of the first).
  const [key, setKey] = useState(idempotencyKey);
  const shape = ACTION_FORMS[action];
  const refusing = shape.decision !== null && answer === shape.decision.answers[1];

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = { ...values };
    if (shape.date && values[shape.date.field])
      body[shape.date.field] = (values[shape.date.field] as Dayjs).endOf('day').toISOString();
    // The radio group always answers in `decision`; decide_extension sends approve (true/false), look-back its result.
    if (shape.decision && shape.decision.field !== 'decision') {
      body[shape.decision.field] =
        shape.decision.field === 'approve' ? values.decision === shape.decision.answers[0] : values.decision;
      delete body.decision;
    }
    try {
      const result = await call(() =>
        client.POST('/api/measures/{id}/actions/{action}', {
          params: {
            path: { id: measure.id, action: action as Schemas['ActionName'] },
            header: { 'Idempotency-Key': key },
          },
          body: body as Schemas['ActionBodyDto'],
        }),
      );
      // Done, but the server saw something the office should know (e.g. a leader in his own lead department).
      for (const warning of result.warnings ?? [])
        void message.warning({ content: t(`warning.${warning.code}`, warning), duration: 10 });
      void message.success(resultText(action, t));
      form.resetFields();
      setKey(idempotencyKey());
      onDone(resultText(action, t));
    } catch (failure) {
      const text = failureText(failure, t);
      setError(text);
      // The form was stale (another person acted first): the page reloads what may be done now.
      if (isStale(failure)) onDone(`${t('action.refused')}：${text} ${t('refusal.refreshed')}`);
    } finally {
      setBusy(false);
    }
  };

  const body = (
    <>
      {context}
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
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          shape.decision
            ? { decision: shape.decision.answers[0] }
            : { evidenceIds: preselected ?? evidence.map((item) => item.id) }
        }
      >
        {shape.decision && (
          <Form.Item name="decision">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={shape.decision.answers.map((value) => ({ value, label: t(`decision.${value}`) }))}
              data-testid="decision"
            />
          </Form.Item>
        )}
        {shape.evidence && (
          <Form.Item
            name="evidenceIds"
            label={t('evidence.choose')}
            rules={
              shape.evidence === 'required'
                ? [{ required: true, type: 'array', min: 1, message: t('evidence.required') }]
                : []
            }
          >
            <SelectEvidence evidence={evidence} />
          </Form.Item>
        )}
        {shape.date && (!shape.date.refusal || refusing) && (
          <Form.Item
            name={shape.date.field}
            label={t(DATE_LABELS[shape.date.field])}
            rules={shape.date.required ? [{ required: true, message: t('form.required') }] : []}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {shape.text && (
          <Form.Item
            name={shape.text}
            // An action may name its words itself (督办回复's text is the answer, not the measure's text).
            label={t([`fieldOf.${action}`, `field.${shape.text}`])}
            rules={[{ required: textRequired(action, refusing), whitespace: true, message: t('form.required') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid={`field-${shape.text}`} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} block data-testid={`submit-${action}`}>
          {t('action.submit', { action: t(`action.${action}`) })}
        </Button>
      </Form>
      {action === 'decide_extension' && measure.pendingExtension && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('extension.pending', {
            date: formatDate(measure.pendingExtension.requestedDueAt),
            reason: measure.pendingExtension.reason,
          })}
        </Typography.Paragraph>
      )}
    </>
  );
  return bare ? (
    <div data-testid={`action-${action}`}>{body}</div>
  ) : (
    <Card size="small" title={t(`action.${action}`)} data-testid={`action-${action}`}>
      {body}
    </Card>
  );
}

function SelectEvidence({
  evidence,
  value,
  onChange,
}: {
  evidence: Evidence[];
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  if (evidence.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="evidence-none-yet">
        {t('clerk.noFile')}
      </Typography.Text>
    );
  return (
    <Space direction="vertical" data-testid="evidence-choice">
      {evidence.map((item) => (
        <label key={item.id}>
          <input
            type="checkbox"
            checked={value?.includes(item.id) ?? false}
            onChange={(event) =>
              onChange?.(
                event.target.checked ? [...(value ?? []), item.id] : (value ?? []).filter((id) => id !== item.id),
              )
            }
          />{' '}
          {item.fileName}
        </label>
      ))}
    </Space>
  );
}
