import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Segmented, Space, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

const HIDDEN = 'rectiflow.ledger.hiddenColumns';
const DENSITY = 'rectiflow.ledger.density';

export type Density = 'middle' | 'small';

function stored<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

/** Which columns the person hid and the table's density, kept in localStorage across visits. */
export function useLedgerSettings() {
  const [hidden, setHidden] = useState<string[]>(() => stored<string[]>(HIDDEN, []));
  const [density, setDensityState] = useState<Density>(() =>
    stored<string>(DENSITY, 'middle') === 'small' ? 'small' : 'middle',
  );
  const keep = useCallback((next: string[]) => {
    localStorage.setItem(HIDDEN, JSON.stringify(next));
    setHidden(next);
  }, []);
  const toggle = useCallback(
    (key: string) => keep(hidden.includes(key) ? hidden.filter((item) => item !== key) : [...hidden, key]),
    [hidden, keep],
  );
  const setDensity = useCallback((next: Density) => {
    localStorage.setItem(DENSITY, JSON.stringify(next));
    setDensityState(next);
  }, []);
  return { hidden, toggle, reset: () => keep([]), density, setDensity };
}

export type LedgerSettingsState = ReturnType<typeof useLedgerSettings>;

/** The table's tools, as ProTable has them: reload, density (默认/紧凑) and column settings (show or hide each column). */
export function LedgerSettings({
  settings,
  columns,
  onReload,
}: {
  settings: LedgerSettingsState;
  /** Every column that may be hidden, by key and title (the measure itself stays). */
  columns: { key: string; title: string }[];
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const list = (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 160 }} data-testid="ledger-columns-list">
      {columns.map((column) => (
        <span key={column.key} data-testid={`column-toggle-${column.key}`} style={{ display: 'inline-block' }}>
          <Checkbox checked={!settings.hidden.includes(column.key)} onChange={() => settings.toggle(column.key)}>
            {column.title}
          </Checkbox>
        </span>
      ))}
      <Button size="small" type="link" onClick={settings.reset} style={{ alignSelf: 'flex-start', padding: 0 }}>
        {t('ledger.columnsReset')}
      </Button>
    </div>
  );
  return (
    <Space>
      <Segmented
        size="small"
        value={settings.density}
        onChange={(value) => settings.setDensity(value as Density)}
        options={[
          { value: 'middle', label: t('ledger.densityDefault') },
          { value: 'small', label: t('ledger.densityCompact') },
        ]}
        data-testid="ledger-density"
      />
      <Tooltip title={t('ledger.reload')}>
        <Button size="small" icon={<ReloadOutlined />} onClick={onReload} aria-label={t('ledger.reload')} />
      </Tooltip>
      <Popover trigger="click" placement="bottomRight" title={t('ledger.columns')} content={list}>
        <Button size="small" icon={<SettingOutlined />} data-testid="ledger-columns">
          {t('ledger.columns')}
        </Button>
      </Popover>
    </Space>
  );
}
