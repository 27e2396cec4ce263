import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

type Series = { name?: string | number; data?: unknown };

const valueOf = (point: unknown): number =>
  typeof point === 'number'
    ? point
    : typeof point === 'object' && point !== null
      ? Number((point as { value?: unknown }).value) || 0
      : 0;

/** Whether a series has anything to draw (a legend for a series of zeros only says nothing). */
export function hasData(series: Series): boolean {
  return Array.isArray(series.data) && series.data.some((point) => valueOf(point) !== 0);
}

/** The legend's entries: the series that have data, in their order. */
export function legendOf(series: Series[]): string[] {
  return series.filter(hasData).map((item) => String(item.name ?? ''));
}

/**
 * A thin ECharts wrapper: the option re-renders the chart; a click reports the clicked item. SVG,
 * so the labels are text (crisp on a phone, and readable by assistive tools and tests).
 */
export function Chart({
  option,
  height = 280,
  onClick,
  testId,
}: {
  option: echarts.EChartsOption;
  height?: number;
  onClick?: (params: echarts.ECElementEvent) => void;
  testId?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    chart.current = echarts.init(element.current, undefined, { renderer: 'svg' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  useEffect(() => {
    if (!chart.current || !onClick) return;
    chart.current.off('click');
    chart.current.on('click', onClick);
  }, [onClick]);

  return <div ref={element} data-testid={testId} style={{ width: '100%', height }} />;
}
