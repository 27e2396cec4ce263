import { Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROGRESS } from '@rectiflow/domain/progress';
import { COLOURS, MEASURE_KINDS, STAGES } from '@rectiflow/domain/stage';
import type { Directory } from '../../directory';

/** The ledger's filters; each reads and writes its key of the URL. */
export function LedgerFilters({
  params,
  set,
  directory,
}: {
  params: URLSearchParams;
  set: (key: string, value: string | undefined | null) => void;
  directory: Directory;
}) {
  const { t } = useTranslation();
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const select = (key: string, placeholder: string, values: { value: string; label: string }[], width: number) => (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      value={params.get(key) ?? undefined}
      onChange={(value: string | undefined) => set(key, value)}
      options={values}
      style={{ width }}
      data-testid={`filter-${key}`}
    />
  );
  return (
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
      {select('stage', t('ledger.stage'), options(STAGES, 'stage'), 110)}
      {select('progress', t('ledger.progress'), options(PROGRESS, 'progress'), 120)}
      {select('colour', t('ledger.colour'), options(COLOURS, 'colour'), 100)}
      {select('kind', t('ledger.kind'), options(MEASURE_KINDS, 'kind'), 120)}
      {select('departmentId', t('ledger.department'), directory.departmentOptions, 160)}
      {select('leaderId', t('ledger.leader'), directory.personOptions, 140)}
      <Space>
        <Switch
          checked={params.get('overdue') === 'true'}
          onChange={(checked) => set('overdue', checked ? 'true' : null)}
        />
        {t('ledger.overdueOnly')}
      </Space>
    </Space>
  );
}
