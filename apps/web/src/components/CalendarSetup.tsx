import { App, Button, Calendar, Card, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWorkingDay, WorkingCalendar } from '@rectiflow/domain/working-days';
import { call, client, Schemas } from '../api';
import { failureText } from '../errors';
import { CalendarYearCoverage } from './CalendarYearCoverage';

type CalendarYear = Schemas['CalendarYearResponse'];
type LocalKind = Schemas['LocalDayKind'];
const LOCAL_KINDS: LocalKind[] = ['holiday', 'closure', 'workday'];

/** The year's answer as the domain's calendar value, so the screen says working or not by the workflows' own rule. */
function asWorkingCalendar(data: CalendarYear): WorkingCalendar {
  return {
    version: data.version,
    years: data.covered ? [data.year] : [],
    holidays: data.holidays.map((entry) => entry.day),
    workdays: data.workdays.map((entry) => entry.day),
    closures: data.localDays.filter((entry) => entry.kind !== 'workday').map((entry) => entry.day),
    openings: data.localDays.filter((entry) => entry.kind === 'workday').map((entry) => entry.day),
    from: `${data.year}-01-01`,
    to: `${data.year}-12-31`,
  };
}

/**
 * 工作日历 in setup: a month view marking the State Council's holidays (休), the 调休 working days
 * (班) and the office's own days; the administrator adds a local holiday, a closure or an extra
 * working day on the selected day, or removes one. A year the data does not cover yet is said so,
 * and the administrator may count it as covered once its arrangement was entered by hand.
 */
export function CalendarSetup({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Dayjs>(() => dayjs());
  const [data, setData] = useState<CalendarYear | null>(null);
  const [form] = Form.useForm<{ kind: LocalKind; name: string }>();
  const year = selected.year();

  const load = useCallback(() => {
    void call(() => client.GET('/api/calendar', { params: { query: { year } } }))
      .then(setData)
      .catch((failure) => void message.error(failureText(failure, t)));
  }, [year, message, t]);
  useEffect(load, [load]);

  const days = useMemo(() => {
    const byDay = new Map<string, { holiday?: string; workday?: string; local?: Schemas['LocalDayResponse'] }>();
    const entry = (day: string) => byDay.get(day) ?? byDay.set(day, {}).get(day)!;
    for (const item of data?.holidays ?? []) entry(item.day).holiday = item.name;
    for (const item of data?.workdays ?? []) entry(item.day).workday = item.name;
    for (const item of data?.localDays ?? []) entry(item.day).local = item;
    return byDay;
  }, [data]);
  const calendar = useMemo(() => (data && data.year === year ? asWorkingCalendar(data) : null), [data, year]);

  const day = selected.format('YYYY-MM-DD');
  const marks = days.get(day);

  const change = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      form.resetFields();
      load();
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  const add = (values: { kind: LocalKind; name: string }) =>
    change(
      () => call(() => client.POST('/api/calendar/days', { body: { day, kind: values.kind, name: values.name } })),
      t('calendar.added'),
    );
  const remove = () =>
    change(
      () => call(() => client.DELETE('/api/calendar/days/{day}', { params: { path: { day } } })),
      t('calendar.removed'),
    );

  const cell = (current: Dayjs) => {
    const mark = days.get(current.format('YYYY-MM-DD'));
    if (!mark) return null;
    const testId = `calendar-mark-${current.format('YYYY-MM-DD')}`;
    if (mark.local)
      return (
        <Tag color={mark.local.kind === 'workday' ? 'orange' : 'blue'} data-testid={testId} title={mark.local.name}>
          {t(`calendar.short.${mark.local.kind}`)}
        </Tag>
      );
    if (mark.workday)
      return (
        <Tag color="orange" data-testid={testId} title={mark.workday}>
          {t('calendar.short.makeUp')}
        </Tag>
      );
    return (
      <Tag color="red" data-testid={testId} title={mark.holiday}>
        {t('calendar.short.statutory')}
      </Tag>
    );
  };

  return (
    <Card size="small" title={t('calendar.title')} data-testid="calendar-setup">
      <Space direction="vertical" style={{ width: '100%' }}>
        {data && data.year === year && <CalendarYearCoverage data={data} editable={editable} changed={load} />}
        <Calendar
          fullscreen={false}
          value={selected}
          onSelect={(value) => setSelected(value)}
          onPanelChange={(value) => setSelected(value)}
          headerRender={({ value, onChange }) => <MonthHeader value={value} onChange={onChange} />}
          cellRender={(current, info) => (info.type === 'date' ? cell(current) : info.originNode)}
        />
        <div data-testid="calendar-day">
          <Typography.Text strong>{day}</Typography.Text>{' '}
          {calendar && (
            <Tag color={isWorkingDay(calendar, day) ? 'green' : 'default'}>
              {t(isWorkingDay(calendar, day) ? 'calendar.working' : 'calendar.off')}
            </Tag>
          )}
          {marks?.holiday && <Typography.Text>{t('calendar.statutory', { name: marks.holiday })} </Typography.Text>}
          {marks?.workday && <Typography.Text>{t('calendar.makeUp', { name: marks.workday })} </Typography.Text>}
          {marks?.local && (
            <Typography.Text>
              {t('calendar.local', { kind: t(`calendar.kind.${marks.local.kind}`), name: marks.local.name })}{' '}
            </Typography.Text>
          )}
        </div>
        {editable && marks?.local && (
          <Popconfirm title={t('calendar.removeConfirm', { day })} onConfirm={remove}>
            <Button danger data-testid="calendar-remove">
              {t('calendar.remove')}
            </Button>
          </Popconfirm>
        )}
        {editable && !marks?.local && (
          <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: 'closure' }}>
            {/* required={false}: antd would put aria-required on the select's box (a div, where ARIA forbids it); the rule stays. */}
            <Form.Item name="kind" required={false} rules={[{ required: true }]}>
              <Select
                style={{ minWidth: 140 }}
                aria-label={t('calendar.kindLabel')}
                options={LOCAL_KINDS.map((value) => ({ value, label: t(`calendar.kind.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input placeholder={t('calendar.name')} aria-label={t('calendar.name')} />
            </Form.Item>
            <Button htmlType="submit" type="primary" data-testid="calendar-add">
              {t('calendar.add')}
            </Button>
          </Form>
        )}
        {data && (
          <Typography.Text type="secondary" data-testid="calendar-version">
            {t('calendar.version', { version: data.version })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/** The month view's year and month, as antd's own header has them but named (antd's selects have no label). */
function MonthHeader({ value, onChange }: { value: Dayjs; onChange: (date: Dayjs) => void }) {
  const { t } = useTranslation();
  const years = Array.from({ length: 21 }, (_, index) => value.year() - 10 + index);
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end', padding: 8 }}>
      <Select
        size="small"
        className="ant-picker-calendar-year-select"
        aria-label={t('calendar.year')}
        value={value.year()}
        options={years.map((year) => ({ value: year, label: String(year) }))}
        onChange={(year: number) => onChange(value.year(year))}
        popupMatchSelectWidth={false}
      />
      <Select
        size="small"
        className="ant-picker-calendar-month-select"
        aria-label={t('calendar.month')}
        value={value.month()}
        options={Array.from({ length: 12 }, (_, month) => ({
          value: month,
          label: t('calendar.monthOption', { month: month + 1 }),
        }))}
        onChange={(month: number) => onChange(value.month(month))}
        popupMatchSelectWidth={false}
      />
    </Space>
  );
}
