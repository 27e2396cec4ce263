import { Alert, Col, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../api';
import type { paths } from '../generated/api';
import { DeskSection } from '../components/desk/DeskSection';
import { failureText } from '../errors';

type Page = Schemas['MeasurePageResponse'];
type Query = NonNullable<paths['/api/measures']['get']['parameters']['query']>;

/** Who the desk is for (a role in any inspection): the supervisor, and the office and group head who watch the same. */
export const DESK_ROLES: readonly string[] = ['supervisor', 'office', 'group_head'];

/** The desk's lists, each a query of the ledger across every inspection the person sees. */
const QUERIES: Record<'red' | 'overdue' | 'escalated' | 'open', Query> = {
  red: { colour: 'red', limit: 100 },
  overdue: { overdue: true, limit: 100 },
  escalated: { escalated: true, limit: 500 },
  open: { progress: 'open', limit: 500 },
};

interface Desk {
  red: Page;
  overdue: Page;
  escalated: Page;
  supervised: Schemas['MeasureListItemResponse'][];
  rebound: Schemas['MeasureListItemResponse'][];
}

/**
 * 督查工作台: what the supervisor watches across inspections — red lights, overdue, escalated (the
 * ladder's level in words), 督办单 (level 4) and measures being rectified again (a later round: a
 * rebound, a reopen or a return).
 */
export function SupervisorDesk() {
  const { t } = useTranslation();
  const [desk, setDesk] = useState<Desk | null>(null);
  const [inspections, setInspections] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const list = (query: Query) => call(() => client.GET('/api/measures', { params: { query } }));
    void Promise.all([list(QUERIES.red), list(QUERIES.overdue), list(QUERIES.escalated), list(QUERIES.open)])
      .then(([red, overdue, escalated, open]) =>
        setDesk({
          red,
          overdue,
          escalated,
          supervised: escalated.items.filter((item) => item.escalationLevel >= 4),
          rebound: open.items.filter((item) => item.round > 1),
        }),
      )
      .catch((failure: unknown) => setError(failureText(failure, t)));
    void call(() => client.GET('/api/inspections'))
      .then((all) => setInspections(Object.fromEntries(all.map((item) => [item.id, item.title]))))
      .catch(() => undefined);
  }, [t]);

  if (error) return <Alert type="error" message={error} />;
  if (!desk) return <Spin />;
  const sections = [
    { id: 'supervised', title: t('desk.supervised'), items: desk.supervised, total: desk.supervised.length },
    { id: 'red', title: t('desk.red'), items: desk.red.items, total: desk.red.total },
    { id: 'overdue', title: t('desk.overdue'), items: desk.overdue.items, total: desk.overdue.total },
    { id: 'escalated', title: t('desk.escalated'), items: desk.escalated.items, total: desk.escalated.total },
    { id: 'rebound', title: t('desk.rebound'), items: desk.rebound, total: desk.rebound.length },
  ];
  return (
    <div data-testid="supervisor-desk">
      <Typography.Title level={3}>{t('desk.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('desk.help')}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        message={t('escalationWords.legend')}
        style={{ marginBottom: 16 }}
        data-testid="desk-legend"
      />
      <Row gutter={[16, 16]}>
        {sections.map((section) => (
          <Col xs={24} lg={12} key={section.id}>
            <DeskSection {...section} inspections={inspections} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
