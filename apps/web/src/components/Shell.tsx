import { LogoutOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Segmented, Select, Space, Tag, Typography } from 'antd';
import { ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { call, client, Schemas } from '../api';
import { Language, setLanguage } from '../i18n';
import { PAPER_READERS } from '../pages/documents/papers/Papers';
import { DESK_ROLES } from '../pages/SupervisorDesk';
import { useInspectionRoles, useSession } from '../session';
import { NotificationBell } from './NotificationBell';

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
    ...(roles.some((role) => PAPER_READERS.includes(role)) ? [{ key: '/documents', label: t('nav.documents') }] : []),
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
          aria-label={t('header.inspection')}
          style={{ width: screens.md ? 280 : 160 }}
          data-testid="inspection-select"
        />
        <Space size="small" wrap>
          {/* A button that also opens on a click (Enter): a hover alone leaves 退出登录 out of the keyboard's reach. */}
          <Dropdown
            trigger={['hover', 'click']}
            // Opened from the keyboard, the menu takes the focus, so the arrows and Enter reach 退出登录.
            autoFocus
            menu={{
              items: [
                { key: 'out', icon: <LogoutOutlined />, label: t('header.signOut'), onClick: () => void signOut() },
              ],
            }}
          >
            <Button type="text" style={{ paddingInline: 4 }} data-testid="current-person">
              <Space size={4}>
                <Typography.Text>{me?.name}</Typography.Text>
                {roleLabels.map((label) => (
                  <Tag key={label} color="volcano">
                    {label}
                  </Tag>
                ))}
              </Space>
            </Button>
          </Dropdown>
          <NotificationBell />
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
