import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api';
import { formatDateTime } from './format';

/** The words an action recorded (a reason, a summary or a note), if any. */
function wordsOf(detail: Schemas['TimelineEntryResponse']['detail']): string | null {
  const words = [detail.reason, detail.summary, detail.note].find((value) => typeof value === 'string' && value !== '');
  return typeof words === 'string' ? words : null;
}

/** The measure's history from the audit trail: actions in blue, reminders in orange, escalations in red. */
export function MeasureTimeline({
  rows,
  people,
}: {
  rows: Schemas['TimelineEntryResponse'][];
  people: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('timeline.title')}>
      <Timeline
        data-testid="timeline"
        items={rows.map((row) => ({
          color: row.kind === 'timer' ? (row.action === 'escalation' ? 'red' : 'orange') : 'blue',
          children: (
            <div>
              <Typography.Text strong>{t(`event.${row.action}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(row.occurredAt)} · {row.actorId ? (people[row.actorId] ?? '') : t('timeline.system')} ·{' '}
                {t(`stage.${row.fromStage}`)} → {t(`stage.${row.toStage}`)}
              </Typography.Text>
              {wordsOf(row.detail) && <div>{wordsOf(row.detail)}</div>}
              {row.action === 'escalation' && <div>{t('timeline.level', { level: row.detail.level })}</div>}
              {row.action === 'edit_text' && typeof row.detail.previousText === 'string' && (
                <div>{t('timeline.previousText', { text: row.detail.previousText })}</div>
              )}
              {row.action === 'edit_text' && typeof row.detail.text === 'string' && (
                <div>{t('timeline.newText', { text: row.detail.text })}</div>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
