import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { ApiConfig } from '@rectiflow/platform';
import { MeasureSnapshot, measureWorkflowId, snapshotQuery } from '@rectiflow/workflows/measure.contract';

export const API_CONFIG = Symbol('API_CONFIG');

/** One lazily opened Temporal connection for the API process. */
@Injectable()
export class TemporalClientService implements OnModuleDestroy {
  private connection?: Promise<Connection>;
  private client?: Client;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async get(): Promise<Client> {
    if (this.client) return this.client;
    this.connection ??= Connection.connect({ address: this.config.temporalAddress });
    try {
      const connection = await this.connection;
      this.client = new Client({ connection, namespace: this.config.temporalNamespace });
      return this.client;
    } catch (error) {
      this.connection = undefined;
      throw error;
    }
  }

  /** What a measure's running workflow holds now (its state and sequence number). */
  async measureSnapshot(measureId: string): Promise<MeasureSnapshot> {
    const client = await this.get();
    return client.workflow.getHandle(measureWorkflowId(measureId)).query(snapshotQuery);
  }

  /** Whether the measure's workflow still runs (a closed measure's waits reopenableFor, then ends). */
  async measureWorkflowRunning(measureId: string): Promise<boolean> {
    const client = await this.get();
    const description = await client.workflow.getHandle(measureWorkflowId(measureId)).describe();
    return description.status.name === 'RUNNING';
  }

  get taskQueue(): string {
    return this.config.taskQueue;
  }

  /** Workflow starts in flight at once in a bulk creation (figures in docs/performance.md). */
  get workflowStartConcurrency(): number {
    return this.config.workflowStartConcurrency;
  }

  get namespace(): string {
    return this.config.temporalNamespace;
  }

  /** The Temporal Web UI, for links from a measure to its workflow (null when not configured). */
  get uiUrl(): string | null {
    return this.config.temporalUiUrl;
  }

  async onModuleDestroy(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.close();
  }
}
