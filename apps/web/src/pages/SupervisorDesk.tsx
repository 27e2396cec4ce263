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
const QUERIES: Record<keyof Desk, Query> = {
  supervised: { supervised: true, limit: 100 },
  red: { colour: 'red', limit: 100 },
  overdue: { overdue: true, limit: 100 },
  escalated: { escalated: true, limit: 100 },
  rebound: { rebound: true, limit: 100 },
};

interface Desk {
  red: Page;
  overdue: Page;
  escalated: Page;
  supervised: Page;
  rebound: Page;
}

/**
 * 督查工作台: what the supervisor watches across inspections — red lights, overdue, escalated (the
 * ladder's level in words), open 督办单, and measures rectified again after a 回头看 rebound or a
 * reopen (反弹回潮) — each list the server's filter, with its total.
 */
export function SupervisorDesk() {
  const { t } = useTranslation();
  const [desk, setDesk] = useState<Desk | null>(null);
  const [inspections, setInspections] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const list = (query: Query) => call(() => client.GET('/api/measures', { params: { query } }));
    // Each list is the server's, with its true total (the page shows the first hundred).
    const names = Object.keys(QUERIES) as (keyof Desk)[];
    void Promise.all(names.map((name) => list(QUERIES[name])))
      .then((pages) => setDesk(Object.fromEntries(names.map((name, index) => [name, pages[index]])) as unknown as Desk))
      .catch((failure: unknown) => setError(failureText(failure, t)));
    void call(() => client.GET('/api/inspections'))
      .then((all) => setInspections(Object.fromEntries(all.map((item) => [item.id, item.title]))))
      .catch(() => undefined);
  }, [t]);

  if (error) return <Alert type="error" message={error} />;
  if (!desk) return <Spin />;
  const sections = [
    { id: 'supervised', title: t('desk.supervised'), items: desk.supervised.items, total: desk.supervised.total },
    { id: 'red', title: t('desk.red'), items: desk.red.items, total: desk.red.total },
    { id: 'overdue', title: t('desk.overdue'), items: desk.overdue.items, total: desk.overdue.total },
    { id: 'escalated', title: t('desk.escalated'), items: desk.escalated.items, total: desk.escalated.total },
    { id: 'rebound', title: t('desk.rebound'), items: desk.rebound.items, total: desk.rebound.total },
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
