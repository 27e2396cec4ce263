import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Collapse, List, Popover, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call, client, Schemas } from '../api';
import { formatDateTime } from './format';

type Notification = Schemas['NotificationResponse'];
type Inbox = Schemas['InboxResponse'];
type DigestChoice = Schemas['NotificationSettingsResponse']['emailDigest'];

const EMPTY: Inbox = { unread: 0, actionNeeded: 0, items: [], groups: [] };

/**
 * One notification: 待办 or 知悉, unread ones highlighted; a click, or Enter or Space on it, marks it
 * read and opens its measure. The button is inside the list item (a list holds only list items).
 */
function Item({ item, open }: { item: Notification; open: (item: Notification) => void }) {
  const { t } = useTranslation();
  return (
    <List.Item
      style={{ background: item.readAt ? undefined : '#fff7e6', paddingInline: 8 }}
      data-testid="inbox-item"
      data-action-needed={item.actionNeeded}
    >
      <div
        role="button"
        tabIndex={0}
        onClick={() => open(item)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          open(item);
        }}
        style={{ cursor: 'pointer', width: '100%' }}
      >
        <List.Item.Meta
          title={
            <Space size={4} wrap>
              <Tag color={item.actionNeeded ? 'red' : 'default'}>
                {item.actionNeeded ? t('inbox.actionNeeded') : t('inbox.forInformation')}
              </Tag>
              {item.title}
            </Space>
          }
          description={
            <span>
              {item.body}
              <br />
              {formatDateTime(item.createdAt)}
            </span>
          }
        />
      </div>
    </List.Item>
  );
}

/**
 * The bell: notifications grouped per measure, the groups with 待办 first (the server's order), in
 * each group 待办 before 知悉; 全部已读 for everything or for one measure; the e-mail digest setting.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [data, setData] = useState<Inbox>(EMPTY);
  const [digest, setDigest] = useState<DigestChoice | null>(null);
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
  const loadSettings = () =>
    call(() => client.GET('/api/notifications/settings'))
      .then((settings) => setDigest(settings.emailDigest))
      .catch(() => undefined);
  const open = async (item: Notification) => {
    await call(() => client.POST('/api/notifications/{id}/read', { params: { path: { id: item.id } } })).catch(
      () => undefined,
    );
    void load();
    if (item.measureId) void navigate(`/measures/${item.measureId}`);
  };
  const readAll = (measureId?: string) =>
    call(() => client.POST('/api/notifications/read-all', { body: measureId ? { measureId } : {} })).then(load);
  const byId = new Map(data.items.map((item) => [item.id, item]));

  const content = (
    <div style={{ width: 380, maxHeight: 480, overflow: 'auto' }} data-testid="inbox-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text data-testid="inbox-summary">
          {t('inbox.summary', { action: data.actionNeeded, unread: data.unread })}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={data.unread === 0}
          onClick={() => void readAll()}
          data-testid="inbox-read-all"
        >
          {t('inbox.readAll')}
        </Button>
      </Space>
      {data.groups.length === 0 ? (
        <Typography.Text type="secondary">{t('inbox.empty')}</Typography.Text>
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={data.groups.filter((group) => group.unread > 0).map((group) => group.measureId ?? '')}
          items={data.groups.map((group) => {
            const items = group.notificationIds
              .map((id) => byId.get(id))
              .filter((item): item is Notification => Boolean(item))
              .sort((a, b) => Number(b.actionNeeded && !b.readAt) - Number(a.actionNeeded && !a.readAt));
            return {
              key: group.measureId ?? '',
              label: (
                <Space size={4} wrap data-testid="inbox-group">
                  <Typography.Text strong ellipsis style={{ maxWidth: 200 }}>
                    {group.measureText ?? t('inbox.noMeasure')}
                  </Typography.Text>
                  {group.actionNeeded > 0 && (
                    <Tag color="red" data-testid="inbox-group-action">
                      {t('inbox.actionCount', { count: group.actionNeeded })}
                    </Tag>
                  )}
                  {group.unread > 0 && <Tag>{t('inbox.unreadCount', { count: group.unread })}</Tag>}
                </Space>
              ),
              // 本组已读 in the panel, not the header: the header is a button itself, and a control nested in it is hidden from assistive technology.
              children: (
                <>
                  {group.measureId && group.unread > 0 && (
                    <Button size="small" type="link" onClick={() => void readAll(group.measureId!)}>
                      {t('inbox.groupRead')}
                    </Button>
                  )}
                  <List size="small" dataSource={items} renderItem={(item) => <Item item={item} open={open} />} />
                </>
              ),
            };
          })}
        />
      )}
      <Space style={{ marginTop: 8 }} size={4}>
        <Typography.Text type="secondary">{t('inbox.email')}</Typography.Text>
        <Select
          // The text beside it is not a label element; the select says the same itself.
          aria-label={t('inbox.email')}
          size="small"
          style={{ width: 150 }}
          value={digest ?? undefined}
          onChange={(value: DigestChoice) =>
            void call(() => client.PUT('/api/notifications/settings', { body: { emailDigest: value } })).then(
              (settings) => setDigest(settings.emailDigest),
            )
          }
          options={(['immediate', 'daily', 'default'] as const).map((value) => ({
            value,
            label: t(`inbox.digest.${value}`),
          }))}
          data-testid="inbox-digest"
        />
      </Space>
    </div>
  );
  return (
    <Popover
      content={content}
      title={t('inbox.title')}
      trigger="click"
      placement="bottomRight"
      onOpenChange={(visible) => {
        if (visible) {
          void load();
          void loadSettings();
        }
      }}
    >
      <Badge count={data.unread} size="small" data-testid="inbox-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('inbox.title')} data-testid="inbox" />
      </Badge>
    </Popover>
  );
}
