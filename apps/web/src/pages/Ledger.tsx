import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { call, client, download } from '../api';
import { PageTrail } from '../components/PageTrail';
import { useDirectory } from '../directory';
import { failureText } from '../errors';
import { useInspectionRoles, useSession } from '../session';
import { BatchAssign } from './ledger/BatchAssign';
import { BatchBar, BatchDialog } from './ledger/BatchBar';
import { BatchUrge } from './ledger/BatchUrge';
import { Query, Row, Sort, useLedgerColumns } from './ledger/columns';
import { LedgerCards } from './ledger/LedgerCards';
import { FILTER_KEYS, LedgerFilters } from './ledger/LedgerFilters';
import { LedgerSettings, useLedgerSettings } from './ledger/LedgerSettings';
import { LookBackRound } from './ledger/LookBackRound';

/** What the URL may say about the list: the filters, and the order the server sorts by. */
const FILTERS = [
  'stage',
  'progress',
  'claimed',
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

/** The filters without the order: the export keeps the template's order. */
const withoutOrder = ({ sort: _sort, order: _order, ...rest }: Partial<Query>) => rest;

/** Columns the settings never hide: without them a row says nothing. */
const ALWAYS = ['problemNumber', 'text'];

/**
 * 整改台账 in ProTable's conventions: breadcrumbs, a collapsible query form, the table's tools
 * (reload, density, column settings kept in localStorage), sorting and paging on the server, and on
 * a phone a card list. Filters, order and page live in the URL, so charts can link here and a
 * measure can lead back. The office and the supervisor select rows (across pages) for 批量交办,
 * 批量催办 and a 回头看 round.
 */
export function Ledger() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  const roles = useInspectionRoles();
  const screens = Grid.useBreakpoint();
  const directory = useDirectory();
  const settings = useLedgerSettings();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<{ total: number; items: Row[] }>({ total: 0, items: [] });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Record<string, Row>>({});
  // Rows get their checkboxes once someone starts choosing measures for a batch.
  const [selecting, setSelecting] = useState(false);
  const [dialog, setDialog] = useState<BatchDialog | null>(null);
  const [reload, setReload] = useState(0);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const phone = screens.md === false;
  const isOffice = roles.includes('office');
  const batches: BatchDialog[] = [
    ...(isOffice ? (['assign'] as const) : []),
    ...(isOffice || roles.includes('supervisor') ? (['urge', 'lookback'] as const) : []),
  ];

  // The filters come from the URL as text; the server validates each one.
  const filters = Object.fromEntries(
    FILTERS.filter((key) => params.get(key)).map((key) => [key, params.get(key)]),
  ) as Partial<Query>;

  useEffect(() => {
    if (!inspectionId) return;
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
  const reset = () => {
    const next = new URLSearchParams(params);
    for (const key of FILTER_KEYS) next.delete(key);
    next.delete('page');
    setParams(next);
  };

  // 问题序号 and 整改时限 sort on the server (the page shows a slice of the whole ledger).
  const sortOrder = (key: Sort): SortOrder =>
    params.get('sort') === key ? (params.get('order') === 'desc' ? 'descend' : 'ascend') : null;
  const allColumns = useLedgerColumns({ directory, sortOrder, wide: screens.lg === true, query: params });
  const columns = allColumns.filter((column) => !settings.hidden.includes(String(column.key)));
  const canExport = roles.some((role) => ['office', 'group_head', 'supervisor'].includes(role));
  const selectedRows = Object.values(selected);
  const keepUnsucceeded = (succeeded: string[]) => {
    // The ones done leave the selection; the refused stay selected to correct and send again.
    setSelected((known) => Object.fromEntries(Object.entries(known).filter(([id]) => !succeeded.includes(id))));
    setReload((count) => count + 1);
  };

  const exportAs = (format: 'xlsx' | 'csv') =>
    inspectionId &&
    void download(
      () =>
        client.GET(format === 'xlsx' ? '/api/inspections/{id}/ledger.xlsx' : '/api/inspections/{id}/ledger.csv', {
          // What the screen shows: the export takes the same filters (not the page or the order).
          params: { path: { id: inspectionId }, query: withoutOrder(filters) },
          parseAs: 'blob',
        }),
      `整改台账.${format}`,
    );

  const pagination = {
    current: page,
    pageSize,
    total: data.total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (total: number) => t('ledger.total', { count: total }),
    onChange: (nextPage: number, nextSize: number) => {
      const next = new URLSearchParams(params);
      next.set('page', String(nextPage));
      next.set('size', String(nextSize));
      setParams(next);
    },
  };

  return (
    <div data-testid="ledger">
      <PageTrail testId="ledger-breadcrumb" items={[{ title: t('ledger.crumb') }]} />
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={3}>{t('ledger.title', { count: data.total })}</Typography.Title>
        <Space wrap>
          <BatchBar
            selecting={selecting}
            count={selectedRows.length}
            allowed={batches}
            onSelect={() => setSelecting(true)}
            onOpen={setDialog}
            onCancel={() => {
              setSelecting(false);
              setSelected({});
            }}
          />
          {canExport && inspectionId && !phone && (
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
      <LedgerFilters params={params} set={set} reset={reset} directory={directory} />
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
      {phone ? (
        <LedgerCards
          rows={data.items}
          loading={loading}
          directory={directory}
          query={params}
          selected={selecting ? new Set(Object.keys(selected)) : null}
          onSelect={(row, checked) =>
            setSelected((known) => {
              const next = { ...known };
              if (checked) next[row.id] = row;
              else delete next[row.id];
              return next;
            })
          }
          pagination={pagination}
        />
      ) : (
        <>
          <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
            <LedgerSettings
              settings={settings}
              columns={allColumns
                .filter((column) => !ALWAYS.includes(String(column.key)))
                .map((column) => ({ key: String(column.key), title: String(column.title) }))}
              onReload={() => setReload((count) => count + 1)}
            />
          </div>
          <Table
            rowKey="id"
            size={settings.density}
            loading={loading}
            columns={columns}
            // As wide as the export's columns need on a desk.
            scroll={screens.lg ? { x: 2010 } : { x: 900 }}
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
            pagination={pagination}
            data-testid="ledger-table"
          />
        </>
      )}
      {dialog === 'assign' && (
        <BatchAssign
          rows={selectedRows}
          directory={directory}
          onClose={() => setDialog(null)}
          onDone={keepUnsucceeded}
        />
      )}
      {dialog === 'urge' && <BatchUrge rows={selectedRows} onClose={() => setDialog(null)} onDone={keepUnsucceeded} />}
      {dialog === 'lookback' && (
        <LookBackRound rows={selectedRows} onClose={() => setDialog(null)} onDone={keepUnsucceeded} />
      )}
    </div>
  );
}
