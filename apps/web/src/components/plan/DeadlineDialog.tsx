import { Alert, Checkbox, DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEASURE_KINDS } from '@rectiflow/domain/stage';
import type { Schemas } from '../../api';
import { formatDate } from '../format';
import { DialogValues, PlanDialog } from './PlanDialog';

type Measure = Schemas['MeasureDetailResponse'];

/**
 * 调整时限: a new deadline or kind. The office changes it only with the responsible leader's consent
 * (需经责任领导同意): it ticks that the leader agreed, and the request names him (approvedById); the
 * group head needs none. The 原定时限 stays as it was.
 */
export function DeadlineDialog({
  measure,
  byGroupHead,
  onClose,
  onDone,
}: {
  measure: Measure;
  byGroupHead: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DialogValues>();
  const current = formatDate(measure.dueAt);

  const toBody = (values: DialogValues) => {
    const body: Record<string, unknown> = {};
    const due = values.dueAt ? (values.dueAt as dayjs.Dayjs).format('YYYY-MM-DD') : null;
    if (due && due !== current) body.dueAt = due;
    if (values.kind && values.kind !== measure.kind) body.kind = values.kind;
    if (!byGroupHead) body.approvedById = measure.responsibleLeaderId;
    return body;
  };

  return (
    <PlanDialog
      action="change_deadline"
      measureId={measure.id}
      form={form}
      toBody={toBody}
      onClose={onClose}
      onDone={onDone}
      initialValues={{ dueAt: dayjs(measure.dueAt), kind: measure.kind }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={byGroupHead ? t('plan.groupHeadChanges') : t('plan.needsLeader')}
        description={t('plan.deadlineNow', {
          original: formatDate(measure.originalDueAt ?? measure.dueAt),
          current,
        })}
      />
      <Form.Item name="dueAt" label={t('plan.newDueAt')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(value) => value.isBefore(dayjs().startOf('day'))}
          data-testid="change_deadline-due"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('ledger.kind')}>
        <Select options={MEASURE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
      </Form.Item>
      {!byGroupHead && (
        <Form.Item
          name="leaderAgreed"
          valuePropName="checked"
          rules={[
            {
              validator: (_rule, checked: boolean) =>
                checked ? Promise.resolve() : Promise.reject(new Error(t('plan.leaderAgreedRequired'))),
            },
          ]}
        >
          <Checkbox data-testid="change_deadline-agreed">
            {t('plan.leaderAgreed', { name: measure.responsibleLeaderName })}
          </Checkbox>
        </Form.Item>
      )}
    </PlanDialog>
  );
}
