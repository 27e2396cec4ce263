import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../errors';
import { call, client, Schemas } from '../api';
import { CalendarSetup } from '../components/CalendarSetup';
import { PeopleAccounts, PersonRow } from '../components/PeopleAccounts';
import { DEFAULT_POLICY, PolicyDurationField } from '@rectiflow/domain/policy';
import { offsetLabel, parsePolicyDuration } from '@rectiflow/domain/policy-time';
import type { PolicyDuration } from '@rectiflow/domain/working-days';
import { INSPECTION_KINDS, INSPECTION_ROLES } from '@rectiflow/domain/stage';
import { useSession } from '../session';

const POLICY_FIELDS = Object.keys(DEFAULT_POLICY) as PolicyDurationField[];

/** What the new-inspection form holds: the inspection's fields, its days as pickers, the policy as text. */
type InspectionForm = Omit<Schemas['CreateInspectionDto'], 'startedOn' | 'endedOn' | 'feedbackOn' | 'policy'> & {
  startedOn?: Dayjs;
  endedOn?: Dayjs;
  feedbackOn?: Dayjs;
  allowSubmitterSignOff?: boolean;
} & Partial<Record<PolicyDurationField, string>>;
// The form starts from the same defaults the server applies (libs/domain is pure and shared).
const DEFAULTS = Object.fromEntries(
  // Durations as text; working days as 5WD (the API's { "workingDays": 5 }).
  POLICY_FIELDS.map((field) => [
    field,
    ([] as PolicyDuration[])
      .concat(DEFAULT_POLICY[field] as PolicyDuration | PolicyDuration[])
      .map(offsetLabel)
      .join(', '),
  ]),
);

