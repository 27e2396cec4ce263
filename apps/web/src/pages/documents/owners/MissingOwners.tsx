import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api';

type Missing = Schemas['MissingOwnersResponse'];

/** The commit's refusal (400, details.missing): every measure that still lacks a lead department, a leader or a deadline, or names someone unresolved. */
export function MissingOwners({ missing }: { missing: Missing[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={t('owners.refused', { count: missing.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {missing.slice(0, 50).map((item) => {
            const names = [...item.unknown.departments, ...item.unknown.people];
            return (
              <li key={`${item.problemNumber}-${item.measureNumber}`}>
                {t('owners.missingItem', {
                  problem: item.problemNumber,
                  measure: item.measureNumber,
                  fields: item.fields.map((field) => t(`owners.field.${field}`)).join('、'),
                })}
                {names.length > 0 && t('owners.missingNames', { names: names.join('、') })}
              </li>
            );
          })}
          {missing.length > 50 && <li>{t('batch.more', { count: missing.length - 50 })}</li>}
        </ul>
      }
      data-testid="commit-missing"
    />
  );
}
