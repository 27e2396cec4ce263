import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** 红黄绿灯. */
export function ColourTag({ colour }: { colour: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[colour] ?? 'default'}>{t(`colour.${colour}`)}</Tag>;
}
