import { Typography } from 'antd';
import { progressOf } from '@rectiflow/domain/progress';
import type { MeasureKind, Stage } from '@rectiflow/domain/stage';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../api';
import { ColourTag } from '../../components/ColourTag';
import { formatDate } from '../../components/format';
import type { Directory } from '../../directory';
import type { paths } from '../../generated/api';
import { measureLink } from './MeasureTrail';

export type Row = Schemas['MeasureListItemResponse'];
export type Query = NonNullable<paths['/api/measures']['get']['parameters']['query']>;
export type Sort = NonNullable<Query['sort']>;

/**
 * The ledger's columns, as the Excel export has them, each with a key for the column settings; 问题序号
 * and 整改时限 sort on the server, a voided measure is struck through, 领办 names the leader who claimed it.
 */
export function useLedgerColumns({
  directory,
  sortOrder,
  wide,
  query,
}: {
  directory: Directory;
  /** The ledger's query, carried into each measure's link for the way back. */
  query: URLSearchParams;
  /** The order the URL asks for, per sortable column. */
  sortOrder: (key: Sort) => SortOrder;
  /** On a desk the table scrolls sideways; the problem and the measure stay in view. */
  wide: boolean;
}): ColumnsType<Row> {
  const { t } = useTranslation();
  const fixed = wide ? ('left' as const) : undefined;
  const sorted = (key: Sort) => ({ key, sorter: true, sortOrder: sortOrder(key) });
  return [
    { title: t('ledger.problemNumber'), dataIndex: 'problemNumber', width: 90, fixed, ...sorted('problemNumber') },
    {
      key: 'problemTitle',
      title: t('measure.problem'),
      dataIndex: 'problemTitle',
      width: 160,
      responsive: ['lg'],
      ellipsis: true,
      fixed,
    },
    {
      key: 'text',
      title: t('ledger.measure'),
      dataIndex: 'text',
      width: wide ? 260 : undefined,
      fixed,
      render: (text: string, row) => (
        <Link to={measureLink(row.id, query)}>
          {row.stage === 'voided' ? (
            <Typography.Text delete type="secondary" data-testid="voided-measure">
              {text}
            </Typography.Text>
          ) : (
            text
          )}
        </Link>
      ),
    },
    {
      key: 'stage',
      title: t('ledger.stage'),
      dataIndex: 'stage',
      width: 90,
      render: (stage: string) => t(`stage.${stage}`),
    },
    {
      key: 'colour',
      title: t('ledger.colour'),
      dataIndex: 'colour',
      width: 80,
      render: (colour: string, row) => (row.stage === 'voided' ? '—' : <ColourTag colour={colour} />),
    },
    {
      key: 'kind',
      title: t('ledger.kind'),
      dataIndex: 'kind',
      width: 100,
      responsive: ['md'],
      render: (kind: string) => t(`kind.${kind}`),
    },
    {
      key: 'leadDepartmentId',
      title: t('ledger.department'),
      dataIndex: 'leadDepartmentId',
      width: 130,
      responsive: ['md'],
      render: (id: string) => directory.departmentName(id),
    },
    {
      key: 'responsibleLeaderId',
      title: t('ledger.leader'),
      dataIndex: 'responsibleLeaderId',
      width: 100,
      responsive: ['lg'],
      render: (id: string) => directory.personName(id),
    },
    {
      key: 'assigneeId',
      title: t('measure.assignee'),
      dataIndex: 'assigneeId',
      width: 90,
      responsive: ['lg'],
      render: (id: string | null) => directory.personName(id),
    },
    {
      key: 'claimedBy',
      title: t('ledger.claimed'),
      dataIndex: 'claimedBy',
      width: 90,
      responsive: ['lg'],
      render: (id: string | null) => directory.personName(id),
    },
    { key: 'round', title: t('ledger.round'), dataIndex: 'round', width: 60, responsive: ['lg'] },
    {
      key: 'latestProgress',
      title: t('measure.latestProgress'),
      dataIndex: 'latestProgress',
      width: 200,
      responsive: ['lg'],
      ellipsis: true,
    },
    {
      key: 'progress',
      title: t('ledger.progress'),
      width: 90,
      render: (_: unknown, row) => {
        // The done rule of the measure page and the 完成情况 filter; a voided measure is in none.
        const progress = progressOf(
          { stage: row.stage as Stage, kind: row.kind as MeasureKind, stageDueAt: row.stageDueAt },
          new Date(),
        );
        return progress ? t(`progress.${progress}`) : t('stage.voided');
      },
    },
    { title: t('measure.dueAt'), dataIndex: 'dueAt', width: 110, render: formatDate, ...sorted('dueAt') },
    // 原定时限 is the deadline set at 交办; 调整后时限 shows only once the office or an extension moved it.
    {
      key: 'originalDueAt',
      title: t('measure.originalDueAt'),
      dataIndex: 'originalDueAt',
      width: 110,
      responsive: ['lg'],
      // A 长期坚持 measure has no date deadline (its stored one is the first report's), as the export says.
      render: (value: string | null, row) => (row.kind === 'ongoing' ? '—' : formatDate(value)),
    },
    {
      key: 'changedDueAt',
      title: t('measure.changedDueAt'),
      width: 110,
      responsive: ['lg'],
      render: (_: unknown, row) =>
        row.kind !== 'ongoing' && row.originalDueAt && formatDate(row.originalDueAt) !== formatDate(row.dueAt)
          ? formatDate(row.dueAt)
          : '—',
    },
    { key: 'stageDueAt', title: t('ledger.stageDueAt'), dataIndex: 'stageDueAt', width: 110, render: formatDate },
  ];
}
