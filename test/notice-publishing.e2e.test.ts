/**
 * Issue 15 items 4, 9, 10 against the real stack: publishing with care (the confirmation's check
 * with its warnings, every version kept, the readable address /gongkai/<code>/<version> and the old
 * address redirecting), the office routing, answering and publishing answers to the public's
 * messages, the inbox grouped per measure with action-needed first and 全部已读, and the daily digest
 * (one e-mail for several notifications) through a local SMTP sink.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MailerService } from '../apps/worker/src/notifications/mailer.service';
import { NotificationRepository, UnitOfWork } from '@rectiflow/persistence';
import type { WorkerConfig } from '@rectiflow/platform';
import { startSmtpSink } from './support/smtp';
import { buildWorld, call, createInspection, createProblem, startStack, World } from './support/world';

let world: World<'office' | 'staff' | 'leader' | 'other', 'department'>;
let dataSource: DataSource;
let origin: string;
const tag = Date.now().toString(36);
const staffEmail = `digest-${tag}@example.test`;
const leaderEmail = `immediate-${tag}@example.test`;

beforeAll(async () => {
  world = await buildWorld(await startStack('notice-publishing'), {
    departments: { department: `公开部门-${tag}` },
    people: {
      office: { name: `公开整改办-${tag}`, roles: 'office' },
      staff: { name: `公开经办-${tag}`, department: 'department', email: staffEmail },
      leader: { name: `公开领导-${tag}`, email: leaderEmail },
      other: { name: `公开外人-${tag}` },
    },
  });
  dataSource = world.dataSource;
  origin = world.api.url.replace(/\/api$/, '');
});

afterAll(async () => {
  await world?.stop();
});

/** An inspection with one problem whose measure's text points to an attachment; answers its ids. */
async function publishable(title: string) {
  const inspection = await createInspection(world, { title });
  const problem = await createProblem(world, {
    inspection,
    title: `公开问题-${tag}`,
    measures: [{ text: '已完成整改,佐证材料详见附件' }, { text: '建立长效机制' }],
  });
  const notice = (await call(world, 'POST', `/inspections/${inspection}/notice`, 'office')).body;
  return { inspection, problem, notice };
}

const page = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

