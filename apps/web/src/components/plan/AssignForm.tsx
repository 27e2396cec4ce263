import { Button, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AssignInput } from '@rectiflow/domain/actions';
import type { Directory } from '../../directory';

/** What the form starts from: the measure's owners and the plan's deadline (a batch: what the selection shares). */
export interface AssignDefaults {
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  /** The plan's deadline, confirmed unless changed; null: none yet (立行立改 / 长期坚持 without a date). */
  dueAt?: string | null;
}

interface Values {
  leadDepartmentId?: string;
  assigneeId?: string;
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  cooperatingDepartmentIds?: string[];
  dueAt?: Dayjs | null;
  instructions?: string;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/**
 * 交办: the lead department and its 承办人 (a person of that department), the responsible leader and
 * co-leaders, cooperating departments, the deadline confirmed or changed, and 交办要求. For one
 * measure every owner is sent as shown; for a batch only what the office filled in, so each
 * measure keeps the rest of its own.
 */
export function AssignForm({
  directory,
  defaults,
  batch = false,
  busy,
  onSubmit,
}: {
  directory: Directory;
  defaults: AssignDefaults;
  batch?: boolean;
  busy: boolean;
  onSubmit: (body: AssignInput) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const lead = Form.useWatch('leadDepartmentId', form) ?? defaults.leadDepartmentId;
  const staff = directory.peopleOf(lead).map((person) => ({ value: person.id, label: person.name }));
  const planDay = defaults.dueAt ? dayjs(defaults.dueAt).format('YYYY-MM-DD') : null;

  const submit = async (values: Values) => {
    const body: AssignInput = {};
    const instructions = values.instructions?.trim();
    if (instructions) body.instructions = instructions;
    if (values.assigneeId) body.assigneeId = values.assigneeId;
    const due = day(values.dueAt);
    if (due && due !== planDay) body.dueAt = due;
    if (batch) {
      if (values.leadDepartmentId && values.leadDepartmentId !== defaults.leadDepartmentId)
        body.leadDepartmentId = values.leadDepartmentId;
      if (values.responsibleLeaderId && values.responsibleLeaderId !== defaults.responsibleLeaderId)
        body.responsibleLeaderId = values.responsibleLeaderId;
      if (values.coLeaderIds?.length) body.coLeaderIds = values.coLeaderIds;
      if (values.cooperatingDepartmentIds?.length) body.cooperatingDepartmentIds = values.cooperatingDepartmentIds;
    } else {
      Object.assign(body, {
        leadDepartmentId: values.leadDepartmentId,
        responsibleLeaderId: values.responsibleLeaderId,
        coLeaderIds: values.coLeaderIds ?? [],
        cooperatingDepartmentIds: values.cooperatingDepartmentIds ?? [],
      });
    }
    if (await onSubmit(body)) form.resetFields();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        ...defaults,
        coLeaderIds: defaults.coLeaderIds ?? [],
        cooperatingDepartmentIds: defaults.cooperatingDepartmentIds ?? [],
        dueAt: defaults.dueAt ? dayjs(defaults.dueAt) : null,
      }}
      // A 承办人 of the department the measure no longer goes to would not be one of its people.
      onValuesChange={(changed: Values) => {
        if ('leadDepartmentId' in changed) form.setFieldValue('assigneeId', undefined);
      }}
      data-testid="assign-form"
    >
      <Form.Item
        name="leadDepartmentId"
        label={t('measure.leadDepartment')}
        rules={batch ? [] : [{ required: true, message: t('form.required') }]}
        extra={batch && !defaults.leadDepartmentId ? t('assign.keepEach') : undefined}
      >
        <Select
          showSearch
          allowClear={batch}
          optionFilterProp="label"
          options={directory.departmentOptions}
          data-testid="assign-lead"
        />
      </Form.Item>
      <Form.Item
        name="assigneeId"
        label={t('measure.assignee')}
        extra={lead ? undefined : t('assign.assigneeNeedsLead')}
      >
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          disabled={!lead}
          placeholder={t('assign.wholeDepartment')}
          options={staff}
          data-testid="assign-assignee"
        />
      </Form.Item>
      <Form.Item
        name="responsibleLeaderId"
        label={t('measure.leader')}
        rules={batch ? [] : [{ required: true, message: t('form.required') }]}
      >
        <Select
          showSearch
          allowClear={batch}
          optionFilterProp="label"
          options={directory.personOptions}
          data-testid="assign-leader"
        />
      </Form.Item>
      <Form.Item name="coLeaderIds" label={t('measure.coLeaders')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={directory.personOptions}
          data-testid="assign-coleaders"
        />
      </Form.Item>
      <Form.Item name="cooperatingDepartmentIds" label={t('measure.cooperatingDepartments')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={directory.departmentOptions}
          data-testid="assign-cooperating"
        />
      </Form.Item>
      <Form.Item
        name="dueAt"
        label={t('measure.dueAt')}
        extra={batch ? t('assign.dueEach') : planDay ? t('assign.duePlan', { date: planDay }) : t('assign.dueDefault')}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(value) => value.isBefore(dayjs().startOf('day'))}
          data-testid="assign-due"
        />
      </Form.Item>
      <Form.Item name="instructions" label={t('field.instructions')}>
        <Input.TextArea rows={3} maxLength={4000} showCount data-testid="assign-instructions" />
      </Form.Item>
      {batch && <Typography.Paragraph type="secondary">{t('assign.batchHelp')}</Typography.Paragraph>}
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="submit-assign">
        {t('action.submit', { action: t('action.assign') })}
      </Button>
    </Form>
  );
}
