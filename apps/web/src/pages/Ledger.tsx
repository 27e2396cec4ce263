import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { call, client, download } from '../api';
import { useDirectory } from '../directory';
import { failureText } from '../errors';
import { useInspectionRoles, useSession } from '../session';
import { BatchAssign } from './ledger/BatchAssign';
import { Query, Row, Sort, useLedgerColumns } from './ledger/columns';
import { LedgerFilters } from './ledger/LedgerFilters';

/** What the URL may say about the list: the filters, and the order the server sorts by. */
const FILTERS = [
  'stage',
  'progress',
  'departmentId',
  'leaderId',
  'colour',
  'kind',
  'overdue',
  'escalated',
  'q',
  'sectionNumber',
  'categoryNumber',
  'sort',
  'order',
] as const satisfies readonly (keyof Query)[];

/**
 * 台账: every measure the person may see, filtered and paged on the server. Filters live in the URL,
 * so charts can link here. The office selects rows (across pages) for 批量交办.
 */
export function Ledger() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  const roles = useInspectionRoles();
  const screens = Grid.useBreakpoint();
  const directory = useDirectory();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<{ total: number; items: Row[] }>({ total: 0, items: [] });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Record<string, Row>>({});
  // Rows get their checkboxes once the office starts choosing measures for 批量交办.
  const [selecting, setSelecting] = useState(false);
  const [batchOpen, setBatchOpen] = useState(false);
  const [reload, setReload] = useState(0);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const isOffice = roles.includes('office');

  useEffect(() => {
    if (!inspectionId) return;
    // The filters come from the URL as text; the server validates each one.
    const filters = Object.fromEntries(
      FILTERS.filter((key) => params.get(key)).map((key) => [key, params.get(key)]),
    ) as Partial<Query>;
    const query: Query = { inspectionId, limit: pageSize, offset: (page - 1) * pageSize, ...filters };
    setLoading(true);
    setRefusal(null);
    // A refused filter (a hand-edited link) says why, instead of leaving the last result on screen.
    call(() => client.GET('/api/measures', { params: { query } }))
      .then(setData)
      .catch((failure: unknown) => {
        setData({ total: 0, items: [] });
        setRefusal(failureText(failure, t));
      })
      .finally(() => setLoading(false));
  }, [inspectionId, params, page, pageSize, t, reload]);

  const set = (key: string, value: string | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  // 问题序号 and 整改时限 sort on the server (the page shows a slice of the whole ledger).
  const sortOrder = (key: Sort): SortOrder =>
    params.get('sort') === key ? (params.get('order') === 'desc' ? 'descend' : 'ascend') : null;
  const columns = useLedgerColumns({ directory, sortOrder, wide: screens.lg === true });
  const canExport = roles.some((role) => ['office', 'group_head', 'supervisor'].includes(role));
  const selectedRows = Object.values(selected);

  const exportAs = (format: 'xlsx' | 'csv') =>
    inspectionId &&
    void download(
      () =>
        client.GET(format === 'xlsx' ? '/api/inspections/{id}/ledger.xlsx' : '/api/inspections/{id}/ledger.csv', {
          params: { path: { id: inspectionId } },
          parseAs: 'blob',
        }),
      `整改台账.${format}`,
    );

  return (
    <div data-testid="ledger">
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={3}>{t('ledger.title', { count: data.total })}</Typography.Title>
        <Space wrap>
          {isOffice && !selecting && (
            <Button icon={<SendOutlined />} onClick={() => setSelecting(true)} data-testid="batch-select">
              {t('batch.select')}
            </Button>
          )}
          {selecting && (
            <>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={selectedRows.length === 0}
                onClick={() => setBatchOpen(true)}
                data-testid="batch-assign-open"
              >
                {t('batch.button', { count: selectedRows.length })}
              </Button>
              <Button
                onClick={() => {
                  setSelecting(false);
                  setSelected({});
                }}
              >
                {t('batch.cancel')}
              </Button>
            </>
          )}
          {canExport && inspectionId && (
            <>
              <Button icon={<DownloadOutlined />} onClick={() => exportAs('xlsx')}>
                {t('ledger.exportXlsx')}
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => exportAs('csv')}>
                CSV
              </Button>
            </>
          )}
        </Space>
      </Space>
      <LedgerFilters params={params} set={set} directory={directory} />
      {refusal && (
        <Alert
          type="error"
          showIcon
          message={t('action.refused')}
          description={refusal}
          style={{ marginBottom: 12 }}
          data-testid="ledger-error"
        />
      )}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        // As wide as the export's columns need on a desk; a phone keeps the few that fit.
        scroll={screens.lg ? { x: 1610 } : undefined}
        dataSource={data.items}
        rowSelection={
          selecting
            ? {
                preserveSelectedRowKeys: true,
                selectedRowKeys: Object.keys(selected),
                onChange: (keys, rows) =>
                  setSelected((known) => {
                    const next: Record<string, Row> = {};
                    const byId = new Map(rows.filter(Boolean).map((row) => [row.id, row]));
                    for (const key of keys) {
                      const row = byId.get(String(key)) ?? known[String(key)];
                      if (row) next[row.id] = row;
                    }
                    return next;
                  }),
              }
            : undefined
        }
        onRow={(row) => (row.stage === 'voided' ? { style: { color: '#999' }, 'data-voided': 'true' } : {})}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const { columnKey, order } = Array.isArray(sorter) ? sorter[0] : sorter;
          const next = new URLSearchParams(params);
          if (order) next.set('sort', String(columnKey));
          else next.delete('sort');
          if (order === 'descend') next.set('order', 'desc');
          else next.delete('order');
          next.delete('page');
          setParams(next);
        }}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('ledger.total', { count: total }),
          onChange: (nextPage, nextSize) => {
            const next = new URLSearchParams(params);
            next.set('page', String(nextPage));
            next.set('size', String(nextSize));
            setParams(next);
          },
        }}
        data-testid="ledger-table"
      />
      {batchOpen && (
        <BatchAssign
          rows={selectedRows}
          directory={directory}
          onClose={() => setBatchOpen(false)}
          onDone={(succeeded) => {
            // The handed-out ones leave the selection; the refused stay selected to correct and send again.
            setSelected((known) => Object.fromEntries(Object.entries(known).filter(([id]) => !succeeded.includes(id))));
            setReload((count) => count + 1);
          }}
        />
      )}
    </div>
  );
}
