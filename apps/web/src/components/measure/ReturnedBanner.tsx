import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { formatDateTime } from '../format';
import { wordsOf } from './history';

/** 退回: why the measure is in another round (the rejecting review, the returned 销号, a rebound or a reopen), at the top of its page. */
export function ReturnedBanner({
  row,
  round,
  people,
  compact = false,
}: {
  row: Schemas['TimelineEntryResponse'];
  round: number;
  people: Record<string, string>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const reason = wordsOf(row);
  const by = row.actorId ? (people[row.actorId] ?? '') : t('timeline.system');
  return (
    <Alert
      type="warning"
      showIcon
      style={compact ? { marginTop: 4 } : { marginBottom: 16 }}
      message={t('returned.title', { action: t(`event.${row.action}`), round })}
      description={
        <div>
          <div data-testid="returned-reason">{reason ? t('returned.reason', { reason }) : t('returned.noReason')}</div>
          {!compact && <div>{t('returned.by', { name: by, at: formatDateTime(row.occurredAt) })}</div>}
        </div>
      }
      data-testid="returned-banner"
    />
  );
}