describe('publishing with care', () => {
  it('makes one notice per inspection even when the first requests come at once', async () => {
    const inspection = await createInspection(world, { title: `公开并发-${tag}` });
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map(() => call(world, 'POST', `/inspections/${inspection}/notice`, 'office')),
    );
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM notice WHERE inspection_id = $1', [
      inspection,
    ]);
    expect(count).toBe(1);
  });

  it('checks before publishing, keeps every version under a readable address, and redirects the old one', async () => {
    const { notice } = await publishable(`公开版本-${tag}`);
    const check = await call(world, 'GET', `/notices/${notice.id}/publish-check`, 'office');
    expect(check.status).toBe(200);
    expect(check.body.nextVersion).toBe(1);
    expect(check.body.publicUrl).toBeNull();
    expect(check.body.text).toContain('已完成整改,佐证材料详见附件');
    const kinds = check.body.warnings.map((warning: { kind: string; excerpt: string }) => [
      warning.kind,
      warning.excerpt,
    ]);
    // The default narrative says 共召开…会议{meetings}次: nothing recorded yet, so 0次.
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['zero_figure', expect.stringContaining('0次')],
        ['attachment_reference', '佐证材料详见附件'],
      ]),
    );
    expect(check.body.warnings.find((warning: { kind: string }) => warning.kind === 'attachment_reference').part).toBe(
      'problems',
    );
    expect((await call(world, 'GET', `/notices/${notice.id}/publish-check`, 'staff')).status).toBe(403);

    const first = await call(world, 'POST', `/notices/${notice.id}/publish`, 'office');
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    expect(first.body.publicUrl).toMatch(/^\/gongkai\/[a-z2-9]{6}\/1$/);
    const code = first.body.publicUrl.split('/')[2];
    await call(world, 'PUT', `/notices/${notice.id}`, 'office', { title: `第二次发布的标题-${tag}` });
    expect((await call(world, 'GET', `/notices/${notice.id}/publish-check`, 'office')).body).toMatchObject({
      nextVersion: 2,
      publicUrl: `/gongkai/${code}/2`,
    });
    const second = await call(world, 'POST', `/notices/${notice.id}/publish`, 'office');
    expect(second.body).toMatchObject({ version: 2, publicUrl: `/gongkai/${code}/2` });

    const versions = await call(world, 'GET', `/notices/${notice.id}/versions`, 'office');
    expect(versions.body.map((item: { version: number; publicUrl: string }) => [item.version, item.publicUrl])).toEqual(
      [
        [2, `/gongkai/${code}/2`],
        [1, `/gongkai/${code}/1`],
      ],
    );

    const newest = await page(`/gongkai/${code}/2`);
    expect(newest.status).toBe(200);
    const newestHtml = await newest.text();
    expect(newestHtml).toContain(`第二次发布的标题-${tag}`);
    expect(newestHtml).toContain(`href="/gongkai/${code}/1"`);
    expect(newestHtml).not.toContain('不是最新版本');
    const older = await (await page(`/gongkai/${code}/1`)).text();
    expect(older).not.toContain(`第二次发布的标题-${tag}`);
    expect(older).toContain('不是最新版本');
    expect(older).toContain(`href="/gongkai/${code}/2"`);

    const bare = await page(`/gongkai/${code}`);
    expect([bare.status, bare.headers.get('location')]).toEqual([302, `/gongkai/${code}/2`]);
    const old = await page(`/api/public/notices/${notice.id}`);
    expect([old.status, old.headers.get('location')]).toEqual([301, `/gongkai/${code}`]);
    expect((await call(world, 'GET', `/public/notices/${notice.id}/content.json`, null)).body.title).toBe(
      `第二次发布的标题-${tag}`,
    );

    expect((await page(`/gongkai/${code}/3`)).status).toBe(404);
    expect((await page(`/gongkai/zzzzzz/1`)).status).toBe(404);
    const bad = await page(`/gongkai/${code}/abc`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('version');
  });
});

