import { Alert, App, Button, Card, DatePicker, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { failureText } from '../../errors';
import { formatDate } from '../format';

type Kind = Schemas['CreateRecordDto']['kind'];
const KINDS: Kind[] = ['meeting', 'supervision', 'rule', 'campaign'];

/**
 * The records (调度会议, 内部督查, 建章立制, 专项整治) linked to this measure, for those who may read them
 * (the office, reviewers, the group head, the supervisor); the office adds one linked to it here.
 * The API has no call to edit a record or link an existing one, so neither is offered.
 */
export function RecordsCard({ measure, canAdd }: { measure: Schemas['MeasureDetailResponse']; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [records, setRecords] = useState<Schemas['RecordResponse'][] | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ kind: Kind; title: string; heldOn?: Dayjs }>();
  const inspectionId = measure.inspectionId;

  const load = useCallback(async () => {
    try {
      const all = await call(() =>
        client.GET('/api/inspections/{id}/records', { params: { path: { id: inspectionId } } }),
      );
      setRecords(all.filter((record) => record.measureIds.includes(measure.id)));
    } catch {
      // Not a reader of this inspection's records: the card stays away.
      setRecords(null);
    }
  }, [inspectionId, measure.id]);
  useEffect(() => void load(), [load]);

  const save = async (values: { kind: Kind; title: string; heldOn?: Dayjs }) => {
    setError(null);
    try {
      await call(() =>
        client.POST('/api/inspections/{id}/records', {
          params: { path: { id: inspectionId } },
          body: {
            kind: values.kind,
            title: values.title.trim(),
            ...(values.heldOn ? { heldOn: values.heldOn.format('YYYY-MM-DD') } : {}),
            measureIds: [measure.id],
          },
        }),
      );
      void message.success(t('measureRecords.saved'));
      form.resetFields();
      setAdding(false);
      await load();
    } catch (failure) {
      setError(failureText(failure, t));
    }
  };

  if (records === null) return null;
  return (
    <Card
      size="small"
      title={t('measureRecords.title')}
      data-testid="measure-records"
      extra={
        canAdd && (
          <Button size="small" onClick={() => setAdding(!adding)} data-testid="record-add">
            {t('measureRecords.add')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={records}
        locale={{ emptyText: t('measureRecords.none') }}
        renderItem={(record) => (
          <List.Item data-testid="measure-record">
            <Space wrap>
              <Tag>{t(`records.${record.kind}`)}</Tag>
              <span>{record.title}</span>
              {record.heldOn && <Typography.Text type="secondary">{formatDate(record.heldOn)}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {adding && (
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ kind: 'meeting' }}
          style={{ marginTop: 8 }}
        >
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
          <Form.Item name="kind" label={t('records.kind')}>
            <Select options={KINDS.map((kind) => ({ value: kind, label: t(`records.${kind}`) }))} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('records.title')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input maxLength={300} data-testid="record-title" />
          </Form.Item>
          <Form.Item name="heldOn" label={t('records.heldOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('measureRecords.noEdit')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" data-testid="record-save">
            {t('measureRecords.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
