import { Alert, Button, Form, FormInstance, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { useMeasureAction } from './useMeasureAction';

// antd's Form.useForm, of the values a dialog's own fields hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DialogValues = Record<string, any>;

/**
 * A dialog of the office's upkeep of the plan (调整责任, 调整时限, 修改措施, 作废): the action's own
 * fields, then the reason, always required (it changes someone's duty or the plan); on success the
 * dialog closes and the page reloads, on a refusal it stays open with the reason in the person's language.
 */
export function PlanDialog({
  action,
  measureId,
  form,
  initialValues,
  toBody,
  onClose,
  onDone,
  children,
}: {
  action: Schemas['ActionName'];
  measureId: string;
  form: FormInstance<DialogValues>;
  initialValues?: DialogValues;
  /** The action's fields from the form's values (the reason is added). */
  toBody: (values: DialogValues) => Record<string, unknown>;
  onClose: () => void;
  onDone: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { send, busy, error } = useMeasureAction(measureId, action);
  const label = t(`action.${action}`);

  const finish = async (values: DialogValues) => {
    if (await send({ ...toBody(values), reason: String(values.reason).trim() })) {
      onClose();
      onDone();
    }
  };

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('accounts.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()} data-testid={`submit-${action}`}>
          {t('action.submit', { action: label })}
        </Button>,
      ]}
    >
      <div data-testid={`dialog-${action}`}>
        {error && (
          <Alert
            type="error"
            showIcon
            message={t('action.refused')}
            description={error}
            style={{ marginBottom: 12 }}
            data-testid="dialog-error"
          />
        )}
        <Form form={form} layout="vertical" onFinish={finish} initialValues={initialValues}>
          {children}
          <Form.Item
            name="reason"
            label={t('field.reason')}
            rules={[{ required: true, whitespace: true, message: t('plan.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid={`${action}-reason`} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
