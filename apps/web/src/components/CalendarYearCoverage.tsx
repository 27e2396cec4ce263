import { Alert, App, Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../api';
import { failureText } from '../errors';

/**
 * Whether the shown year's State Council arrangement is known: a warning when it is not (weekends
 * only), with the administrator's way to count the year as covered once its days were entered by
 * hand; a note when it was entered by hand, with the way to take that back.
 */
export function CalendarYearCoverage({
  data,
  editable,
  changed,
}: {
  data: Schemas['CalendarYearResponse'];
  editable: boolean;
  changed: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const year = data.year;

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      setNote('');
      changed();
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  const enter = () =>
    run(
      () => call(() => client.POST('/api/calendar/years', { body: { year, note: note.trim() } })),
      t('calendar.entered'),
    );
  const takeBack = () =>
    run(
      () => call(() => client.DELETE('/api/calendar/years/{year}', { params: { path: { year } } })),
      t('calendar.takenBack'),
    );

  if (data.coveredBy === 'office' && data.entered)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="calendar-entered"
        message={t('calendar.enteredBy', { year, name: data.entered.createdByName, note: data.entered.note })}
        action={
          editable && (
            <Popconfirm title={t('calendar.takeBackConfirm', { year })} onConfirm={takeBack}>
              <Button size="small" data-testid="calendar-take-back">
                {t('calendar.takeBack')}
              </Button>
            </Popconfirm>
          )
        }
      />
    );
  if (data.covered) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-not-covered"
      message={t('calendar.notCovered', { year })}
      description={
        editable && (
          <Space wrap>
            <span>{t('calendar.enterHelp')}</span>
            <Input
              size="small"
              style={{ width: 260 }}
              value={note}
              maxLength={100}
              onChange={(event) => setNote(event.target.value)}
              placeholder={t('calendar.enterNote')}
              aria-label={t('calendar.enterNote')}
              data-testid="calendar-enter-note"
            />
            <Button size="small" disabled={!note.trim()} onClick={enter} data-testid="calendar-enter">
              {t('calendar.enter')}
            </Button>
          </Space>
        )
      }
    />
  );
}
