import { App, Button, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../api';
import { failureText } from '../errors';

export type PersonRow = Schemas['PersonResponse'];

/**
 * The setup screen's people list for the system administrator: each account's state, 停用/启用,
 * and 重置密码, whose one-time password is shown once in a modal (the server keeps only its hash).
 */
export function PeopleAccounts({
  people,
  departments,
  selfId,
  reload,
}: {
  people: PersonRow[];
  departments: Schemas['DepartmentResponse'][];
  selfId: string;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [oneTime, setOneTime] = useState<{ name: string; username: string; password: string } | null>(null);
  const [query, setQuery] = useState('');
  const department = (id: string | null) => departments.find((item) => item.id === id)?.name ?? '';
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? people.filter((person) => person.name.toLowerCase().includes(needle) || person.account?.username.includes(needle))
    : people;

  const act = async (person: PersonRow, action: 'disable' | 'enable' | 'reset-password') => {
    try {
      const params = { path: { id: person.id } };
      if (action === 'reset-password') {
        const result = await call(() => client.POST('/api/people/{id}/account/reset-password', { params }));
        setOneTime({ name: person.name, username: result.username, password: result.oneTimePassword });
      } else {
        await call(() =>
          action === 'disable'
            ? client.POST('/api/people/{id}/account/disable', { params })
            : client.POST('/api/people/{id}/account/enable', { params }),
        );
        void message.success(
          t(action === 'disable' ? 'accounts.disabledDone' : 'accounts.enabledDone', { name: person.name }),
        );
      }
      reload();
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('accounts.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ marginTop: 12 }}
        data-testid="people-search"
      />
      <Table<PersonRow>
        size="small"
        rowKey="id"
        dataSource={shown}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        style={{ marginTop: 12 }}
        data-testid="people-table"
        onRow={(person) =>
          ({ 'data-testid': `person-${person.account?.username ?? person.id}` }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('setup.personName'), dataIndex: 'name' },
          { title: t('setup.department'), dataIndex: 'departmentId', render: department, responsive: ['md'] },
          {
            title: t('signIn.username'),
            render: (_value, person) =>
              person.account?.username ?? <Typography.Text type="secondary">{t('accounts.none')}</Typography.Text>,
          },
          {
            title: t('accounts.state'),
            render: (_value, person) =>
              person.account && (
                <Space size={4} wrap>
                  {person.account.isAdmin && <Tag color="gold">{t('role.admin')}</Tag>}
                  {person.account.disabled ? (
                    <Tag color="red" data-testid="account-disabled">
                      {t('accounts.disabled')}
                    </Tag>
                  ) : (
                    <Tag color="green">{t('accounts.active')}</Tag>
                  )}
                  {person.account.passwordChangeRequired && <Tag color="orange">{t('accounts.mustChange')}</Tag>}
                </Space>
              ),
          },
          {
            title: t('accounts.actions'),
            render: (_value, person) =>
              person.account && (
                <Space size={4} wrap>
                  {person.account.disabled ? (
                    <Button size="small" onClick={() => act(person, 'enable')} data-testid="account-enable">
                      {t('accounts.enable')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t('accounts.disableConfirm', { name: person.name })}
                      okText={t('accounts.disable')}
                      cancelText={t('accounts.cancel')}
                      onConfirm={() => act(person, 'disable')}
                      disabled={person.id === selfId}
                    >
                      <Button
                        size="small"
                        danger
                        disabled={person.id === selfId}
                        title={person.id === selfId ? t('accounts.notSelf') : undefined}
                        data-testid="account-disable"
                      >
                        {t('accounts.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={t('accounts.resetConfirm', { name: person.name })}
                    okText={t('accounts.reset')}
                    cancelText={t('accounts.cancel')}
                    onConfirm={() => act(person, 'reset-password')}
                    disabled={person.id === selfId}
                  >
                    <Button size="small" disabled={person.id === selfId} data-testid="account-reset">
                      {t('accounts.reset')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={oneTime !== null}
        title={t('accounts.oneTimeTitle')}
        onOk={() => setOneTime(null)}
        onCancel={() => setOneTime(null)}
        okText={t('accounts.oneTimeDone')}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
        destroyOnHidden
        data-testid="one-time-password-modal"
      >
        {oneTime && (
          <>
            <Typography.Paragraph>
              {t('accounts.oneTimeFor', { name: oneTime.name, username: oneTime.username })}
            </Typography.Paragraph>
            <Typography.Paragraph
              copyable={{ text: oneTime.password }}
              style={{ fontSize: 20, fontFamily: 'monospace' }}
              data-testid="one-time-password"
            >
              {oneTime.password}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('accounts.oneTimeHelp')}</Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