describe('answers to the public', () => {
  it('routes a message to a measure, answers it, and shows the answer under the notice only while published', async () => {
    const { problem, notice } = await publishable(`公开答复-${tag}`);
    const published = (await call(world, 'POST', `/notices/${notice.id}/publish`, 'office')).body;
    const sent = await call(world, 'POST', `/public/notices/${notice.id}/feedback`, null, {
      name: `张群众-${tag}`,
      contact: '13800000000',
      content: `路灯还没修好-${tag}`,
    });
    expect(sent.status).toBe(201);
    const { inspection: otherInspection, problem: otherProblem } = await publishable(`公开其他-${tag}`);
    const list = async () => (await call(world, 'GET', `/inspections/${notice.inspectionId}/feedback`, 'office')).body;
    const item = (await list()).items[0];

    const measure = problem.measures[0].id;
    expect((await call(world, 'PUT', `/feedback/${item.id}/route`, 'staff', { measureId: measure })).status).toBe(403);
    const foreign = await call(world, 'PUT', `/feedback/${item.id}/route`, 'office', {
      measureId: otherProblem.measures[0].id,
    });
    expect([foreign.status, foreign.body.message]).toEqual([400, expect.stringContaining('measureId')]);
    const foreignProblem = await call(world, 'PUT', `/feedback/${item.id}/route`, 'office', {
      problemId: otherProblem.id,
    });
    expect([foreignProblem.status, foreignProblem.body.message]).toEqual([400, expect.stringContaining('problemId')]);
    expect(otherInspection).not.toBe(notice.inspectionId);
    expect((await call(world, 'PUT', `/feedback/${item.id}/route`, 'office', { measureId: measure })).status).toBe(204);
    expect((await list()).items[0]).toMatchObject({
      problemId: problem.id,
      measureId: measure,
      measureText: '已完成整改,佐证材料详见附件',
      readAt: expect.any(String),
    });

    const blank = await call(world, 'PUT', `/feedback/${item.id}/answer`, 'office', { answer: '  ', publish: true });
    expect([blank.status, blank.body.message]).toEqual([400, expect.stringContaining('answer')]);
    const answer = `已于本周修复-${tag}<b>`;
    expect((await call(world, 'PUT', `/feedback/${item.id}/answer`, 'office', { answer, publish: true })).status).toBe(
      204,
    );
    const html = await (await page(published.publicUrl)).text();
    expect(html).toContain('群众意见答复');
    expect(html).toContain(`已于本周修复-${tag}&lt;b&gt;`);
    expect(html).toContain(`路灯还没修好-${tag}`);
    expect(html).not.toContain(`张群众-${tag}`);
    expect(html).not.toContain('13800000000');
    expect((await list()).items[0]).toMatchObject({ answer, answerPublishedAt: expect.any(String) });

    await call(world, 'PUT', `/feedback/${item.id}/answer`, 'office', { answer, publish: false });
    expect(await (await page(published.publicUrl)).text()).not.toContain('群众意见答复');
  });

  it('answers the form with the thank-you in place of the form, marked to scroll into view', async () => {
    const { notice } = await publishable(`公开致谢-${tag}`);
    await call(world, 'POST', `/notices/${notice.id}/publish`, 'office');
    const html = await (
      await page((await call(world, 'GET', `/notices/${notice.id}/versions`, 'office')).body[0].publicUrl)
    ).text();
    expect(html).toMatch(/<form id="feedback"[^>]*action="\/api\/public\/notices\/[^"]+\/feedback#thanks"/);
    const reply = await fetch(`${world.api.url}/public/notices/${notice.id}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ content: '表单意见' }).toString(),
    });
    expect(reply.status).toBe(201);
    const thanks = await reply.text();
    expect(thanks).toContain('id="thanks"');
    expect(thanks).toContain('已收到您的意见建议');
    expect(thanks).not.toContain('<form');
  });
});

/** A notification for `who` written as the projection would (pending e-mail when `mail`). */
async function notify(who: string, kind: string, title: string, measureId: string | null = null, mail = false) {
  const [row] = await dataSource.query(
    `INSERT INTO notification (recipient_id, measure_id, kind, title, body, dedupe_key, email_status)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      world.people[who as 'staff'],
      measureId,
      kind,
      title,
      `${title}的正文`,
      `test:${randomUUID()}`,
      mail ? 'pending' : 'none',
    ],
  );
  return row.id as string;
}

describe('the inbox', () => {
  it('groups per measure with action-needed first and counts, and marks all (or one measure) read', async () => {
    await call(world, 'POST', '/notifications/read-all', 'other');
    const inspection = await createInspection(world, { title: `公开收件-${tag}` });
    const problem = await createProblem(world, {
      inspection,
      measures: [{ text: `只需知悉的措施-${tag}` }, { text: `需要办理的措施-${tag}` }],
    });
    const [informed, pressing] = problem.measures.map((measure: { id: string }) => measure.id);
    await notify('other', 'extension_decided', '延期已批准', informed);
    await notify('other', 'claimed', '已领办', informed);
    await notify('other', 'review_requested', '待审核', pressing);
    await notify('other', 'urge', '催办', pressing);
    await notify('other', 'public_feedback', '群众意见');
    const inbox = (await call(world, 'GET', '/notifications', 'other')).body;
    expect([inbox.unread, inbox.actionNeeded]).toEqual([5, 3]);
    expect(inbox.items.find((item: { kind: string }) => item.kind === 'urge')).toMatchObject({
      actionNeeded: true,
      measureText: `需要办理的措施-${tag}`,
    });
    expect(inbox.items.find((item: { kind: string }) => item.kind === 'claimed').actionNeeded).toBe(false);
    expect(
      inbox.groups.map(
        (group: { measureId: string | null; unread: number; actionNeeded: number; notificationIds: string[] }) => [
          group.measureId,
          group.unread,
          group.actionNeeded,
          group.notificationIds.length,
        ],
      ),
    ).toEqual([
      [pressing, 2, 2, 2],
      [null, 1, 1, 1],
      [informed, 2, 0, 2],
    ]);

    const bad = await call(world, 'POST', '/notifications/read-all', 'other', { measureId: 'nope' });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('measureId')]);
    expect((await call(world, 'POST', '/notifications/read-all', 'other', { measureId: pressing })).status).toBe(204);
    const after = (await call(world, 'GET', '/notifications', 'other')).body;
    expect([after.unread, after.actionNeeded]).toEqual([3, 1]);
    expect((await call(world, 'POST', '/notifications/read-all', 'other')).status).toBe(204);
    expect((await call(world, 'GET', '/notifications', 'other')).body).toMatchObject({ unread: 0, actionNeeded: 0 });
  });
});

