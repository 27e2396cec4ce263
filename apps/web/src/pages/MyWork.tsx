import { Card, Col, Empty, List, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call, client, Schemas } from '../api';
import { ColourTag } from '../components/ColourTag';
import { formatDate } from '../components/format';
import { lastReturn } from '../components/measure/history';
import { ReturnedBanner } from '../components/measure/ReturnedBanner';
import { useSession } from '../session';

type Row = Schemas['TimelineEntryResponse'];
/** At most this many returned measures have their reason fetched (one timeline each). */
const RETURNS_SHOWN = 30;

/** 我的待办: everything waiting for this person, grouped by what they must do, most urgent first. */
export function MyWork() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  const [work, setWork] = useState<Schemas['MyWorkResponse'] | null>(null);
  // 退回: the row that returned each measure of a later round, with its reason.
  const [returns, setReturns] = useState<Record<string, Row>>({});

  useEffect(() => {
    setWork(null);
    setReturns({});
    void call(() => client.GET('/api/my-work', { params: { query: inspectionId ? { inspectionId } : {} } })).then(
      async (loaded) => {
        setWork(loaded);
        const later = [
          ...new Map(
            loaded.groups
              .flatMap((group) => group.items.filter((item) => item.round > 1))
              .map((item) => [item.id, item]),
          ).values(),
        ].slice(0, RETURNS_SHOWN);
        const found = await Promise.all(
          later.map(async (item) => {
            const rows = await call(() =>
              client.GET('/api/measures/{id}/timeline', { params: { path: { id: item.id } } }),
            ).catch(() => []);
            return [item.id, lastReturn(rows, item)] as const;
          }),
        );
        setReturns(Object.fromEntries(found.filter((entry): entry is [string, Row] => entry[1] !== null)));
      },
    );
  }, [inspectionId]);

  if (!work) return <Spin />;
  return (
    <div data-testid="my-work">
      <Typography.Title level={3}>{t('work.title', { count: work.total })}</Typography.Title>
      {work.groups.length === 0 && <Empty description={t('work.empty')} />}
      <Row gutter={[16, 16]}>
        {work.groups.map((group) => (
          <Col xs={24} lg={12} key={group.action}>
            <Card
              title={`${t(`action.${group.action}`)} (${group.items.length})`}
              size="small"
              data-testid={`work-${group.action}`}
            >
              <List
                size="small"
                dataSource={group.items}
                renderItem={(item) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Link to={`/measures/${item.id}`} data-testid="work-item">
                          {item.text}
                        </Link>
                      }
                      description={
                        <>
                          {`(${item.problemNumber}) ${item.problemTitle} · ${t(`stage.${item.stage}`)} · ${t('measure.round', { round: item.round })}`}
                          {returns[item.id] && (
                            <ReturnedBanner row={returns[item.id]} round={item.round} people={{}} compact />
                          )}
                        </>
                      }
                    />
                    <div style={{ textAlign: 'right', minWidth: 100 }}>
                      <ColourTag colour={item.colour} />
                      <div>{formatDate(item.stageDueAt)}</div>
                    </div>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
