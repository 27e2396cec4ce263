import { App, Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { RecordDialog, RECORD_KIND_LIST } from '../../components/records/RecordDialog';
import { failureText } from '../../errors';

/** Meetings, internal supervision, rules and campaigns: the figures of the notice's part one. */
export function Records({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [records, setRecords] = useState<Schemas['RecordResponse'][]>([]);
  const [editing, setEditing] = useState<Schemas['RecordResponse'] | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
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
  const remove = async (id: string) => {
    try {
      await call(() => client.DELETE('/api/records/{id}', { params: { path: { id } } }));
      await load();
      void message.success(t('records.deleted'));
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        name="record-new"
        layout="inline"
        onFinish={async (values: { kind: Schemas['RecordKind']; title: string; heldOn?: Dayjs }) => {
          // One record per click: a second submit while the first is on its way is ignored.
          if (adding) return;
          setAdding(true);
          try {
            const body = {
              kind: values.kind,
              title: values.title,
              ...(values.heldOn ? { heldOn: values.heldOn.format('YYYY-MM-DD') } : {}),
            };
            await call(() => client.POST('/api/inspections/{id}/records', { params, body }));
            form.resetFields();
            await load();
            void message.success(t('records.added'));
          } catch (failure) {
            void message.error(failureText(failure, t));
          } finally {
            setAdding(false);
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
            options={RECORD_KIND_LIST.map((value) => ({ value, label: t(`records.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="title" rules={[{ required: true, message: t('form.required') }]}>
          <Input placeholder={t('records.title')} aria-label={t('records.title')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="heldOn">
          <DatePicker placeholder={t('records.heldOn')} aria-label={t('records.heldOn')} />
        </Form.Item>
        <Button htmlType="submit" loading={adding} data-testid="record-new-save">
          {t('setup.add')}
        </Button>
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
          {
            title: t('records.measures'),
            dataIndex: 'measureIds',
            width: 100,
            render: (ids: string[]) => t('records.measureCount', { count: ids.length }),
          },
          {
            title: t('records.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, record: Schemas['RecordResponse']) => (
              <Space size="small">
                <Button size="small" type="link" onClick={() => setEditing(record)} data-testid="record-edit">
                  {t('records.edit')}
                </Button>
                <Popconfirm
                  title={t('records.deleteConfirm')}
                  okText={t('records.delete')}
                  cancelText={t('records.cancel')}
                  onConfirm={() => remove(record.id)}
                >
                  <Button size="small" type="link" danger data-testid="record-delete">
                    {t('records.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <RecordDialog
          record={editing}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await load();
          }}
        />
      )}
    </Space>
  );
}
