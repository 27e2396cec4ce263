import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { WorkerConfig } from '../../../../libs/platform/src';
import { WORKER_CONFIG } from '../worker-config';

const BATCH = 20;
const MAX_ATTEMPTS = 5;

/**
 * Sends the e-mail copies of notifications queued by the projection (email_status = pending).
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers never send the same row, and
 * marked sent in the same transaction, so a retried activity or a second worker sends nothing twice.
 */
@Injectable()
export class MailerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailerService.name);
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.mail.smtpUrl) return;
    this.transport = nodemailer.createTransport(this.config.mail.smtpUrl);
    const interval = Number(process.env.MAIL_POLL_MS ?? 2000);
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sendPending().then(() => undefined).catch((error) => this.logger.error(`mail round failed: ${error.message}`)).finally(() => (this.running = undefined));
    }, interval);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** One round: claim up to BATCH pending rows, send each, record the outcome. Returns how many were sent. */
  async sendPending(): Promise<number> {
    if (!this.transport) return 0;
    const transport = this.transport;
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; title: string; body: string; email: string; email_attempts: number }[] = await manager.query(
        `SELECT n.id, n.title, n.body, p.email, n.email_attempts FROM notification n JOIN person p ON p.id = n.recipient_id
          WHERE n.email_status = 'pending' ORDER BY n.created_at LIMIT ${BATCH} FOR UPDATE OF n SKIP LOCKED`,
      );
      let sent = 0;
      for (const row of rows) {
        try {
          await transport.sendMail({ from: this.config.mail.from, to: row.email, subject: row.title, text: row.body });
          await manager.query(`UPDATE notification SET email_status = 'sent', emailed_at = now(), email_attempts = email_attempts + 1 WHERE id = $1`, [row.id]);
          sent += 1;
        } catch (error) {
          const failed = row.email_attempts + 1 >= MAX_ATTEMPTS;
          await manager.query(`UPDATE notification SET email_attempts = email_attempts + 1, email_status = $2 WHERE id = $1`, [row.id, failed ? 'failed' : 'pending']);
          this.logger.warn(`e-mail for notification ${row.id} failed: ${(error as Error).message}`);
        }
      }
      return sent;
    });
  }
}
