import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageTrail } from '../../components/PageTrail';

/** The ledger's query a measure was opened from, carried in the measure's URL (?from=…). */
export const FROM = 'from';

/** A measure's link from the ledger, carrying the ledger's query for the way back. */
export function measureLink(id: string, ledgerQuery: URLSearchParams): string {
  const query = ledgerQuery.toString();
  return `/measures/${id}${query ? `?${new URLSearchParams({ [FROM]: query })}` : ''}`;
}

/** 首页 / 整改台账 / 整改措施 above a measure: 整改台账 leads back to the ledger with the query it was opened from. */
export function MeasureTrail() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const from = params.get(FROM);
  return (
    <PageTrail
      testId="measure-breadcrumb"
      items={[{ title: t('ledger.crumb'), to: `/ledger${from ? `?${from}` : ''}` }, { title: t('ledger.measure') }]}
    />
  );
}
