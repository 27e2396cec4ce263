/**
 * The mailer against a real PostgreSQL and a local SMTP sink: each e-mail's outcome is committed as
 * soon as it is sent, so a worker that dies in the middle of a round sends again at most the one
 * e-mail it was sending, and every message carries a Message-ID made from its notification.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MailerService } from '../apps/worker/src/notifications/mailer.service';
import { NotificationRepository, UnitOfWork } from '@rectiflow/persistence';
import type { WorkerConfig } from '@rectiflow/platform';
import { startSmtpSink } from './support/smtp';
import { openDataSource, waitFor } from './support/stack';

let dataSource: DataSource;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const address = `mailer-${randomUUID().slice(0, 8)}@example.test`;
const received: { messageId: string }[] = [];
let holdThird: () => void = () => undefined;
let thirdArrived = false;

beforeAll(async () => {
  dataSource = await openDataSource();
  smtp = await startSmtpSink((raw, recipients, accept) => {
    if (!recipients.includes(address)) return accept();
    received.push({ messageId: /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? '' });
    // The third e-mail is held, as a slow server would: the first two must already be on record.
    if (received.length === 3) {
      thirdArrived = true;
      holdThird = accept;
    } else accept();
  });
});

afterAll(async () => {
  holdThird();
  await dataSource?.destroy();
  await smtp?.close();
});

it('records each e-mail as sent the moment it is sent, and names it by its notification', async () => {
  const [person] = await dataSource.query(`INSERT INTO person (name, email) VALUES ('收件人', $1) RETURNING id`, [
    address,
  ]);
  const ids: string[] = [];
  for (const index of [1, 2, 3]) {
    const [row] = await dataSource.query(
      `INSERT INTO notification (recipient_id, kind, title, body, dedupe_key, email_status) VALUES ($1, 'assignment', $2, '正文', $3, 'pending') RETURNING id`,
      [person.id, `邮件${index}`, `mailer-test:${randomUUID()}`],
    );
    ids.push(row.id);
  }
  const statuses = async () =>
    (
      (await dataSource.query(`SELECT id, email_status FROM notification WHERE id = ANY($1::uuid[])`, [ids])) as {
        id: string;
        email_status: string;
      }[]
    )
      .map((row) => [ids.indexOf(row.id) + 1, row.email_status])
      .sort();
  const mailer = new MailerService(new UnitOfWork(dataSource), new NotificationRepository(dataSource), {
    mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Rectiflow <noreply@test>' },
  } as WorkerConfig);
  const pollSetting = process.env.MAIL_POLL_MS;
  process.env.MAIL_POLL_MS = '3600000'; // no timer rounds: this test runs the round itself
  mailer.onApplicationBootstrap();
  if (pollSetting === undefined) delete process.env.MAIL_POLL_MS;
  else process.env.MAIL_POLL_MS = pollSetting;
  try {
    const round = mailer.sendPending();
    await waitFor(async () => thirdArrived, 'the third e-mail at the server');
    // A crash now would resend only the third: the first two are committed as sent.
    expect(await statuses()).toEqual([
      [1, 'sent'],
      [2, 'sent'],
      [3, 'pending'],
    ]);
    holdThird();
    await round;
    expect(await statuses()).toEqual([
      [1, 'sent'],
      [2, 'sent'],
      [3, 'sent'],
    ]);
    expect(received.map((mail) => mail.messageId)).toEqual(ids.map((id) => `<${id}@rectiflow>`));
  } finally {
    await mailer.beforeApplicationShutdown();
  }
});
