import { Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { sectionLink, SectionRow } from './sections';

/** The sections and categories in the plan's order, whole headings, each count a link to the ledger. */
export function SectionTable({ rows }: { rows: SectionRow[] }) {
  const { t } = useTranslation();
  const id = (row: SectionRow) => `${row.number}-${row.categoryNumber || '0'}`;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="dashboard-sections"
      columns={[
        { title: t('dashboard.section'), dataIndex: 'label' },
        {
          title: t('dashboard.total'),
          dataIndex: 'total',
          width: 64,
          render: (total: number, row) => (
            <Link to={sectionLink(row, false)} data-testid={`section-total-${id(row)}`}>
              {total}
            </Link>
          ),
        },
        {
          title: t('dashboard.done'),
          dataIndex: 'done',
          width: 64,
          render: (done: number, row) => (
            <Link to={sectionLink(row, true)} data-testid={`section-done-${id(row)}`}>
              {done}
            </Link>
          ),
        },
        {
          title: t('dashboard.rate'),
          key: 'rate',
          width: 110,
          responsive: ['md'],
          render: (_: unknown, row) => (
            <Progress
              size="small"
              aria-label={t('dashboard.completionRate')}
              percent={row.total ? Math.round((row.done / row.total) * 100) : 0}
            />
          ),
        },
      ]}
    />
  );
}
