import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/** A thin ECharts wrapper: the option re-renders the chart; a click reports the clicked item. */
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
    chart.current = echarts.init(element.current, undefined, { renderer: 'canvas' });
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
    if (!chart.current || !onClick) return;
    chart.current.off('click');
    chart.current.on('click', onClick);
  }, [onClick]);

  return <div ref={element} data-testid={testId} style={{ width: '100%', height }} />;
}
