import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { DialogValues, PlanDialog } from './PlanDialog';

/** 修改措施: the measure's wording, the earlier one kept in the audit trail. */
export function EditTextDialog({
  measure,
  onClose,
  onDone,
}: {
  measure: Schemas['MeasureDetailResponse'];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DialogValues>();
  return (
    <PlanDialog
      action="edit_text"
      measureId={measure.id}
      form={form}
      toBody={(values) => ({ text: String(values.text).trim() })}
      onClose={onClose}
      onDone={onDone}
      initialValues={{ text: measure.text }}
    >
      <Form.Item
        name="text"
        label={t('field.text')}
        rules={[
          { required: true, whitespace: true, message: t('form.required') },
          {
            validator: (_rule, value: string) =>
              value?.trim() === measure.text ? Promise.reject(new Error(t('plan.textUnchanged'))) : Promise.resolve(),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="edit_text-text" />
      </Form.Item>
    </PlanDialog>
  );
}
