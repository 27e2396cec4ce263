import { Card, Col, Row, Spin, Statistic, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { call, client, Schemas } from '../api';
import { Chart } from '../components/Chart';
import { formatDate } from '../components/format';
import { useSession } from '../session';

/** 统计: every chart links through to the ledger, filtered to what was clicked. */
export function Dashboard() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  const navigate = useNavigate();
  const [data, setData] = useState<Schemas['DashboardResponse'] | null>(null);

  useEffect(() => {
    if (inspectionId)
      void call(() => client.GET('/api/inspections/{id}/dashboard', { params: { path: { id: inspectionId } } })).then(
        setData,
      );
  }, [inspectionId]);

  const sections = useMemo(() => {
    const groups = new Map<string, { label: string; number: string; total: number; closed: number }>();
    for (const row of data?.bySection ?? []) {
      const key = row.number;
      const entry = groups.get(key) ?? {
        label: `${row.number ? `${row.number}、` : ''}${row.title || t('dashboard.noSection')}`,
        number: row.number,
        total: 0,
        closed: 0,
      };
      entry.total += row.total;
      entry.closed += row.closed;
      groups.set(key, entry);
    }
    return [...groups.values()];
  }, [data, t]);

  if (!data) return <Spin />;
  const categories = data.bySection.filter((row) => row.categoryTitle);
  const completion: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('dashboard.closed'), t('dashboard.open')] },
    grid: { left: 8, right: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: {
      type: 'category',
      data: (categories.length
        ? categories.map((row) => `(${row.categoryNumber})${row.categoryTitle.slice(0, 12)}`)
        : sections.map((row) => row.label.slice(0, 14))
      ).reverse(),
    },
    series: [
      {
        name: t('dashboard.closed'),
        type: 'bar',
        stack: 'all',
        data: (categories.length ? categories : sections).map((row) => row.closed).reverse(),
      },
      {
        name: t('dashboard.open'),
        type: 'bar',
        stack: 'all',
        data: (categories.length ? categories : sections).map((row) => row.total - row.closed).reverse(),
      },
    ],
  };
  const departments: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('dashboard.closed'), t('dashboard.overdue'), t('dashboard.total')] },
    grid: { left: 8, right: 8, containLabel: true },
    xAxis: { type: 'category', data: data.byDepartment.map((row) => row.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('dashboard.total'), type: 'bar', data: data.byDepartment.map((row) => row.total) },
      { name: t('dashboard.closed'), type: 'bar', data: data.byDepartment.map((row) => row.closed) },
      { name: t('dashboard.overdue'), type: 'bar', data: data.byDepartment.map((row) => row.overdue) },
    ],
  };
  const lights: EChartsOption = {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: [
          { name: t('colour.red'), value: data.totals.red, itemStyle: { color: '#cf1322' } },
          { name: t('colour.yellow'), value: data.totals.yellow, itemStyle: { color: '#faad14' } },
          {
            name: t('colour.green'),
            value: data.totals.measures - data.totals.red - data.totals.yellow,
            itemStyle: { color: '#389e0d' },
          },
        ],
      },
    ],
  };
  const trend: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, containLabel: true },
    xAxis: { type: 'category', data: data.trend.map((row) => row.day) },
    yAxis: { type: 'value' },
    series: [
      {
        name: t('dashboard.closedTotal'),
        type: 'line',
        smooth: true,
        areaStyle: {},
        data: data.trend.map((row) => row.cumulative),
      },
    ],
  };
  const colourOf = [t('colour.red'), t('colour.yellow'), t('colour.green')];

  return (
    <div data-testid="dashboard">
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {[
          ['measures', data.totals.measures, '/ledger'],
          ['closed', data.totals.closed, '/ledger?stage=closed'],
          ['signOffRate', `${Math.round(data.totals.signOffRate * 100)}%`, '/ledger?stage=lookback'],
          ['red', data.totals.red, '/ledger?colour=red'],
          ['escalated', data.totals.escalated, '/ledger?escalated=true'],
        ].map(([key, value, link]) => (
          <Col xs={12} md={8} lg={4} key={key as string}>
            <Card size="small" hoverable onClick={() => navigate(link as string)} data-testid={`stat-${key}`}>
              <Statistic title={t(`dashboard.${key}`)} value={value as string | number} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.bySection')}>
            <Chart
              testId="chart-completion"
              option={completion}
              height={Math.max(240, (categories.length || sections.length) * 36)}
              onClick={(event) => {
                const row = (categories.length ? categories : sections)[
                  (categories.length || sections.length) - 1 - (event.dataIndex ?? 0)
                ];
                // A category bar narrows to its section and category; a section bar to its section.
                const category =
                  'categoryNumber' in row ? `&categoryNumber=${encodeURIComponent(row.categoryNumber)}` : '';
                void navigate(
                  `/ledger?sectionNumber=${encodeURIComponent(row.number)}${category}${event.seriesIndex === 0 ? '&stage=closed' : ''}`,
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byDepartment')}>
            <Chart
              testId="chart-departments"
              option={departments}
              onClick={(event) => {
                const row = data.byDepartment[event.dataIndex ?? 0];
                void navigate(
                  `/ledger?departmentId=${row.id}${event.seriesIndex === 1 ? '&stage=closed' : event.seriesIndex === 2 ? '&overdue=true' : ''}`,
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('dashboard.lights')}>
            <Chart
              testId="chart-lights"
              option={lights}
              height={240}
              onClick={(event) =>
                navigate(`/ledger?colour=${['red', 'yellow', 'green'][colourOf.indexOf(event.name)]}`)
              }
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('dashboard.trend')}>
            <Chart testId="chart-trend" option={trend} height={240} onClick={() => navigate('/ledger?stage=closed')} />
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
                  render: (level: number) => t(`escalation.${level}`),
                },
                { title: t('dashboard.count'), dataIndex: 'count', width: 80 },
              ]}
              onRow={() => ({ onClick: () => void navigate('/ledger?escalated=true') })}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
