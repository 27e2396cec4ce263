/**
 * The working calendar against the real API and PostgreSQL: everyone signed in reads a year
 * (statutory holidays and 调休 days from the pinned package, the office's own days, covered or not);
 * only a system administrator adds or removes a day of the office's own, or enters a year the data
 * package does not carry yet by hand; each change gives a new
 * version and is recorded (who, when, what); the worker's activity answers a range of the calendar
 * with the same version. Answers are checked against the API document's schemas.
 */
import { ApplicationFailure } from '@temporalio/common';
import { isWorkingDay } from '@rectiflow/domain';
import { WorkingCalendarActivities } from '../apps/worker/src/activities/calendar.activities';
import { OpenApi, responseSchema, schemaProblems } from './support/openapi-check';
import { CalendarRepository } from '@rectiflow/persistence';
import { fastPolicy, waitFor } from './support/stack';
import { actOk, buildWorld, call, createInspection, createMeasure, startStack, World } from './support/world';

let world: World<'clerk' | 'office' | 'leader', 'lead'>;
let document: OpenApi;
// Far-off days of the office's own, so no other suite's deadline meets them; removed at the end.
const CLOSURE = '2099-05-06';
const EXTRA = '2099-05-09';

beforeAll(async () => {
  world = await buildWorld(await startStack('calendar'), {
    departments: { lead: `日历牵头部门-${Date.now().toString(36)}` },
    people: { clerk: { name: '陈经办' }, office: { name: '王整改', roles: 'office' }, leader: '日历领导' },
    inspection: { title: `日历-${Date.now().toString(36)}` },
  });
  document = (await call(world, 'GET', '/docs-json', null)).body;
  await world.dataSource.query('DELETE FROM calendar_day WHERE day IN ($1, $2)', [CLOSURE, EXTRA]);
}, 120_000);

afterAll(async () => {
  await world?.dataSource.query('DELETE FROM calendar_day WHERE day IN ($1, $2)', [CLOSURE, EXTRA]);
  await world?.dataSource.query('DELETE FROM calendar_year WHERE year = 2099');
  await world?.stop();
});

async function documented(operation: string, path: string, who: string | null, status: number, body?: unknown) {
  const reply = await call(world, operation.split(' ')[0], path, who, body);
  expect({ operation, status: reply.status, body: status === reply.status ? undefined : reply.body }).toEqual({
    operation,
    status,
    body: undefined,
  });
  expect({
    operation,
    problems: schemaProblems(document, responseSchema(document, operation, status), reply.body),
  }).toEqual({ operation, problems: [] });
  return reply.body;
}

