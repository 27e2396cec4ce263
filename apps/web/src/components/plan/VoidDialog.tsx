import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { DialogValues, PlanDialog } from './PlanDialog';

/** 作废: the measure leaves the plan; its work ends and it leaves every count. */
export function VoidDialog({
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
    <PlanDialog action="void" measureId={measure.id} form={form} toBody={() => ({})} onClose={onClose} onDone={onDone}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('plan.voidWarning')} />
    </PlanDialog>
  );
}