/** Inspection setup for the system administrator: the inspection and its timer policy, departments, people, roles. */
export function Setup() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, inspectionId, setInspectionId } = useSession();
  const [departments, setDepartments] = useState<Schemas['DepartmentResponse'][]>([]);
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [roles, setRoles] = useState<Schemas['InspectionRoleResponse'][]>([]);
  const reload = useCallback(() => {
    void call(() => client.GET('/api/departments')).then(setDepartments);
    void call(() => client.GET('/api/people')).then(setPeople);
    if (inspectionId)
      void call(() => client.GET('/api/inspections/{id}/roles', { params: { path: { id: inspectionId } } })).then(
        setRoles,
      );
  }, [inspectionId]);
  useEffect(reload, [reload]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      reload();
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };

  const createInspection = (values: InspectionForm) =>
    run(async () => {
      const durations = Object.fromEntries(
        POLICY_FIELDS.map((field) => [
          field,
          ['remindBefore', 'escalateAfter'].includes(field)
            ? String(values[field])
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map(parsePolicyDuration)
            : parsePolicyDuration(String(values[field] ?? '')),
        ]),
      );
      const policy = { ...durations, allowSubmitterSignOff: values.allowSubmitterSignOff === true };
      const date = (value?: Dayjs) => (value ? value.format('YYYY-MM-DD') : undefined);
      const body = {
        title: values.title,
        kind: values.kind,
        inspectingBody: values.inspectingBody,
        inspectedUnit: values.inspectedUnit,
        startedOn: date(values.startedOn),
        endedOn: date(values.endedOn),
        feedbackOn: date(values.feedbackOn),
        policy,
      };
      const created = await call(() => client.POST('/api/inspections', { body }));
      setInspectionId(created.id);
    }, t('setup.saved'));

  const name = (id: string) => people.find((person) => person.id === id)?.name ?? id;

  return (
    <div data-testid="setup">
      <Typography.Title level={3}>{t('setup.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('setup.newInspection')}>
            <Form layout="vertical" onFinish={createInspection} initialValues={{ kind: 'xuncha', ...DEFAULTS }}>
              <Form.Item
                name="title"
                label={t('setup.inspectionTitle')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="kind" label={t('setup.kind')}>
                <Select options={INSPECTION_KINDS.map((value) => ({ value, label: t(`inspectionKind.${value}`) }))} />
              </Form.Item>
              <Form.Item
                name="inspectingBody"
                label={t('setup.inspectingBody')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="inspectedUnit"
                label={t('setup.inspectedUnit')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <Input />
              </Form.Item>
              <Space wrap>
                <Form.Item name="startedOn" label={t('setup.startedOn')}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="endedOn" label={t('setup.endedOn')}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="feedbackOn" label={t('setup.feedbackOn')}>
                  <DatePicker />
                </Form.Item>
              </Space>
              <Typography.Paragraph type="secondary">{t('setup.policyHelp')}</Typography.Paragraph>
              <Row gutter={8}>
                {POLICY_FIELDS.map((field) => (
                  <Col xs={12} key={field}>
                    <Form.Item name={field} label={t(`policy.${field}`)}>
                      <Input />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Form.Item
                name="allowSubmitterSignOff"
                valuePropName="checked"
                extra={t('policy.allowSubmitterSignOffHelp')}
              >
                <Checkbox>{t('policy.allowSubmitterSignOff')}</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('setup.create')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small" title={t('setup.departments', { count: departments.length })}>
              <Form
                layout="inline"
                onFinish={(values) =>
                  run(
                    () => call(() => client.POST('/api/departments', { body: { name: values.name } })),
                    t('setup.saved'),
                  )
                }
              >
                <Form.Item name="name" rules={[{ required: true, message: t('form.required') }]}>
                  <Input placeholder={t('setup.departmentName')} aria-label={t('setup.departmentName')} />
                </Form.Item>
                <Button htmlType="submit">{t('setup.add')}</Button>
              </Form>
            </Card>
            <Card size="small" title={t('setup.people', { count: people.length })}>
              <Form
                layout="vertical"
                onFinish={(values) =>
                  run(() => call(() => client.POST('/api/people', { body: values })), t('setup.saved'))
                }
              >
                <Space wrap>
                  <Form.Item
                    name="name"
                    label={t('setup.personName')}
                    rules={[{ required: true, message: t('form.required') }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name="departmentId" label={t('setup.department')}>
                    <Select
                      allowClear
                      style={{ width: 160 }}
                      options={departments.map((item) => ({ value: item.id, label: item.name }))}
                    />
                  </Form.Item>
                  <Form.Item name="username" label={t('signIn.username')}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="password" label={t('setup.initialPassword')}>
                    <Input.Password />
                  </Form.Item>
                </Space>
                <Button htmlType="submit">{t('setup.add')}</Button>
              </Form>
              <PeopleAccounts people={people} departments={departments} selfId={me?.id ?? ''} reload={reload} />
            </Card>
            <Card size="small" title={t('setup.roles')}>
              <Form
                layout="inline"
                onFinish={(values) =>
                  run(
                    () =>
                      call(() =>
                        client.POST('/api/inspections/{id}/roles', {
                          params: { path: { id: inspectionId! } },
                          body: { roles: [values] },
                        }),
                      ),
                    t('setup.saved'),
                  )
                }
              >
                {/* required={false}: antd would put aria-required on each select's box (a div, where ARIA forbids it); the rules stay. */}
                <Form.Item name="personId" required={false} rules={[{ required: true, message: t('form.required') }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 160 }}
                    placeholder={t('setup.person')}
                    // The placeholders are the only visible labels, and they are gone once a value is chosen.
                    aria-label={t('setup.person')}
                    options={people.map((item) => ({ value: item.id, label: item.name }))}
                  />
                </Form.Item>
                <Form.Item name="role" required={false} rules={[{ required: true, message: t('form.required') }]}>
                  <Select
                    style={{ width: 140 }}
                    placeholder={t('setup.role')}
                    aria-label={t('setup.role')}
                    options={INSPECTION_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
                  />
                </Form.Item>
                <Button htmlType="submit" disabled={!inspectionId}>
                  {t('setup.assign')}
                </Button>
              </Form>
              <Table
                size="small"
                rowKey={(row) => `${row.personId}-${row.role}`}
                pagination={false}
                dataSource={roles}
                style={{ marginTop: 12 }}
                columns={[
                  { title: t('setup.person'), dataIndex: 'personId', render: name },
                  { title: t('setup.role'), dataIndex: 'role', render: (role: string) => t(`role.${role}`) },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24}>
          <CalendarSetup editable={me?.isAdmin === true} />
        </Col>
      </Row>
    </div>
  );
}