describe('reading a year', () => {
  it('gives 2025 with 国庆 and its 调休 days to anyone signed in, and nobody else', async () => {
    const year = await documented('GET /api/calendar', '/calendar?year=2025', 'clerk', 200);
    expect(year).toMatchObject({ year: 2025, covered: true, source: 'chinese-days@1.5.7' });
    expect(year.version).toMatch(/^chinese-days@1\.5\.7\+local\.\d+$/);
    const holidays = year.holidays.map((entry: { day: string }) => entry.day);
    expect(holidays).toEqual(expect.arrayContaining(['2025-01-28', '2025-02-04', '2025-10-01', '2025-10-08']));
    expect(year.holidays).toContainEqual({ day: '2025-10-01', name: '国庆节' });
    expect(year.workdays.map((entry: { day: string }) => entry.day)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect((await call(world, 'GET', '/calendar?year=2025', null)).status).toBe(401);
  });

  it('says a year not yet published is not covered', async () => {
    const year = await documented('GET /api/calendar', '/calendar?year=2027', 'office', 200);
    expect(year).toMatchObject({
      year: 2027,
      covered: false,
      coveredBy: null,
      entered: null,
      holidays: [],
      workdays: [],
    });
    for (const bad of ['1999', '2101', 'abc', ''])
      expect({ bad, status: (await call(world, 'GET', `/calendar?year=${bad}`, 'clerk')).status }).toEqual({
        bad,
        status: 400,
      });
  });
});

describe("the office's own days", () => {
  it('an administrator adds a closure: a new version, shown in the year and recorded; others are refused', async () => {
    const before = (await call(world, 'GET', '/calendar?year=2099', 'clerk')).body.version as string;
    const closure = { day: CLOSURE, kind: 'closure', name: '办公楼停电检修' };
    for (const who of ['clerk', 'office']) {
      const refused = await call(world, 'POST', '/calendar/days', who, closure);
      expect({ who, status: refused.status, error: refused.body.error }).toEqual({
        who,
        status: 403,
        error: 'FORBIDDEN',
      });
    }
    expect((await call(world, 'POST', '/calendar/days', null, closure)).status).toBe(401);
    expect((await call(world, 'GET', '/calendar?year=2099', 'clerk')).body.version).toBe(before);

    const added = await documented('POST /api/calendar/days', '/calendar/days', 'admin', 201, closure);
    expect(added.day).toMatchObject({ ...closure, createdBy: world.admin });
    expect(added.version).not.toBe(before);
    const year = await documented('GET /api/calendar', '/calendar?year=2099', 'clerk', 200);
    expect(year.version).toBe(added.version);
    expect(year.localDays).toEqual([expect.objectContaining({ ...closure, createdBy: world.admin })]);

    const changes = await documented('GET /api/calendar/changes', '/calendar/changes?limit=5', 'admin', 200);
    expect(changes[0]).toMatchObject({ action: 'add', ...closure, actorId: world.admin });
    expect(Date.now() - Date.parse(changes[0].occurredAt)).toBeLessThan(60_000);
    expect(added.version.endsWith(`+local.${changes[0].id}`)).toBe(true);
    expect((await call(world, 'GET', '/calendar/changes', 'clerk')).status).toBe(403);
  });

  it('refuses a second entry on the same day, and bad days, kinds and names', async () => {
    const again = await call(world, 'POST', '/calendar/days', 'admin', { day: CLOSURE, kind: 'workday', name: '补班' });
    expect(again).toMatchObject({ status: 409, body: { error: 'CONFLICT' } });
    expect(again.body.message).toMatch(/already has a day/);
    const bad = [
      { day: '2099-02-30', kind: 'closure', name: '无此日' },
      { day: '1999-12-31', kind: 'closure', name: '太早' },
      { day: EXTRA, kind: 'weekend', name: '种类不对' },
      { day: EXTRA, kind: 'workday', name: '   ' },
      { day: EXTRA, kind: 'workday', name: '补班', extra: true },
    ];
    for (const body of bad)
      expect({ body, status: (await call(world, 'POST', '/calendar/days', 'admin', body)).status }).toEqual({
        body,
        status: 400,
      });
  });

  it("the worker's activity answers a range with the statutory days, the office's days and the same version", async () => {
    await documented('POST /api/calendar/days', '/calendar/days', 'admin', 201, {
      day: EXTRA,
      kind: 'workday',
      name: '集中办公',
    });
    const version = (await call(world, 'GET', '/calendar?year=2099', 'clerk')).body.version;
    const activities = world.worker!.get(WorkingCalendarActivities);
    const slice = await activities.workingCalendar({ from: '2099-05-01', to: '2099-05-31' });
    expect(slice).toEqual({
      version,
      years: [],
      holidays: [],
      workdays: [],
      closures: [CLOSURE],
      openings: [EXTRA],
      from: '2099-05-01',
      to: '2099-05-31',
    });
    expect(isWorkingDay(slice, CLOSURE)).toBe(false); // a Wednesday
    expect(isWorkingDay(slice, EXTRA)).toBe(true); // a Saturday

    const national = await activities.workingCalendar({ from: '2025-09-01', to: '2025-10-31' });
    expect(national).toMatchObject({ version, years: [2025], workdays: ['2025-09-28', '2025-10-11'] });
    expect(national.holidays).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    // Plain JSON, as a workflow's history stores it.
    expect(JSON.parse(JSON.stringify(national))).toEqual(national);

    const refusal = await activities.workingCalendar({ from: '2025-10-31', to: '2025-09-01' }).catch((error) => error);
    expect(refusal).toBeInstanceOf(ApplicationFailure);
    expect(refusal).toMatchObject({ type: 'INVALID_INPUT', nonRetryable: true });
  });

  it('an administrator enters a year the package lacks by hand: covered, in the activity, recorded, and taken back', async () => {
    await world.dataSource.query('DELETE FROM calendar_year WHERE year = 2099');
    const entry = { year: 2099, note: '按国务院通知录入' };
    expect((await call(world, 'POST', '/calendar/years', 'office', entry)).status).toBe(403);
    const refused = await call(world, 'POST', '/calendar/years', 'admin', { year: 2026, note: '已有' });
    expect(refused).toMatchObject({ status: 409, body: { message: expect.stringMatching(/in the data package/) } });
    const entered = await documented('POST /api/calendar/years', '/calendar/years', 'admin', 201, entry);
    expect(entered.entered).toMatchObject({ ...entry, createdBy: world.admin });
    expect((await call(world, 'POST', '/calendar/years', 'admin', entry)).status).toBe(409);
    const year = await documented('GET /api/calendar', '/calendar?year=2099', 'clerk', 200);
    expect(year).toMatchObject({ covered: true, coveredBy: 'office', version: entered.version, entered: entry });
    expect((await call(world, 'GET', '/calendar?year=2025', 'clerk')).body).toMatchObject({
      coveredBy: 'package',
      entered: null,
    });
    const slice = await world
      .worker!.get(WorkingCalendarActivities)
      .workingCalendar({ from: '2099-01-01', to: '2099-12-31' });
    expect(slice.years).toEqual([2099]);
    const [last] = (await call(world, 'GET', '/calendar/changes?limit=1', 'admin')).body;
    expect(last).toMatchObject({ action: 'cover', day: '2099-01-01', kind: 'year', name: entry.note });

    expect((await call(world, 'DELETE', '/calendar/years/2099', 'clerk')).status).toBe(403);
    const removed = await documented('DELETE /api/calendar/years/{year}', '/calendar/years/2099', 'admin', 200);
    expect(removed.version).not.toBe(entered.version);
    expect((await call(world, 'GET', '/calendar?year=2099', 'clerk')).body).toMatchObject({
      covered: false,
      coveredBy: null,
    });
    expect((await call(world, 'DELETE', '/calendar/years/2099', 'admin')).status).toBe(404);
    for (const bad of ['abc', '1999', '99999999999'])
      expect({ bad, status: (await call(world, 'DELETE', `/calendar/years/${bad}`, 'admin')).status }).toEqual({
        bad,
        status: 400,
      });
  });

  it('an administrator removes a day: another version and another record; a day without one is 404', async () => {
    const before = (await call(world, 'GET', '/calendar?year=2099', 'clerk')).body.version as string;
    expect((await call(world, 'DELETE', `/calendar/days/${CLOSURE}`, 'clerk')).status).toBe(403);
    const removed = await documented('DELETE /api/calendar/days/{day}', `/calendar/days/${CLOSURE}`, 'admin', 200);
    expect(removed.day).toMatchObject({ day: CLOSURE, kind: 'closure' });
    expect(removed.version).not.toBe(before);
    const year = (await call(world, 'GET', '/calendar?year=2099', 'clerk')).body;
    expect(year.localDays.map((entry: { day: string }) => entry.day)).toEqual([EXTRA]);
    const [last] = (await call(world, 'GET', '/calendar/changes?limit=1', 'admin')).body;
    expect(last).toMatchObject({ action: 'remove', day: CLOSURE, kind: 'closure', actorId: world.admin });
    expect((await call(world, 'DELETE', `/calendar/days/${CLOSURE}`, 'admin')).status).toBe(404);
    for (const bad of ['2099-13-01', encodeURIComponent('a\u0000b'), 'not-in-the-enum']) {
      const refused = await call(world, 'DELETE', `/calendar/days/${bad}`, 'admin');
      expect({ bad, status: refused.status, message: refused.body.message }).toEqual({
        bad,
        status: 400,
        message: 'day must be a date written YYYY-MM-DD',
      });
    }
  });
});

describe('re-planning running measures', () => {
  it('an administrator tells running working-day measures to fetch a calendar that changed without them (a new data package)', async () => {
    const inspection = await createInspection(world, {
      title: `日历重算-${Date.now().toString(36)}`,
      policy: fastPolicy({ reviewWithin: { workingDays: 2 }, remindBefore: [], escalateAfter: ['PT1H'] }),
    });
    const measure = await createMeasure(world, { inspection });
    await actOk(world, measure, 'assign', 'office', {});
    const trail = async () =>
      ((await call(world, 'GET', `/measures/${measure}/timeline`, 'office')).body as { action: string }[]).filter(
        (row) => row.action === 'calendar_changed',
      ).length;
    expect(await trail()).toBe(0);
    // The calendar moves without anyone telling the measures (as a deployed package upgrade does).
    const calendars = new CalendarRepository(world.dataSource);
    await world.dataSource.transaction(async (tx) => {
      await calendars.lockChanges(tx);
      await calendars.recordChange('add', { day: '2099-05-07', kind: 'closure', name: '重算' }, world.admin, tx);
    });
    const refused = await call(world, 'POST', '/calendar/replan', 'office');
    expect({ status: refused.status, reason: refused.body.reason }).toEqual({
      status: 403,
      reason: { code: 'ADMIN_ONLY', params: {} },
    });
    expect((await call(world, 'POST', '/calendar/replan', null)).status).toBe(401);
    const replanned = await documented('POST /api/calendar/replan', '/calendar/replan', 'admin', 200);
    expect(replanned.replanned).toBeGreaterThanOrEqual(1);
    await waitFor(async () => ((await trail()) === 1 ? true : undefined), 'the calendar_changed row');
    // Asked again with nothing new, the measure is left as it is.
    await documented('POST /api/calendar/replan', '/calendar/replan', 'admin', 200);
    expect(await trail()).toBe(1);
    // Ended, so later suites' calendar changes do not wait on a measure whose worker stopped with this suite.
    await actOk(world, measure, 'void', 'office', { reason: '测试结束' });
  });
});
