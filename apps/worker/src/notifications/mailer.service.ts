import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { NotificationRepository, UnitOfWork } from '@rectiflow/persistence';
import { integerSetting } from '@rectiflow/platform';
import type { WorkerConfig } from '@rectiflow/platform';
import { WORKER_CONFIG } from '../worker-config';

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** Digests are counted in China Standard Time (UTC+8, no daylight saving). */
const DIGEST_UTC_OFFSET_HOURS = 8;

/** MAIL_DIGEST_DEFAULT (`daily` or `immediate`, the default): how people without a setting of their own get e-mail. */
export function digestByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.MAIL_DIGEST_DEFAULT ?? '').trim();
  if (value === '' || value === 'immediate') return false;
  if (value === 'daily') return true;
  throw new Error(`MAIL_DIGEST_DEFAULT must be "daily" or "immediate" (got ${JSON.stringify(value)})`);
}

/** The start of the current digest day: the latest MAIL_DIGEST_HOUR o'clock (UTC+8) at or before `now`. */
export function digestDayStart(now: Date, hour: number): Date {
  const offset = DIGEST_UTC_OFFSET_HOURS * 3_600_000;
  const local = new Date(now.getTime() + offset);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour) - offset;
  return new Date(start <= now.getTime() ? start : start - 86_400_000);
}

/** The digest's text: every notification of the day, oldest first. */
export function digestText(items: { title: string; body: string }[]): string {
  return [
    `您有${items.length}条新的整改通知:`,
    '',
    ...items.flatMap((item, index) => [`${index + 1}. ${item.title}`, `   ${item.body}`, '']),
    '请登录整改工作台查看和办理。',
  ].join('\n');
}

/**
 * Sends the e-mail copies of notifications queued by the projection (email_status = pending).
 * Each e-mail is claimed with FOR UPDATE SKIP LOCKED, sent, and its outcome committed in a
 * transaction of its own: several workers never send the same row, and a worker that dies mid-round
 * sends again at most the one e-mail it was sending (SMTP cannot be part of the transaction). Each
 * message's Message-ID is made from its notification, so a copy sent twice is recognisably the same.
 * People who take a daily digest (their setting, or MAIL_DIGEST_DEFAULT=daily) get one e-mail a day
 * listing that day's notifications instead, claimed per person the same way.
 */
@Injectable()
export class MailerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailerService.name);
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly digestDefault = digestByDefault();
  private readonly digestHour = integerSetting(process.env, 'MAIL_DIGEST_HOUR', 8, 0, 23);

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

  /**
   * One round: up to BATCH e-mails, each tried once, then the daily digests that are due (one per
   * person taking digests, once a day after MAIL_DIGEST_HOUR). Returns how many e-mails were sent.
   */
  async sendPending(now = new Date()): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    const tried: string[] = [];
    let sent = 0;
    while (tried.length < BATCH) {
      const outcome = await this.sendOne(transport, tried);
      if (outcome === null) break;
      if (outcome) sent += 1;
    }
    const since = digestDayStart(now, this.digestHour);
    const people: string[] = [];
    while (people.length < BATCH) {
      const outcome = await this.sendDigest(transport, people, since);
      if (outcome === null) break;
      if (outcome) sent += 1;
    }
    return sent;
  }

  /** Claims one person's due digest, sends it as one e-mail and commits the outcome; null when none is due. */
  private async sendDigest(transport: Transporter, tried: string[], since: Date): Promise<boolean | null> {
    return this.unitOfWork.run(async (tx) => {
      const digest = await this.notifications.claimDigest(tried, since, this.digestDefault, tx);
      if (!digest) return null;
      tried.push(digest.personId);
      if (!digest.items.length) return false;
      const day = new Date(since.getTime() + DIGEST_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
      try {
        await transport.sendMail({
          from: this.config.mail.from,
          to: digest.email,
          subject: `【整改通知摘要】${day} 共${digest.items.length}条`,
          text: digestText(digest.items),
          messageId: `<digest-${digest.personId}-${day}@rectiflow>`,
        });
        await this.notifications.recordDigestSent(
          digest.personId,
          digest.items.map((item) => item.id),
          tx,
        );
        return true;
      } catch (error) {
        for (const item of digest.items)
          await this.notifications.recordEmailFailure(item.id, item.email_attempts + 1 >= MAX_ATTEMPTS, tx);
        this.logger.warn(`digest for person ${digest.personId} failed: ${(error as Error).message}`);
        return false;
      }
    });
  }

  /** Claims the oldest pending e-mail not yet tried this round, sends it and commits the outcome; null when none is left. */
  private async sendOne(transport: Transporter, tried: string[]): Promise<boolean | null> {
    return this.unitOfWork.run(async (tx) => {
      const row = await this.notifications.claimPendingEmail(tried, tx, this.digestDefault);
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
