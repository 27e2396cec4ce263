/**
 * The formal papers in the workbench, in Chromium against the real stack: the office edits the
 * 整改报告's narrative, previews it from live data, generates a version, downloads it with its
 * ledger (each file read back: the .docx with mammoth, as the import reads documents) and marks it
 * 报送; 三张清单; the inspection's 督办单 listed with their status, downloaded and opened to print;
 * the measure page's 销号审批表 and open 督办单, and the dashboard's 督办单 figure; a reader who is
 * not the office; a 长期坚持 measure lived in the browser (交办, 报送进展 with a file, the report
 * reviewed, 结束 with a reason, the leader's 销号). Screenshots: papers-*.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { documentText } from '@rectiflow/documents';
import { launchBrowser } from './support/browser';
import { fastPolicy, waitFor } from './support/stack';
import { openAs, openMeasure, shot, waitForStage } from './support/web-pages';
import { actOk, buildWorld, call, createMeasure, measureAt, startStack, World } from './support/world';

type People = 'office' | 'reviewer' | 'leader' | 'staff' | 'supervisor';
let world: World<People, 'department'>;
let browser: Browser;
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('web-papers'), {
    departments: { department: `文书部门-${tag}` },
    people: {
      office: { name: `文书整改办-${tag}`, roles: 'office' },
      reviewer: { name: `文书审核-${tag}`, roles: 'reviewer' },
      leader: `文书领导-${tag}`,
      staff: { name: `文书经办-${tag}`, department: 'department' },
      supervisor: { name: `文书督查-${tag}`, roles: 'supervisor' },
    },
    inspection: {
      title: `正式文件-${tag}`,
      feedbackOn: '2026-01-15',
      policy: fastPolicy({ reviewOngoingReports: true }),
    },
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

/** Signed in as `who` with the world's inspection chosen. */
async function open(who: People): Promise<Page> {
  const { page } = await openAs(browser, world.origin, world.users[who].username);
  await page.evaluate(
    (id) =>
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        'rectiflow.inspection',
        id,
      ),
    world.inspection,
  );
  await page.reload();
  await page.getByTestId('nav').waitFor();
  return page;
}

/** 文件与通报 → 正式文件. */
async function openPapers(page: Page): Promise<void> {
  await page.goto(`${world.origin}/documents`);
  await page.getByRole('tab', { name: '正式文件' }).click();
  await page.getByTestId('papers').waitFor();
}

