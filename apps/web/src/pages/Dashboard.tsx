import { Alert, Card, Col, Empty, Grid, Row, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { call, client, Schemas } from '../api';
import { Chart } from '../components/Chart';
import { formatDate } from '../components/format';
import { PageTrail } from '../components/PageTrail';
import { useSession } from '../session';
import {
  completionChart,
  DEPARTMENT_SERIES,
  departmentChart,
  LIGHTS,
  lightsChart,
  trendChart,
  trendHasData,
} from './dashboard/charts';
import { Figures } from './dashboard/Figures';
import { SectionTable } from './dashboard/SectionTable';
import { sectionLink, sectionRows } from './dashboard/sections';

/**
 * 整改统计: the done figures first, then the charts; every figure, bar and row links through to the
 * ledger, filtered to what was clicked (progress=done where it counts 已完成).
 */
export function Dashboard() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [data, setData] = useState<Schemas['DashboardResponse'] | null>(null);
  const [problemsClosed, setProblemsClosed] = useState<number | null>(null);

  useEffect(() => {
    if (!inspectionId) return;
    const path = { path: { id: inspectionId } };
    void call(() => client.GET('/api/inspections/{id}/dashboard', { params: path })).then(setData);
    // 已整改销号 problems come with the inspection's counts; the figure is left out if they cannot be read.
    call(() => client.GET('/api/inspections/{id}', { params: path }))
      .then((inspection) => setProblemsClosed(inspection.counts.problemsClosed))
      .catch(() => setProblemsClosed(null));
  }, [inspectionId]);

  const narrow = screens.md === false;
  const sections = useMemo(() => sectionRows(data?.bySection ?? [], t('dashboard.noSection')), [data, t]);
  const charts = useMemo(
    () =>
      data && {
        completion: completionChart(sections, t, narrow),
        departments: departmentChart(data, t),
        lights: lightsChart(data, t),
        trend: trendChart(data, t),
      },
    [data, sections, t, narrow],
  );

  if (!data || !charts) return <Spin />;
  const lights = LIGHTS.filter((colour) =>
    colour === 'red'
      ? data.totals.red
      : colour === 'yellow'
        ? data.totals.yellow
        : data.totals.measures - data.totals.red - data.totals.yellow,
  );

  return (
    <div data-testid="dashboard">
      <PageTrail testId="dashboard-breadcrumb" items={[{ title: t('dashboard.crumb') }]} />
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      {data.calendarCoverage
        .filter((year) => !year.covered)
        .map((year) => (
          <Alert
            key={year.year}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="calendar-warning"
            message={t('dashboard.calendarUncovered', { year: year.year })}
          />
        ))}
      <Figures totals={data.totals} problemsClosed={problemsClosed} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.bySection')}>
            <Chart
              testId="chart-completion"
              option={charts.completion}
              height={Math.max(240, sections.length * 56 + 48)}
              onClick={(event) => {
                const row = sections[sections.length - 1 - (event.dataIndex ?? 0)];
                if (row) void navigate(sectionLink(row, event.seriesIndex === 0));
              }}
            />
            <SectionTable rows={sections} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byDepartment')}>
            <Chart
              testId="chart-departments"
              option={charts.departments}
              onClick={(event) => {
                const row = data.byDepartment[event.dataIndex ?? 0];
                const series = DEPARTMENT_SERIES[event.seriesIndex ?? 0];
                const filter = series === 'done' ? '&progress=done' : series === 'overdue' ? '&overdue=true' : '';
                if (row) void navigate(`/ledger?departmentId=${row.id}${filter}`);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('dashboard.lights')}>
            <Chart
              testId="chart-lights"
              option={charts.lights}
              height={240}
              onClick={(event) => {
                const colour = lights[event.dataIndex ?? 0];
                if (colour) void navigate(`/ledger?colour=${colour}`);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('dashboard.trendDone')}>
            {trendHasData(data) ? (
              <Chart
                testId="chart-trend"
                option={charts.trend}
                height={240}
                onClick={() => void navigate('/ledger?progress=done')}
              />
            ) : (
              <div data-testid="trend-empty">
                <Empty description={t('dashboard.trendEmpty')} style={{ height: 200, paddingTop: 40 }} />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.overdueList')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.overdue}
              columns={[
                {
                  title: t('ledger.measure'),
                  dataIndex: 'text',
                  render: (text: string, row) => <Link to={`/measures/${row.id}`}>{text}</Link>,
                },
                {
                  title: t('ledger.stage'),
                  dataIndex: 'stage',
                  width: 80,
                  render: (stage: string) => t(`stage.${stage}`),
                },
                { title: t('ledger.stageDueAt'), dataIndex: 'stageDueAt', width: 110, render: formatDate },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.escalations')}>
            <Table
              size="small"
              rowKey="level"
              pagination={false}
              dataSource={data.escalations}
              columns={[
                {
                  title: t('dashboard.level'),
                  dataIndex: 'level',
                  // A link (a click on the row is out of the keyboard's reach).
                  render: (level: number) => <Link to="/ledger?escalated=true">{t(`escalation.${level}`)}</Link>,
                },
                { title: t('dashboard.count'), dataIndex: 'count', width: 80 },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
