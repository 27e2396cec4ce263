import { List, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { formatDateTime } from '../../components/format';

/** What the public sent through the published notice's form (群众监督), unread first marked. */
export function Feedback({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Schemas['FeedbackListResponse']>({ unread: 0, items: [] });
  const load = useCallback(
    () =>
      call(() => client.GET('/api/inspections/{id}/feedback', { params: { path: { id: inspectionId } } })).then(
        setData,
      ),
    [inspectionId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <List
      dataSource={data.items}
      locale={{ emptyText: t('documents.noFeedback') }}
      renderItem={(item) => (
        <List.Item
          actions={
            item.readAt
              ? []
              : [
                  <a
                    key="read"
                    onClick={() =>
                      call(() => client.POST('/api/feedback/{id}/read', { params: { path: { id: item.id } } })).then(
                        load,
                      )
                    }
                  >
                    {t('inbox.markRead')}
                  </a>,
                ]
          }
        >
          <List.Item.Meta
            title={
              <Space>
                {item.readAt ? null : <Tag color="red">{t('documents.unread')}</Tag>}
                {item.name ?? t('documents.anonymous')} {item.contact}
              </Space>
            }
            description={formatDateTime(item.receivedAt)}
          />
          {item.content}
        </List.Item>
      )}
    />
  );
}
