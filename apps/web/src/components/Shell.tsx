import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Dropdown,
  Grid,
  Layout,
  List,
  Menu,
  Popover,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { call, client, Schemas } from '../api';
import { Language, setLanguage } from '../i18n';
import { DESK_ROLES } from '../pages/SupervisorDesk';
import { useInspectionRoles, useSession } from '../session';
import { formatDateTime } from './format';

type Notification = Schemas['NotificationResponse'];

function Inbox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [data, setData] = useState<Schemas['InboxResponse']>({ unread: 0, items: [] });
  const load = useCallback(
    () =>
      call(() => client.GET('/api/notifications'))
        .then(setData)
        .catch(() => undefined),
    [],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, [load]);
  const open = async (item: Notification) => {
    await call(() => client.POST('/api/notifications/{id}/read', { params: { path: { id: item.id } } })).catch(
      () => undefined,
    );
    void load();
    if (item.measureId) void navigate(`/measures/${item.measureId}`);
  };
  const content = (
    <div style={{ width: 340, maxHeight: 420, overflow: 'auto' }}>
      <List
        size="small"
        dataSource={data.items.slice(0, 30)}
        locale={{ emptyText: t('inbox.empty') }}
        renderItem={(item) => (
          <List.Item
            onClick={() => open(item)}
            style={{ cursor: 'pointer', background: item.readAt ? undefined : '#fff7e6' }}
          >
            <List.Item.Meta
              title={item.title}
              description={
                <span>
                  {item.body}
                  <br />
                  {formatDateTime(item.createdAt)}
                </span>
              }
            />
          </List.Item>
        )}
      />
      {data.unread > 0 && (
        <Button
          size="small"
          type="link"
          onClick={() => call(() => client.POST('/api/notifications/read-all')).then(load)}
        >
          {t('inbox.readAll')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover content={content} title={t('inbox.title')} trigger="click" placement="bottomRight">
      <Badge count={data.unread} size="small" data-testid="inbox-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('inbox.title')} data-testid="inbox" />
      </Badge>
    </Popover>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, inspectionId, setInspectionId, signOut } = useSession();
  const roles = useInspectionRoles();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [inspections, setInspections] = useState<Schemas['InspectionResponse'][]>([]);

  useEffect(() => {
    void call(() => client.GET('/api/inspections')).then((list) => {
      setInspections(list);
      if (list.length && (!inspectionId || !list.some((item) => item.id === inspectionId))) setInspectionId(list[0].id);
    });
  }, [inspectionId, setInspectionId]);

  const items = [
    ...(me?.roles.some((role) => DESK_ROLES.includes(role.role)) ? [{ key: '/desk', label: t('nav.desk') }] : []),
    { key: '/work', label: t('nav.work') },
    { key: '/ledger', label: t('nav.ledger') },
    { key: '/dashboard', label: t('nav.dashboard') },
    ...(roles.includes('office') ? [{ key: '/documents', label: t('nav.documents') }] : []),
    ...(me?.isAdmin ? [{ key: '/setup', label: t('nav.setup') }] : []),
  ];
  const selected = items.find((item) => location.pathname.startsWith(item.key))?.key ?? '';
  const roleLabels = [
    ...(me?.isAdmin ? [t('role.admin')] : []),
    ...roles.map((role) => t(`role.${role}`)),
    ...(roles.length === 0 && me?.departmentName ? [t('role.staffOf', { department: me.departmentName })] : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: screens.md ? '0 24px' : '0 8px',
          background: '#fff',
          borderBottom: '1px solid #eee',
          flexWrap: 'wrap',
          height: 'auto',
          lineHeight: '56px',
        }}
      >
        <Typography.Text strong style={{ fontSize: 18, color: '#c0392b', whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Text>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          items={items}
          onClick={(event) => navigate(event.key)}
          style={{ flex: 1, minWidth: screens.md ? 320 : 200, borderBottom: 'none' }}
          data-testid="nav"
        />
        <Select
          value={inspectionId ?? undefined}
          onChange={setInspectionId}
          options={inspections.map((item) => ({ value: item.id, label: item.title }))}
          placeholder={t('header.inspection')}
          style={{ width: screens.md ? 280 : 160 }}
          data-testid="inspection-select"
        />
        <Space size="small" wrap>
          <Dropdown
            menu={{
              items: [
                { key: 'out', icon: <LogoutOutlined />, label: t('header.signOut'), onClick: () => void signOut() },
              ],
            }}
          >
            <Space size={4} data-testid="current-person">
              <Typography.Text>{me?.name}</Typography.Text>
              {roleLabels.map((label) => (
                <Tag key={label} color="volcano">
                  {label}
                </Tag>
              ))}
            </Space>
          </Dropdown>
          <Inbox />
          <Segmented
            size="small"
            value={i18n.language}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en-US' },
            ]}
            onChange={(value) => setLanguage(value as Language)}
            data-testid="language-switch"
          />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: screens.md ? 24 : 8 }}>{children}</Layout.Content>
    </Layout>
  );
}
