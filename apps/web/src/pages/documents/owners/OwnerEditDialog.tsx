import { Button, DatePicker, Form, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEASURE_KINDS } from '@rectiflow/domain/stage';
import type { Directory } from '../../../directory';

/** Which measures an edit is for: a selection, or every measure of one problem. */
export type EditTarget =
  | { measures: { problemNumber: number; measureNumber: number }[]; label: string }
  | { problemNumber: number; label: string };

interface Values {
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  dueAt?: Dayjs | null;
  kind?: string;
}

const FIELDS = ['leadDepartmentId', 'cooperatingDepartmentIds', 'responsibleLeaderId', 'coLeaderIds', 'dueAt', 'kind'];

/**
 * Owners for the measures of an import before the commit: only the fields filled in replace what
 * the document says; 恢复为文件所写 gives every field back to the document.
 */
export function OwnerEditDialog({
  target,
  directory,
  busy,
  onSave,
  onClose,
}: {
  target: EditTarget;
  directory: Directory;
  busy: boolean;
  onSave: (body: Record<string, unknown>) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const which = 'problemNumber' in target ? { problemNumber: target.problemNumber } : { measures: target.measures };

  const save = async (values: Values) => {
    const body: Record<string, unknown> = { ...which };
    if (values.leadDepartmentId) body.leadDepartmentId = values.leadDepartmentId;
    if (values.cooperatingDepartmentIds?.length) body.cooperatingDepartmentIds = values.cooperatingDepartmentIds;
    if (values.responsibleLeaderId) body.responsibleLeaderId = values.responsibleLeaderId;
    if (values.coLeaderIds?.length) body.coLeaderIds = values.coLeaderIds;
    if (values.dueAt) body.dueAt = values.dueAt.format('YYYY-MM-DD');
    if (values.kind) body.kind = values.kind;
    if (Object.keys(body).length > 1 && (await onSave(body))) onClose();
  };
  const revert = async () => {
    if (await onSave({ ...which, ...Object.fromEntries(FIELDS.map((field) => [field, null])) })) onClose();
  };

  return (
    <Modal
      open
      title={t('owners.editTitle', { target: target.label })}
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="revert" onClick={() => void revert()} loading={busy}>
          {t('owners.revert')}
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => form.submit()} data-testid="owners-save">
          {t('owners.save')}
        </Button>,
      ]}
    >
      <div data-testid="owners-dialog">
        <Typography.Paragraph type="secondary">{t('owners.editHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="leadDepartmentId" label={t('measure.leadDepartment')}>
            <Select
              showSearch
              allowClear
              optionFilterProp="label"
              options={directory.departmentOptions}
              data-testid="owners-lead"
            />
          </Form.Item>
          <Form.Item name="cooperatingDepartmentIds" label={t('measure.cooperatingDepartments')}>
            <Select mode="multiple" optionFilterProp="label" options={directory.departmentOptions} />
          </Form.Item>
          <Form.Item name="responsibleLeaderId" label={t('measure.leader')}>
            <Select
              showSearch
              allowClear
              optionFilterProp="label"
              options={directory.personOptions}
              data-testid="owners-leader"
            />
          </Form.Item>
          <Form.Item name="coLeaderIds" label={t('measure.coLeaders')}>
            <Select mode="multiple" optionFilterProp="label" options={directory.personOptions} />
          </Form.Item>
          <Form.Item name="dueAt" label={t('measure.dueAt')}>
            <DatePicker style={{ width: '100%' }} data-testid="owners-due" />
          </Form.Item>
          <Form.Item name="kind" label={t('ledger.kind')}>
            <Select allowClear options={MEASURE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
