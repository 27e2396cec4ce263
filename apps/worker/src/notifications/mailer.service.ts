import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { NotificationRepository, UnitOfWork } from '@rectiflow/persistence';
import { integerSetting } from '@rectiflow/platform';
import type { WorkerConfig } from '@rectiflow/platform';
import { WORKER_CONFIG } from '../worker-config';

const BATCH = 20;
const MAX_ATTEMPTS = 5;

/**
 * Sends the e-mail copies of notifications queued by the projection (email_status = pending).
 * Each e-mail is claimed with FOR UPDATE SKIP LOCKED, sent, and its outcome committed in a
 * transaction of its own: several workers never send the same row, and a worker that dies mid-round
 * sends again at most the one e-mail it was sending (SMTP cannot be part of the transaction). Each
 * message's Message-ID is made from its notification, so a copy sent twice is recognisably the same.
 */
@Injectable()
export class MailerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailerService.name);
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly notifications: NotificationRepository,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.mail.smtpUrl) return;
    this.transport = nodemailer.createTransport(this.config.mail.smtpUrl);
    const interval = integerSetting(process.env, 'MAIL_POLL_MS', 2000, 50, 3_600_000);
    this.timer = setInterval(() => {
      if (!this.running)
        this.running = this.sendPending()
          .then(() => undefined)
          .catch((error) => this.logger.error(`mail round failed: ${error.message}`))
          .finally(() => (this.running = undefined));
    }, interval);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** One round: up to BATCH e-mails, each tried once. Returns how many were sent. */
  async sendPending(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    const tried: string[] = [];
    let sent = 0;
    while (tried.length < BATCH) {
      const outcome = await this.sendOne(transport, tried);
      if (outcome === null) break;
      if (outcome) sent += 1;
    }
    return sent;
  }

  /** Claims the oldest pending e-mail not yet tried this round, sends it and commits the outcome; null when none is left. */
  private async sendOne(transport: Transporter, tried: string[]): Promise<boolean | null> {
    return this.unitOfWork.run(async (tx) => {
      const row = await this.notifications.claimPendingEmail(tried, tx);
      if (!row) return null;
      tried.push(row.id);
      try {
        await transport.sendMail({
          from: this.config.mail.from,
          to: row.email,
          subject: row.title,
          text: row.body,
          messageId: `<${row.id}@rectiflow>`,
        });
        await this.notifications.recordEmailSent(row.id, tx);
        return true;
      } catch (error) {
        await this.notifications.recordEmailFailure(row.id, row.email_attempts + 1 >= MAX_ATTEMPTS, tx);
        this.logger.warn(`e-mail for notification ${row.id} failed: ${(error as Error).message}`);
        return false;
      }
    });
  }
}
