import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import type { Schemas } from '../../api';
import { hasData, legendOf } from '../../components/Chart';
import type { SectionRow } from './sections';

type Dashboard = Schemas['DashboardResponse'];
type BarSeries = { name: string; type: 'bar' | 'line'; data: number[] } & Record<string, unknown>;

/** Series with their legend: only those with data appear in it. */
function withLegend(series: BarSeries[]) {
  return {
    legend: { data: legendOf(series), top: 0 },
    // A bar of a lone day or department stays a bar, not a block across the chart.
    series: series.map((item) => (item.type === 'bar' ? { barMaxWidth: 36, ...item } : item)),
  };
}

/**
 * 分类完成情况: one bar per section or category, 已完成 and 未销号 stacked, top to bottom in the
 * plan's order; the whole heading wraps beside its bar (as wide as the chart allows) instead of being cut.
 */
export function completionChart(rows: SectionRow[], t: TFunction, narrow: boolean): EChartsOption {
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: ordered.map((row) => row.label),
      axisLabel: { width: narrow ? 130 : 240, overflow: 'break', lineHeight: 14, interval: 0 },
    },
    ...withLegend([
      { name: t('dashboard.done'), type: 'bar', stack: 'all', data: ordered.map((row) => row.done), color: '#389e0d' },
      {
        name: t('dashboard.notDone'),
        type: 'bar',
        stack: 'all',
        data: ordered.map((row) => row.total - row.done),
        color: '#d9d9d9',
      },
    ]),
  };
}

/** Series of the departments chart, in their order (a click reports the index). */
export const DEPARTMENT_SERIES = ['total', 'done', 'overdue'] as const;

export function departmentChart(data: Dashboard, t: TFunction): EChartsOption {
  const rows = data.byDepartment;
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    ...withLegend(
      DEPARTMENT_SERIES.map((key) => ({
        name: t(`dashboard.${key}`),
        type: 'bar' as const,
        data: rows.map((row) => row[key]),
      })),
    ),
  };
}

export const LIGHTS = ['red', 'yellow', 'green'] as const;

/** 红黄绿灯: a slice and a legend entry only for a colour some measure has. */
export function lightsChart(data: Dashboard, t: TFunction): EChartsOption {
  const counts = {
    red: data.totals.red,
    yellow: data.totals.yellow,
    green: data.totals.measures - data.totals.red - data.totals.yellow,
  };
  const colours = { red: '#cf1322', yellow: '#faad14', green: '#389e0d' };
  const slices = LIGHTS.filter((colour) => counts[colour] > 0).map((colour) => ({
    name: t(`colour.${colour}`),
    value: counts[colour],
    itemStyle: { color: colours[colour] },
  }));
  return {
    tooltip: { trigger: 'item' },
    legend: { data: slices.map((slice) => slice.name), top: 0 },
    series: [
      { type: 'pie', radius: ['38%', '64%'], center: ['50%', '56%'], data: slices, label: { formatter: '{b} {c}' } },
    ],
  };
}

/** Whether the trend has anything to draw: some measure signed off or closed on some day. */
export function trendHasData(data: Dashboard): boolean {
  return data.trend.some((row) => row.done > 0 || row.closed > 0);
}

/** 销号 per day as bars (办结 beside them when there are any), the running total of 已完成 as a line. */
export function trendChart(data: Dashboard, t: TFunction): EChartsOption {
  const days = data.trend;
  const series: BarSeries[] = [
    { name: t('dashboard.doneDaily'), type: 'bar', data: days.map((row) => row.done), color: '#389e0d' },
    { name: t('dashboard.closedDaily'), type: 'bar', data: days.map((row) => row.closed), color: '#1677ff' },
    {
      name: t('dashboard.doneTotal'),
      type: 'line',
      yAxisIndex: 0,
      smooth: true,
      data: days.map((row) => row.cumulative),
      color: '#faad14',
    },
  ];
  const drawn = series.filter(hasData);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((row) => row.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    ...withLegend(drawn),
  };
}
