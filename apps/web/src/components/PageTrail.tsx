import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** 首页 / … breadcrumbs: each step a link but the last. */
export function PageTrail({ items, testId }: { items: { title: string; to?: string }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId} style={{ marginBottom: 8 }}>
      <Breadcrumb
        items={[{ title: t('nav.home'), to: '/work' }, ...items].map((item) => ({
          title: item.to ? <Link to={item.to}>{item.title}</Link> : item.title,
        }))}
      />
    </div>
  );
}
