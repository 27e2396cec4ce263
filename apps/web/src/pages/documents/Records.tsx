import { App, Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { failureText } from '../../errors';

// Every kind the document names, and no other (the compiler checks both ways).
const KINDS: Record<Schemas['RecordKind'], true> = { meeting: true, supervision: true, rule: true, campaign: true };

/** Meetings, internal supervision, rules and campaigns: the figures of the notice's part one. */
export function Records({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [records, setRecords] = useState<Schemas['RecordResponse'][]>([]);
  const params = { path: { id: inspectionId } };
  const load = useCallback(
    () =>
      call(() => client.GET('/api/inspections/{id}/records', { params: { path: { id: inspectionId } } })).then(
        setRecords,
      ),
    [inspectionId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form
        layout="inline"
        onFinish={async (values: { kind: Schemas['RecordKind']; title: string; heldOn?: Dayjs }) => {
          try {
            const body = {
              kind: values.kind,
              title: values.title,
              ...(values.heldOn ? { heldOn: values.heldOn.format('YYYY-MM-DD') } : {}),
            };
            await call(() => client.POST('/api/inspections/{id}/records', { params, body }));
            void load();
          } catch (failure) {
            void message.error(failureText(failure, t));
          }
        }}
      >
        {/* required={false}: antd would put aria-required on the select's box too (a div, where ARIA forbids it); the rule still refuses an empty kind. */}
        <Form.Item name="kind" required={false} rules={[{ required: true, message: t('form.required') }]}>
          {/* The placeholders are the only visible labels, and they are gone once a value is chosen. */}
          <Select
            style={{ width: 140 }}
            placeholder={t('records.kind')}
            aria-label={t('records.kind')}
            options={Object.keys(KINDS).map((value) => ({ value, label: t(`records.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="title" rules={[{ required: true, message: t('form.required') }]}>
          <Input placeholder={t('records.title')} aria-label={t('records.title')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="heldOn">
          <DatePicker placeholder={t('records.heldOn')} aria-label={t('records.heldOn')} />
        </Form.Item>
        <Button htmlType="submit">{t('setup.add')}</Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        dataSource={records}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('records.kind'), dataIndex: 'kind', width: 120, render: (kind: string) => t(`records.${kind}`) },
          { title: t('records.title'), dataIndex: 'title' },
          { title: t('records.heldOn'), dataIndex: 'heldOn', width: 120 },
        ]}
      />
    </Space>
  );
}
