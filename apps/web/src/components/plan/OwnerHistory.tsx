import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import type { Directory } from '../../directory';
import { formatDate, formatDateTime } from '../format';

type Row = Schemas['TimelineEntryResponse'];
interface Owners {
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  assigneeId?: string | null;
}

const list = (ids: string[] | undefined, name: (id: string) => string) => (ids ?? []).map(name).join('、') || '—';

/**
 * 责任与时限变更: the measure's 调整责任 and 调整时限 from its timeline — who, when, from → to, and why —
 * with departments and people by name.
 */
export function OwnerHistory({ rows, directory }: { rows: Row[]; directory: Directory }) {
  const { t } = useTranslation();
  const changes = rows.filter((row) => row.action === 'reassign' || row.action === 'change_deadline');
  if (changes.length === 0) return null;
  const { departmentName, personName } = directory;

  /** Each owner that changed, as "label: before → after". */
  const ownerChanges = (before: Owners, after: Owners): string[] => {
    const fields: [string, (owners: Owners) => string][] = [
      ['measure.leadDepartment', (owners) => departmentName(owners.leadDepartmentId) || '—'],
      ['measure.assignee', (owners) => personName(owners.assigneeId) || '—'],
      ['measure.leader', (owners) => personName(owners.responsibleLeaderId) || '—'],
      ['measure.coLeaders', (owners) => list(owners.coLeaderIds, personName)],
      ['measure.cooperatingDepartments', (owners) => list(owners.cooperatingDepartmentIds, departmentName)],
    ];
    return fields
      .map(([label, show]) => [t(label), show(before), show(after)])
      .filter(([, from, to]) => from !== to)
      .map(([label, from, to]) => t('plan.fromTo', { label, from, to }));
  };

  const describe = (row: Row): string[] => {
    const detail = row.detail as Record<string, unknown>;
    if (row.action === 'reassign')
      return ownerChanges((detail.previous ?? {}) as Owners, (detail.participants ?? {}) as Owners);
    const lines: string[] = [];
    if (detail.previousDueAt !== detail.dueAt)
      lines.push(
        t('plan.fromTo', {
          label: t('measure.dueAt'),
          from: formatDate(detail.previousDueAt as string),
          to: formatDate(detail.dueAt as string),
        }),
      );
    if (detail.previousKind !== detail.kind)
      lines.push(
        t('plan.fromTo', {
          label: t('ledger.kind'),
          from: t(`kind.${String(detail.previousKind)}`),
          to: t(`kind.${String(detail.kind)}`),
        }),
      );
    if (typeof detail.approvedById === 'string')
      lines.push(t('plan.approvedBy', { name: personName(detail.approvedById) }));
    return lines;
  };

  return (
    <Card size="small" title={t('plan.history')} data-testid="owner-history">
      <List
        size="small"
        dataSource={changes}
        renderItem={(row) => (
          <List.Item data-testid={`owner-change-${row.action}`}>
            <div>
              <Typography.Text strong>{t(`action.${row.action}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(row.occurredAt)} · {personName(row.actorId)}
              </Typography.Text>
              {describe(row).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {typeof row.detail.reason === 'string' && <div>{t('plan.because', { reason: row.detail.reason })}</div>}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