/** The text of a message's body (quoted-printable or base64, as nodemailer wrote it). */
function bodyText(raw: string): string {
  const [headers, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body, 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

describe('the daily digest', () => {
  it('sends one e-mail a day for several notifications to who asked for it, and one each to the others', async () => {
    const bad = await call(world, 'PUT', '/notifications/settings', 'staff', { emailDigest: 'weekly' });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('emailDigest')]);
    expect((await call(world, 'GET', '/notifications/settings', 'staff')).body).toEqual({
      emailDigest: 'default',
      defaultDigest: 'immediate',
    });
    const set = await call(world, 'PUT', '/notifications/settings', 'staff', { emailDigest: 'daily' });
    expect(set.body.emailDigest).toBe('daily');

    const mails: { to: string; subject: string; text: string }[] = [];
    const smtp = await startSmtpSink((raw, recipients, accept) => {
      for (const to of recipients.filter((address) => address === staffEmail || address === leaderEmail))
        mails.push({ to, subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '', text: bodyText(raw) });
      accept();
    });
    const poll = process.env.MAIL_POLL_MS;
    const hour = process.env.MAIL_DIGEST_HOUR;
    process.env.MAIL_POLL_MS = '3600000'; // no timer rounds: the test runs each round itself
    process.env.MAIL_DIGEST_HOUR = '0';
    const mailer = new MailerService(new UnitOfWork(dataSource), new NotificationRepository(dataSource), {
      mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Rectiflow <noreply@test>' },
    } as WorkerConfig);
    mailer.onApplicationBootstrap();
    for (const [name, value] of [
      ['MAIL_POLL_MS', poll],
      ['MAIL_DIGEST_HOUR', hour],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    try {
      const now = new Date();
      const ids = [
        await notify('staff', 'assignment', `【交办】摘要一-${tag}`, null, true),
        await notify('staff', 'urge', `【催办】摘要二-${tag}`, null, true),
        await notify('staff', 'rejection', `【退回】摘要三-${tag}`, null, true),
      ];
      await notify('leader', 'assignment', `【交办】单独一-${tag}`, null, true);
      await notify('leader', 'urge', `【催办】单独二-${tag}`, null, true);
      // Other suites' e-mail may be queued in the shared database: rounds until ours are out.
      for (let round = 0; round < 10 && mails.length < 3; round += 1) await mailer.sendPending(now);
      const toStaff = mails.filter((mail) => mail.to === staffEmail);
      expect(toStaff).toHaveLength(1);
      for (const title of ['摘要一', '摘要二', '摘要三']) expect(toStaff[0].text).toContain(`${title}-${tag}`);
      expect(toStaff[0].text).toContain('3条');
      expect(mails.filter((mail) => mail.to === leaderEmail)).toHaveLength(2);
      const statuses = await dataSource.query(
        `SELECT DISTINCT email_status FROM notification WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      expect(statuses).toEqual([{ email_status: 'sent' }]);

      await notify('staff', 'assignment', `【交办】次日-${tag}`, null, true);
      await mailer.sendPending(now);
      expect(mails.filter((mail) => mail.to === staffEmail)).toHaveLength(1);
      await mailer.sendPending(new Date(now.getTime() + 86_400_000));
      const next = mails.filter((mail) => mail.to === staffEmail);
      expect(next).toHaveLength(2);
      expect(next[1].text).toContain(`次日-${tag}`);
      expect(next[1].text).not.toContain(`摘要一-${tag}`);
    } finally {
      await mailer.beforeApplicationShutdown();
      await smtp.close();
    }
  });
});
