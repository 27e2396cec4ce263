import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { InspectionGaugeRow, InspectionGaugesRepository } from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import { API_CONFIG } from '../temporal/temporal-client.service';
import { ApiMetrics } from './api-metrics';

const GAUGES: [key: 'open' | 'overdue' | 'red' | 'escalated', help: string][] = [
  ['open', 'Measures not closed (办结), per inspection'],
  ['overdue', "Open measures past their stage's due date, per inspection"],
  ['red', 'Measures whose light is red (红灯), per inspection'],
  ['escalated', 'Open measures with an escalation level above 0 (升级未办), per inspection'],
];

/**
 * rectiflow_measures_{open,overdue,red,escalated}{inspection_id,inspection}: computed on scrape by one
 * query, reused for METRICS_GAUGE_CACHE_MS so several scrapers (or replicas' scrapes) cost one query.
 */
@Injectable()
export class InspectionGauges {
  private readonly logger = new Logger('Metrics');
  private cached: { at: number; pending: boolean; rows: Promise<InspectionGaugeRow[] | null> } | null = null;
  private readonly cacheMs: number;

  constructor(
    metrics: ApiMetrics,
    private readonly repository: InspectionGaugesRepository,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.cacheMs = config.metrics?.gaugeCacheMs ?? 10_000;
    const load = () => this.rows();
    new Gauge({
      name: 'rectiflow_business_gauges_up',
      help: 'Whether the last query of the per-inspection gauges succeeded (1) or failed (0)',
      registers: [metrics.registry],
      async collect() {
        this.set((await load()) === null ? 0 : 1);
      },
    });
    for (const [key, help] of GAUGES) {
      new Gauge({
        name: `rectiflow_measures_${key}`,
        help,
        labelNames: ['inspection_id', 'inspection'] as const,
        registers: [metrics.registry],
        async collect() {
          const rows = await load();
          this.reset();
          for (const row of rows ?? []) this.set({ inspection_id: row.inspectionId, inspection: row.title }, row[key]);
        },
      });
    }
  }

  /**
   * The rows of the query in flight or of the last one younger than the cache time (so one scrape's five
   * gauges share one query even with a cache time of 0); null when the query failed (no series then).
   */
  private rows(): Promise<InspectionGaugeRow[] | null> {
    const cached = this.cached;
    if (cached && (cached.pending || Date.now() - cached.at < this.cacheMs)) return cached.rows;
    const entry = { at: Date.now(), pending: true, rows: Promise.resolve<InspectionGaugeRow[] | null>(null) };
    entry.rows = this.repository
      .perInspection()
      .catch((error: Error) => {
        this.logger.warn(`the per-inspection gauges could not be read: ${error.message}`);
        return null;
      })
      .finally(() => {
        entry.pending = false;
        entry.at = Date.now();
      });
    this.cached = entry;
    return entry.rows;
  }
}
