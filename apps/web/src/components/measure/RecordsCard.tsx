import { Alert, App, Button, Card, Form, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { failureText } from '../../errors';
import { formatDate } from '../format';
import { RecordDialog, RecordFields } from '../records/RecordDialog';

type Kind = Schemas['RecordKind'];
type RecordRow = Schemas['RecordResponse'];

/**
 * The records (调度会议, 内部督查, 建章立制, 专项整治) linked to this measure, for those who may read them
 * (the office, reviewers, the group head, the supervisor). The office adds one linked to it, links an
 * existing one, corrects one or takes this measure off it here.
 */
export function RecordsCard({ measure, canAdd }: { measure: Schemas['MeasureDetailResponse']; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [records, setRecords] = useState<RecordRow[] | null>(null);
  const [others, setOthers] = useState<RecordRow[]>([]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<RecordRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ kind: Kind; title: string; heldOn?: Dayjs }>();
  const inspectionId = measure.inspectionId;

  const load = useCallback(async () => {
    try {
      const all = await call(() =>
        client.GET('/api/inspections/{id}/records', { params: { path: { id: inspectionId } } }),
      );
      setRecords(all.filter((record) => record.measureIds.includes(measure.id)));
      setOthers(all.filter((record) => !record.measureIds.includes(measure.id)));
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

  // Linking and unlinking send the record's whole list of measures, with or without this one.
  const relink = async (record: RecordRow, linked: boolean) => {
    setError(null);
    const measureIds = linked
      ? [...record.measureIds, measure.id]
      : record.measureIds.filter((id) => id !== measure.id);
    try {
      await call(() =>
        client.PATCH('/api/records/{id}', { params: { path: { id: record.id } }, body: { measureIds } }),
      );
      // The list first, then the message: when it says so, the page shows it.
      await load();
      void message.success(t(linked ? 'measureRecords.linked' : 'measureRecords.unlinked'));
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
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
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
              {canAdd && (
                <>
                  <Button size="small" type="link" onClick={() => setEditing(record)} data-testid="measure-record-edit">
                    {t('records.edit')}
                  </Button>
                  <Popconfirm
                    title={t('measureRecords.unlinkConfirm')}
                    okText={t('measureRecords.unlink')}
                    cancelText={t('records.cancel')}
                    onConfirm={() => relink(record, false)}
                  >
                    <Button size="small" type="link" danger data-testid="measure-record-unlink">
                      {t('measureRecords.unlink')}
                    </Button>
                  </Popconfirm>
                </>
              )}
            </Space>
          </List.Item>
        )}
      />
      {canAdd && others.length > 0 && (
        <Select
          style={{ width: '100%', marginTop: 8 }}
          showSearch
          optionFilterProp="label"
          value={null}
          placeholder={t('measureRecords.linkExisting')}
          aria-label={t('measureRecords.linkExisting')}
          data-testid="measure-record-link"
          options={others.map((record) => ({
            value: record.id,
            label: `${t(`records.${record.kind}`)} · ${record.title}${record.heldOn ? ` · ${formatDate(record.heldOn)}` : ''}`,
          }))}
          onChange={(id: string | null) => {
            const record = others.find((other) => other.id === id);
            if (record) void relink(record, true);
          }}
        />
      )}
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
      {adding && (
        <Form
          name="record-add"
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ kind: 'meeting' }}
          style={{ marginTop: 8 }}
        >
          <RecordFields titleTestId="record-title" />
          <Button type="primary" htmlType="submit" data-testid="record-save">
            {t('measureRecords.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
