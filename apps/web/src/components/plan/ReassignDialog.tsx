import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import type { Directory } from '../../directory';
import { DialogValues, PlanDialog } from './PlanDialog';

type Measure = Schemas['MeasureDetailResponse'];

const sameList = (a: string[] = [], b: string[] = []) => [...a].sort().join() === [...b].sort().join();

/** 调整责任: the owners as they are, changed where the office changes them; only the changes are sent. */
export function ReassignDialog({
  measure,
  directory,
  onClose,
  onDone,
}: {
  measure: Measure;
  directory: Directory;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DialogValues>();
  const lead: string | undefined = Form.useWatch('leadDepartmentId', form) ?? measure.leadDepartmentId;
  const staff = directory.peopleOf(lead).map((person) => ({ value: person.id, label: person.name }));

  const toBody = (values: DialogValues) => {
    const body: Record<string, unknown> = {};
    const leadChanged = values.leadDepartmentId !== measure.leadDepartmentId;
    if (leadChanged) body.leadDepartmentId = values.leadDepartmentId;
    if (values.responsibleLeaderId !== measure.responsibleLeaderId)
      body.responsibleLeaderId = values.responsibleLeaderId;
    if (!sameList(values.cooperatingDepartmentIds, measure.cooperatingDepartmentIds))
      body.cooperatingDepartmentIds = values.cooperatingDepartmentIds ?? [];
    if (!sameList(values.coLeaderIds, measure.coLeaderIds)) body.coLeaderIds = values.coLeaderIds ?? [];
    // Another lead department: the 承办人 is one of its people, or none (the department as a whole).
    const assignee = values.assigneeId ?? null;
    if (leadChanged || assignee !== measure.assigneeId) body.assigneeId = assignee;
    return body;
  };

  return (
    <PlanDialog
      action="reassign"
      measureId={measure.id}
      form={form}
      toBody={toBody}
      onClose={onClose}
      onDone={onDone}
      initialValues={{
        leadDepartmentId: measure.leadDepartmentId,
        assigneeId: measure.assigneeId ?? undefined,
        responsibleLeaderId: measure.responsibleLeaderId,
        coLeaderIds: measure.coLeaderIds,
        cooperatingDepartmentIds: measure.cooperatingDepartmentIds,
      }}
    >
      <Form.Item name="leadDepartmentId" label={t('measure.leadDepartment')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={directory.departmentOptions}
          onChange={() => form.setFieldValue('assigneeId', undefined)}
          data-testid="reassign-lead"
        />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('measure.assignee')}>
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          placeholder={t('assign.wholeDepartment')}
          options={staff}
          data-testid="reassign-assignee"
        />
      </Form.Item>
      <Form.Item name="responsibleLeaderId" label={t('measure.leader')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={directory.personOptions} data-testid="reassign-leader" />
      </Form.Item>
      <Form.Item name="coLeaderIds" label={t('measure.coLeaders')}>
        <Select mode="multiple" optionFilterProp="label" options={directory.personOptions} />
      </Form.Item>
      <Form.Item name="cooperatingDepartmentIds" label={t('measure.cooperatingDepartments')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={directory.departmentOptions}
          data-testid="reassign-cooperating"
        />
      </Form.Item>
    </PlanDialog>
  );
}
