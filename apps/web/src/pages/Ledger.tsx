import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Grid, Input, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { COLOURS, MEASURE_KINDS, STAGES } from '@rectiflow/domain/stage';
import { call, client, download, Schemas } from '../api';
import type { paths } from '../generated/api';
import { ColourTag } from '../components/ColourTag';
import { formatDate } from '../components/format';
import { failureText } from '../errors';
import { useInspectionRoles, useSession } from '../session';

type Row = Schemas['MeasureListItemResponse'];
type Query = NonNullable<paths['/api/measures']['get']['parameters']['query']>;

/** What the URL may say about the list: the filters, and the order the server sorts by. */
const FILTERS = [
  'stage',
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

/** 台账: every measure the person may see, filtered and paged on the server. Filters live in the URL, so charts can link here. */
export function Ledger() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  const roles = useInspectionRoles();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<{ total: number; items: Row[] }>({ total: 0, items: [] });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [departments, setDepartments] = useState<Schemas['DepartmentResponse'][]>([]);
  const [people, setPeople] = useState<Schemas['PersonResponse'][]>([]);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);

  useEffect(() => {
    void call(() => client.GET('/api/departments')).then(setDepartments);
    void call(() => client.GET('/api/people')).then(setPeople);
  }, []);

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
  }, [inspectionId, params, page, pageSize, t]);

  const set = (key: string, value: string | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  // 问题序号 and 整改时限 sort on the server (the page shows a slice of the whole ledger).
  const sorted = (key: NonNullable<Query['sort']>) => ({
    key,
    sorter: true,
    sortOrder: (params.get('sort') === key
      ? params.get('order') === 'desc'
        ? 'descend'
        : 'ascend'
      : null) as SortOrder,
  });
  const name = useMemo(
    () => ({
      department: Object.fromEntries(departments.map((item) => [item.id, item.name])),
      person: Object.fromEntries(people.map((item) => [item.id, item.name])),
    }),
    [departments, people],
  );
  // On a desk the table scrolls sideways; the problem and the measure stay in view.
  const fixed = screens.lg ? ('left' as const) : undefined;
  const columns: ColumnsType<Row> = [
    { title: t('ledger.problemNumber'), dataIndex: 'problemNumber', width: 90, fixed, ...sorted('problemNumber') },
    { title: t('measure.problem'), dataIndex: 'problemTitle', width: 160, responsive: ['lg'], ellipsis: true, fixed },
    {
      title: t('ledger.measure'),
      dataIndex: 'text',
      width: screens.lg ? 260 : undefined,
      fixed,
      render: (text: string, row) => <Link to={`/measures/${row.id}`}>{text}</Link>,
    },
    { title: t('ledger.stage'), dataIndex: 'stage', width: 90, render: (stage: string) => t(`stage.${stage}`) },
    {
      title: t('ledger.colour'),
      dataIndex: 'colour',
      width: 80,
      render: (colour: string) => <ColourTag colour={colour} />,
    },
    {
      title: t('ledger.kind'),
      dataIndex: 'kind',
      width: 100,
      responsive: ['md'],
      render: (kind: string) => t(`kind.${kind}`),
    },
    {
      title: t('ledger.department'),
      dataIndex: 'leadDepartmentId',
      width: 130,
      responsive: ['md'],
      render: (id: string) => name.department[id],
    },
    {
      title: t('ledger.leader'),
      dataIndex: 'responsibleLeaderId',
      width: 100,
      responsive: ['lg'],
      render: (id: string) => name.person[id],
    },
    { title: t('ledger.round'), dataIndex: 'round', width: 60, responsive: ['lg'] },
    { title: t('measure.latestProgress'), dataIndex: 'latestProgress', width: 200, responsive: ['lg'], ellipsis: true },
    { title: t('measure.dueAt'), dataIndex: 'dueAt', width: 110, render: formatDate, ...sorted('dueAt') },
    { title: t('ledger.stageDueAt'), dataIndex: 'stageDueAt', width: 110, render: formatDate },
  ];

  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const canExport = roles.some((role) => ['office', 'group_head', 'supervisor'].includes(role));

  return (
    <div data-testid="ledger">
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={3}>{t('ledger.title', { count: data.total })}</Typography.Title>
        {canExport && inspectionId && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void download(
                  () =>
                    client.GET('/api/inspections/{id}/ledger.xlsx', {
                      params: { path: { id: inspectionId } },
                      parseAs: 'blob',
                    }),
                  '整改台账.xlsx',
                )
              }
            >
              {t('ledger.exportXlsx')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void download(
                  () =>
                    client.GET('/api/inspections/{id}/ledger.csv', {
                      params: { path: { id: inspectionId } },
                      parseAs: 'blob',
                    }),
                  '整改台账.csv',
                )
              }
            >
              CSV
            </Button>
          </Space>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('ledger.search')}
          defaultValue={params.get('q') ?? ''}
          onSearch={(value) => set('q', value)}
          maxLength={100}
          style={{ width: 220 }}
          data-testid="ledger-search"
        />
        <Select
          allowClear
          placeholder={t('ledger.stage')}
          value={params.get('stage') ?? undefined}
          onChange={(value) => set('stage', value)}
          options={options(STAGES, 'stage')}
          style={{ width: 110 }}
          data-testid="filter-stage"
        />
        <Select
          allowClear
          placeholder={t('ledger.colour')}
          value={params.get('colour') ?? undefined}
          onChange={(value) => set('colour', value)}
          options={options(COLOURS, 'colour')}
          style={{ width: 100 }}
        />
        <Select
          allowClear
          placeholder={t('ledger.kind')}
          value={params.get('kind') ?? undefined}
          onChange={(value) => set('kind', value)}
          options={options(MEASURE_KINDS, 'kind')}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('ledger.department')}
          value={params.get('departmentId') ?? undefined}
          onChange={(value) => set('departmentId', value)}
          options={departments.map((item) => ({ value: item.id, label: item.name }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('ledger.leader')}
          value={params.get('leaderId') ?? undefined}
          onChange={(value) => set('leaderId', value)}
          options={people.map((item) => ({ value: item.id, label: item.name }))}
          style={{ width: 140 }}
        />
        <Space>
          <Switch
            checked={params.get('overdue') === 'true'}
            onChange={(checked) => set('overdue', checked ? 'true' : null)}
          />
          {t('ledger.overdueOnly')}
        </Space>
      </Space>
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
        scroll={screens.lg ? { x: 1520 } : undefined}
        dataSource={data.items}
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
    </div>
  );
}
