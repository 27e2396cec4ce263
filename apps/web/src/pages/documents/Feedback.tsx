import { Button, Collapse, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { formatDateTime } from '../../components/format';
import { FeedbackAnswer } from './FeedbackAnswer';

/** What the public sent through the published notice's form (群众监督): read, routed, answered, published. */
export function Feedback({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Schemas['FeedbackListResponse']>({ unread: 0, items: [] });
  const [problems, setProblems] = useState<Schemas['ProblemWithCountsResponse'][]>([]);
  const load = useCallback(
    () =>
      call(() => client.GET('/api/inspections/{id}/feedback', { params: { path: { id: inspectionId } } })).then(
        setData,
      ),
    [inspectionId],
  );
  useEffect(() => {
    void load();
    void call(() => client.GET('/api/inspections/{id}/problems', { params: { path: { id: inspectionId } } }))
      .then(setProblems)
      .catch(() => undefined);
  }, [load, inspectionId]);
  return (
    <List
      dataSource={data.items}
      locale={{ emptyText: t('documents.noFeedback') }}
      renderItem={(item) => (
        <List.Item
          data-testid="feedback-item"
          actions={
            item.readAt
              ? []
              : [
                  // A button: an <a> without href is out of the keyboard's reach.
                  <Button
                    key="read"
                    type="link"
                    size="small"
                    onClick={() =>
                      call(() => client.POST('/api/feedback/{id}/read', { params: { path: { id: item.id } } })).then(
                        load,
                      )
                    }
                  >
                    {t('inbox.markRead')}
                  </Button>,
                ]
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <List.Item.Meta
              title={
                <Space wrap>
                  {item.readAt ? null : <Tag color="red">{t('documents.unread')}</Tag>}
                  {item.name ?? t('documents.anonymous')} {item.contact}
                  {item.measureText ? (
                    <Tag color="blue">{t('feedback.routedTo', { target: item.measureText })}</Tag>
                  ) : item.problemTitle ? (
                    <Tag color="blue">{t('feedback.routedTo', { target: item.problemTitle })}</Tag>
                  ) : null}
                  {item.answerPublishedAt ? <Tag color="green">{t('feedback.answerPublished')}</Tag> : null}
                  {item.answer && !item.answerPublishedAt ? <Tag>{t('feedback.answeredTag')}</Tag> : null}
                </Space>
              }
              description={formatDateTime(item.receivedAt)}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {item.content}
            </Typography.Paragraph>
            {item.answer && (
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                {t('feedback.answerLabel')}
                {item.answer}
              </Typography.Paragraph>
            )}
            <Collapse
              size="small"
              items={[
                {
                  key: 'handle',
                  label: t('feedback.handle'),
                  children: <FeedbackAnswer item={item} problems={problems} done={() => void load()} />,
                },
              ]}
            />
          </Space>
        </List.Item>
      )}
    />
  );
}
