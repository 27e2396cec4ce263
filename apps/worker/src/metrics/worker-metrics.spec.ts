import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { WorkerMetrics } from './worker-metrics';

const attempt = (metrics: WorkerMetrics, activityType: string, work: () => Promise<unknown>) =>
  metrics.activityInterceptors({ info: { activityType } } as Context).inbound!.execute!(
    { args: [], headers: {} },
    work as never,
  );

it('times every activity attempt and counts the failed ones by activity and failure type', async () => {
  const metrics = new WorkerMetrics();
  await expect(attempt(metrics, 'projectMeasureEvent', async () => 'done')).resolves.toBe('done');
  const refused = ApplicationFailure.create({ type: 'PROJECTION_REJECTED', message: 'no', nonRetryable: true });
  await expect(attempt(metrics, 'projectMeasureEvent', () => Promise.reject(refused))).rejects.toBe(refused);
  await expect(attempt(metrics, 'projectMeasureEvent', () => Promise.reject(new TypeError('x')))).rejects.toThrow('x');
  const values = async (name: string) =>
    (await metrics.registry.getSingleMetric(name)!.get()).values.map(({ labels, value }) => ({ ...labels, value }));
  expect(await values('rectiflow_activity_failures_total')).toEqual([
    { activity: 'projectMeasureEvent', failure: 'PROJECTION_REJECTED', value: 1 },
    { activity: 'projectMeasureEvent', failure: 'TypeError', value: 1 },
  ]);
  const counts = (await values('rectiflow_activity_duration_seconds')).filter((sample) => !('le' in sample));
  expect(counts).toEqual(
    expect.arrayContaining([
      { activity: 'projectMeasureEvent', outcome: 'ok', value: 1 },
      { activity: 'projectMeasureEvent', outcome: 'failed', value: 2 },
    ]),
  );
});
