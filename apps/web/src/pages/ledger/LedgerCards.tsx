import { Card, Checkbox, Empty, List, Space, Tag, Typography } from 'antd';
import type { PaginationProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ColourTag } from '../../components/ColourTag';
import { formatDate } from '../../components/format';
import type { Directory } from '../../directory';
import type { Row } from './columns';
import { measureLink } from './MeasureTrail';

/**
 * The ledger on a phone: one card per measure, its text across the card (a table column there
 * would wrap it every few characters), its owners, deadline and 领办 beneath; checkboxes while selecting.
 */
export function LedgerCards({
  rows,
  loading,
  directory,
  query,
  selected,
  onSelect,
  pagination,
}: {
  rows: Row[];
  loading: boolean;
  directory: Directory;
  query: URLSearchParams;
  /** The ids selected, or null when not selecting. */
  selected: Set<string> | null;
  onSelect: (row: Row, checked: boolean) => void;
  pagination: PaginationProps;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="ledger-cards">
      <List
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        pagination={{ ...pagination, size: 'small', showSizeChanger: false, align: 'center' }}
        renderItem={(row) => {
          const voided = row.stage === 'voided';
          return (
            <List.Item style={{ padding: '6px 0', border: 'none' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="ledger-card">
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Space size={4}>
                    {selected && (
                      <Checkbox
                        checked={selected.has(row.id)}
                        onChange={(event) => onSelect(row, event.target.checked)}
                        aria-label={t('ledger.select')}
                      />
                    )}
                    <Typography.Text type="secondary">
                      {t('ledger.problemNumber')} {row.problemNumber}
                    </Typography.Text>
                  </Space>
                  <Space size={4}>
                    <Tag>{t(`stage.${row.stage}`)}</Tag>
                    {!voided && <ColourTag colour={row.colour} />}
                  </Space>
                </Space>
                <Link
                  to={measureLink(row.id, query)}
                  style={{
                    display: 'block',
                    margin: '6px 0',
                    fontSize: 15,
                    wordBreak: 'normal',
                    overflowWrap: 'anywhere',
                  }}
                  data-testid="ledger-card-text"
                >
                  {voided ? (
                    <Typography.Text delete type="secondary">
                      {row.text}
                    </Typography.Text>
                  ) : (
                    row.text
                  )}
                </Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {row.problemTitle}
                </Typography.Text>
                <Typography.Text style={{ display: 'block', fontSize: 13 }}>
                  {t('ledger.owner', {
                    department: directory.departmentName(row.leadDepartmentId),
                    leader: directory.personName(row.responsibleLeaderId),
                  })}
                </Typography.Text>
                <Space size={12} wrap style={{ fontSize: 13 }}>
                  <span>{t('ledger.due', { date: formatDate(row.dueAt) })}</span>
                  {row.claimedBy && (
                    <Tag color="gold">{t('ledger.claimedBy', { name: directory.personName(row.claimedBy) })}</Tag>
                  )}
                </Space>
                {row.latestProgress && (
                  <Typography.Paragraph
                    type="secondary"
                    ellipsis={{ rows: 2 }}
                    style={{ margin: '4px 0 0', fontSize: 13 }}
                  >
                    {row.latestProgress}
                  </Typography.Paragraph>
                )}
              </Card>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
