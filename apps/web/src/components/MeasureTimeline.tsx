import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api';
import { formatDateTime } from './format';

/** The words an action recorded (a reason, a summary, a note, a 督办回复's answer), if any. */
function wordsOf(row: Schemas['TimelineEntryResponse']): string | null {
  const { detail } = row;
  // Only the answer's text is words of its own: edit_text's new text is shown as 修改为 below.
  const answer = row.action === 'answer_supervision' ? detail.text : undefined;
  const words = [detail.reason, detail.summary, detail.note, answer].find(
    (value) => typeof value === 'string' && value !== '',
  );
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
              {wordsOf(row) && <div>{wordsOf(row)}</div>}
              {row.action === 'close_supervision' && typeof row.detail.decision === 'string' && (
                <div>{t(`supervisionDecision.${row.detail.decision}`)}</div>
              )}
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