/** The bytes of what a click downloads. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

const paperText = async (page: Page, button: Locator) =>
  documentText('paper.docx', (await downloaded(page, button)).bytes);

it('the office edits the 整改报告, previews it from live data, generates a version and downloads it with its ledger; 三张清单', async () => {
  const signed = await measureAt(world, 'signoff', { text: `已销号措施-${tag}` });
  await actOk(world, signed, 'sign_off', 'leader', { decision: 'approve' });
  const page = await open('office');
  await openPapers(page);
  expect(await page.getByTestId('report-due').innerText()).toContain('2026-03-15');
  await page.getByTestId('report-overall').fill(`报告正文-${tag}:共{problems}个问题,已完成{doneMeasures}项。`);
  await page.getByTestId('report-save').click();
  const figures = (await call(world, 'GET', `/inspections/${world.inspection}/report/preview`, 'office')).body.figures;
  const filled = `报告正文-${tag}:共${figures.problems}个问题,已完成${figures.doneMeasures}项。`;
  expect(figures.doneMeasures).toBeGreaterThanOrEqual(1);
  await page.getByTestId('report-preview').getByText(filled).waitFor();
  expect(await page.getByTestId('report-preview').innerText()).toContain(`已销号措施-${tag}`);
  await shot(page, 'papers-report');

  await page.getByTestId('report-generate').click();
  await page.getByTestId('report-docx-1').waitFor();
  expect(await page.getByTestId('report-versions').innerText()).toContain(world.users.office.name);
  const report = await downloaded(page, page.getByTestId('report-docx-1'));
  expect(report.name).toBe('整改报告-第1版.docx');
  const text = await documentText('report.docx', report.bytes);
  expect(text).toContain('第1版 报送时限:2026年3月15日');
  expect(text).toContain(filled);
  expect(text).toContain(`已销号措施-${tag}`);
  const ledger = await downloaded(page, page.getByTestId('report-ledger-1'));
  expect(ledger.name).toBe('整改台账-第1版.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(ledger.bytes as unknown as ArrayBuffer);
  const cells = workbook.worksheets.flatMap((sheet) =>
    sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
  );
  expect(cells).toContain(`已销号措施-${tag}`);

  // 报送: the office marks version 1 sent (after a confirmation); who and when are shown.
  expect(await page.getByTestId('report-due').innerText()).toContain('尚未报送');
  await page.getByTestId('report-submit-1').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await page.getByTestId('report-submitted-1').getByText(world.users.office.name, { exact: false }).waitFor();
  await page.getByTestId('report-due').getByText('已报送第1版', { exact: false }).waitFor();
  const versions = (await call(world, 'GET', `/inspections/${world.inspection}/report/versions`, 'office')).body;
  expect(versions[0]).toMatchObject({ version: 1, submittedById: world.people.office });

  const lists = await paperText(page, page.getByTestId('task-lists-download'));
  expect(lists).toContain('问题清单');
  expect(lists).toContain('责任清单');
  expect(lists).toContain(`已销号措施-${tag}`);
  await page.context().close();
});

it('lists the inspection’s 督办单 with their numbers; one downloads as Word and opens to print; its measure shows it', async () => {
  const measure = await measureAt(world, 'rectify', { text: `督办措施-${tag}` });
  await actOk(world, measure, 'supervise', 'supervisor', { reason: `进度滞后-${tag}` });
  const page = await open('office');
  await openPapers(page);
  const table = page.getByTestId('supervision-notices');
  await table.getByText(`督办措施-${tag}`).waitFor();
  const notices = (await call(world, 'GET', `/inspections/${world.inspection}/supervision-notices`, 'office')).body as {
    measureId: string;
    number: number;
    numberText: string;
    replyBy: string;
  }[];
  const notice = notices.find((item) => item.measureId === measure)!;
  expect(notice.numberText).toMatch(/^〔\d{4}〕第\d+号$/);
  const row = table.locator('tr', { hasText: `督办措施-${tag}` });
  expect(await row.innerText()).toContain(notice.numberText);
  expect(await row.innerText()).toContain(notice.replyBy);
  expect(await page.getByTestId(`notice-status-${notice.number}`).innerText()).toBe('待回复');
  await shot(page, 'papers-supervision-notices');
  const word = await paperText(page, page.getByTestId(`notice-docx-${notice.number}`));
  expect(word).toContain(notice.numberText);
  expect(word).toContain(`进度滞后-${tag}`);
  const [printable] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId(`notice-print-${notice.number}`).click(),
  ]);
  await waitFor(
    async () =>
      (
        await printable
          .locator('body')
          .innerText()
          .catch(() => '')
      ).includes(notice.numberText),
    'the printable 督办单',
  );
  await printable.close();

  await openMeasure(page, world.origin, measure);
  const onMeasure = page.getByTestId('measure-supervision-notice');
  await onMeasure.getByText(notice.numberText).waitFor();
  expect(await onMeasure.innerText()).toContain('待回复');
  expect(await paperText(page, page.getByTestId('measure-notice-download'))).toContain(notice.numberText);

  // The dashboard counts it: not yet closed, of those issued.
  await page.goto(`${world.origin}/dashboard`);
  const figure = page.getByTestId('stat-supervision');
  await figure.waitFor();
  expect((await figure.innerText()).replace(/\s+/g, '')).toBe('督办单(未办结)1/已发1');
  await page.context().close();
});

it('the measure page downloads the 销号审批表 once the measure is signed off, and offers none before', async () => {
  const signed = await measureAt(world, 'signoff', { text: `审批表措施-${tag}` });
  const page = await open('leader');
  await openMeasure(page, world.origin, signed);
  await page.getByTestId('submit-sign_off').waitFor();
  expect(await page.getByTestId('signoff-form-download').count()).toBe(0);
  await page.getByTestId('submit-sign_off').click();
  await waitForStage(page, '回头看');
  const form = await downloaded(page, page.getByTestId('signoff-form-download'));
  expect(form.name).toBe('整改措施销号审批表.docx');
  const text = await documentText('form.docx', form.bytes);
  expect(text).toContain('销号审批表');
  expect(text).toContain(`审批表措施-${tag}`);
  await shot(page, 'papers-signoff-form');
  await page.context().close();
});

it('a reader who is not the office sees the papers without the editor, and nothing else of 文件与通报', async () => {
  const page = await open('supervisor');
  await page.getByTestId('nav').getByText('文件与通报').click();
  await page.getByTestId('papers').waitFor();
  await page.getByTestId('report-preview').waitFor();
  await page.getByTestId('report-versions').getByText('第1版').waitFor();
  expect(await page.getByTestId('report-form').count()).toBe(0);
  // 报送 is the office's: the reader sees that it was, with no button.
  await page.getByTestId('report-submitted-1').waitFor();
  expect(await page.locator('[data-testid^=report-submit-]').count()).toBe(0);
  expect(await page.getByRole('tab', { name: '导入方案/通报' }).count()).toBe(0);
  await page.getByTestId('supervision-notices').getByText(`督办措施-${tag}`).waitFor();
  await page.context().close();
});

it('a 长期坚持 measure: 交办, 报送进展 with a file, the report reviewed, then 结束 with a reason and the leader’s 销号', async () => {
  const id = await createMeasure(world, { kind: 'ongoing', text: `长期坚持措施-${tag}` });
  const office = await open('office');
  await openMeasure(office, world.origin, id);
  await office.getByTestId('action-assign').getByTestId('submit-assign').click();
  await waitForStage(office, '整改');
  // Nothing to end before a first report.
  expect(await office.getByTestId('submit-conclude').count()).toBe(0);

  const staff = await open('staff');
  await openMeasure(staff, world.origin, id);
  if ((await staff.getByTestId('clerk-switch').count()) > 0)
    await staff.getByTestId('clerk-switch').getByText('报送进展').click();
  await staff.getByTestId('submit-report_progress').waitFor();
  await staff.locator('[data-testid=evidence-upload] input[type=file]').setInputFiles({
    name: '第一期调度纪要.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 第一期调度纪要'),
  });
  const choice = staff.getByTestId('evidence-choice').locator('label', { hasText: '第一期调度纪要.pdf' });
  await choice.waitFor();
  expect(await choice.locator('input').isChecked()).toBe(true);
  await staff.getByTestId('field-summary').fill('第一期:召开调度会2次');
  await shot(staff, 'papers-report-progress');
  await staff.getByTestId('submit-report_progress').click();
  await waitForStage(staff, '审核');
  const rows = (await call(world, 'GET', `/measures/${id}/timeline`, 'office')).body as {
    action: string;
    detail: { evidenceIds?: string[] };
  }[];
  expect(rows.find((row) => row.action === 'report_progress')?.detail.evidenceIds).toHaveLength(1);

  const reviewer = await open('reviewer');
  await openMeasure(reviewer, world.origin, id);
  await reviewer.getByTestId('context-evidence').getByText('第一期调度纪要.pdf').waitFor();
  await reviewer.getByTestId('submit-review').click();
  await waitForStage(reviewer, '整改');

  await office.reload();
  await office.getByTestId('measure-page').waitFor();
  // A reason is required.
  await office.getByTestId('submit-conclude').click();
  await office.getByTestId('action-conclude').getByText('必填').waitFor();
  await office.getByTestId('field-note').fill('已形成长效机制,转入常态化管理');
  await office.getByTestId('submit-conclude').click();
  await waitForStage(office, '销号');

  const leader = await open('leader');
  await openMeasure(leader, world.origin, id);
  await leader.getByTestId('submit-sign_off').click();
  await waitForStage(leader, '回头看');
  const measure = (await call(world, 'GET', `/measures/${id}`, 'office')).body;
  expect(measure).toMatchObject({ stage: 'lookback', signedOffAt: expect.any(String) });
  for (const page of [office, staff, reviewer, leader]) await page.context().close();
});
