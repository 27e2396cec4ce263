import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { failureText } from '../../errors';

type RecordRow = Schemas['RecordResponse'];
type Kind = Schemas['RecordKind'];
interface Values {
  kind: Kind;
  title: string;
  heldOn?: Dayjs | null;
  measureIds: string[];
}

// Every kind the document names, and no other (the compiler checks both ways).
const KIND_SET: Record<Kind, true> = { meeting: true, supervision: true, rule: true, campaign: true };
export const RECORD_KIND_LIST = Object.keys(KIND_SET) as Kind[];

// The ledger answers at most 500 a page; an inspection's plan is read in a few pages at most.
const PAGE = 500;
const MAX_PAGES = 10;

/** Every measure of the inspection as a choice "问题序号-措施序号 措施" (read once per dialog). */
function useMeasureOptions(inspectionId: string) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const all: Schemas['MeasureListItemResponse'][] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await call(() =>
          client.GET('/api/measures', {
            params: { query: { inspectionId, limit: PAGE, offset: page * PAGE, sort: 'problemNumber' } },
          }),
        );
        all.push(...answer.items);
        if (all.length >= answer.total || !answer.items.length) break;
      }
      if (!cancelled) setOptions(all.map((m) => ({ value: m.id, label: `${m.problemNumber}-${m.number} ${m.text}` })));
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [inspectionId]);
  return options;
}

/** A record's kind, title and day, as a form's items (adding one, correcting one). */
export function RecordFields({ titleTestId }: { titleTestId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="kind" label={t('records.kind')} required={false} rules={[{ required: true }]}>
        <Select options={RECORD_KIND_LIST.map((kind) => ({ value: kind, label: t(`records.${kind}`) }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('records.title')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input maxLength={300} data-testid={titleTestId} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('records.heldOn')}>
        <DatePicker style={{ width: '100%' }} allowClear />
      </Form.Item>
    </>
  );
}

/**
 * The office corrects a record (kind, title, day) and the measures it belongs to, in one PATCH of
 * what changed; a record's list of measures replaces the earlier one.
 */
export function RecordDialog({
  record,
  onClose,
  onDone,
}: {
  record: RecordRow;
  onClose: () => void;
  onDone: (saved: RecordRow) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const measures = useMeasureOptions(record.inspectionId);

  const save = async (values: Values) => {
    setError(null);
    const heldOn = values.heldOn ? values.heldOn.format('YYYY-MM-DD') : null;
    const body: Schemas['UpdateRecordDto'] = {};
    if (values.kind !== record.kind) body.kind = values.kind;
    if (values.title.trim() !== record.title) body.title = values.title.trim();
    if (heldOn !== (record.heldOn ?? null)) body.heldOn = heldOn;
    if ([...values.measureIds].sort().join() !== [...record.measureIds].sort().join())
      body.measureIds = values.measureIds;
    if (!Object.keys(body).length) return onClose();
    setSaving(true);
    try {
      const saved = await call(() => client.PATCH('/api/records/{id}', { params: { path: { id: record.id } }, body }));
      // The caller's list first, then the message: when it says so, the page shows it.
      await onDone(saved);
      void message.success(t('records.saved'));
    } catch (failure) {
      setError(failureText(failure, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('records.edit')}
      okText={t('records.save')}
      cancelText={t('records.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {/* A name of its own: the field ids (record-edit_kind …) must not repeat the page's other forms'. */}
      <Form
        form={form}
        name="record-edit"
        layout="vertical"
        onFinish={save}
        initialValues={{
          kind: record.kind,
          title: record.title,
          heldOn: record.heldOn ? dayjs(record.heldOn) : null,
          measureIds: record.measureIds,
        }}
      >
        <RecordFields titleTestId="record-edit-title" />
        <Form.Item name="measureIds" label={t('records.measures')}>
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            options={measures}
            placeholder={t('records.measuresHelp')}
            data-testid="record-edit-measures"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
