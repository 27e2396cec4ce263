import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRESS } from '@rectiflow/domain/progress';
import { COLOURS, MEASURE_KINDS, STAGES } from '@rectiflow/domain/stage';
import type { Directory } from '../../directory';

/** The filters behind 展开: a link that sets one of them opens the form expanded. */
const MORE = ['colour', 'kind', 'departmentId', 'leaderId', 'overdue'] as const;
/** Every filter 重置 clears (the order and the page size stay). */
export const FILTER_KEYS = [
  'q',
  'stage',
  'progress',
  'claimed',
  'escalated',
  'sectionNumber',
  'categoryNumber',
  ...MORE,
];

/**
 * The ledger's query form, as ProTable lays it out: the common filters in view, the rest behind
 * 展开/收起, and 重置. Each reads and writes its key of the URL at once.
 */
export function LedgerFilters({
  params,
  set,
  reset,
  directory,
}: {
  params: URLSearchParams;
  set: (key: string, value: string | undefined | null) => void;
  reset: () => void;
  directory: Directory;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(() => MORE.some((key) => params.get(key)));
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const select = (key: string, placeholder: string, values: { value: string; label: string }[], width: number) => (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      // The placeholder is the only visible label, and it is gone once a value is chosen.
      aria-label={t('ledger.filterBy', { field: placeholder })}
      // A value no option has (a hand-edited link the server refuses, saying why) is not shown raw.
      value={values.some((option) => option.value === params.get(key)) ? params.get(key) : undefined}
      onChange={(value: string | undefined) => set(key, value)}
      options={values}
      style={{ width }}
      data-testid={`filter-${key}`}
    />
  );
  const claimed = [
    { value: 'true', label: t('ledger.claimedYes') },
    { value: 'false', label: t('ledger.claimedNo') },
  ];
  return (
    <div style={{ marginBottom: 12 }} data-testid="ledger-filters">
      <Space wrap>
        <Input.Search
          // A new query from outside (重置, a link) shows in the box.
          key={params.get('q') ?? ''}
          allowClear
          placeholder={t('ledger.search')}
          aria-label={t('ledger.search')}
          defaultValue={params.get('q') ?? ''}
          onSearch={(value) => set('q', value)}
          maxLength={100}
          style={{ width: 220 }}
          data-testid="ledger-search"
        />
        {select('stage', t('ledger.stage'), options(STAGES, 'stage'), 110)}
        {select('progress', t('ledger.progress'), options(PROGRESS, 'progress'), 120)}
        {select('claimed', t('ledger.claimed'), claimed, 110)}
        {expanded && (
          <>
            {select('colour', t('ledger.colour'), options(COLOURS, 'colour'), 100)}
            {select('kind', t('ledger.kind'), options(MEASURE_KINDS, 'kind'), 120)}
            {select('departmentId', t('ledger.department'), directory.departmentOptions, 160)}
            {select('leaderId', t('ledger.leader'), directory.personOptions, 140)}
            <Space>
              <Switch
                aria-label={t('ledger.overdueOnly')}
                checked={params.get('overdue') === 'true'}
                onChange={(checked) => set('overdue', checked ? 'true' : null)}
              />
              {t('ledger.overdueOnly')}
            </Space>
          </>
        )}
        <Button onClick={reset} data-testid="ledger-filters-reset">
          {t('ledger.reset')}
        </Button>
        <Button
          type="link"
          onClick={() => setExpanded((open) => !open)}
          icon={expanded ? <UpOutlined /> : <DownOutlined />}
          iconPosition="end"
          data-testid="ledger-filters-toggle"
        >
          {expanded ? t('ledger.collapse') : t('ledger.expand')}
        </Button>
      </Space>
    </div>
  );
}
