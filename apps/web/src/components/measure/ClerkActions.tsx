import { Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionName } from '@rectiflow/domain/actions';
import type { Schemas } from '../../api';
import { ActionForm } from '../ActionForm';
import { EvidenceUpload } from '../EvidenceUpload';

/** The clerk's actions, in this order, of which one form is open at a time. */
export const CLERK_ACTIONS: readonly ActionName[] = [
  'submit_evidence',
  'report_progress',
  'contribute',
  'request_extension',
];

/**
 * The department's work on one card: the upload (for the actions that take files), then one form at a
 * time chosen above it (提交佐证材料 / 申请延期 / 配合反馈 …); the files offered are the measure's (a wrong one is withdrawn in the list).
 */
export function ClerkActions({
  measure,
  actions,
  evidence,
  fresh,
  maxBytes,
  onUploaded,
  onDone,
}: {
  measure: Schemas['MeasureDetailResponse'];
  actions: ActionName[];
  evidence: Schemas['EvidenceResponse'][];
  /** The files no action has named yet: a periodic report offers these ticked. */
  fresh: string[];
  maxBytes: number;
  onUploaded: () => void;
  onDone: (result: string | null) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ActionName>(actions[0]);
  const current = actions.includes(chosen) ? chosen : actions[0];
  const takesFiles = current !== 'request_extension';
  return (
    <Card size="small" title={t('clerk.title')} data-testid="clerk-actions">
      {actions.length > 1 && (
        <Segmented
          block
          value={current}
          onChange={(value) => setChosen(value as ActionName)}
          options={actions.map((action) => ({ value: action, label: t(`action.${action}`) }))}
          style={{ marginBottom: 12 }}
          data-testid="clerk-switch"
        />
      )}
      {takesFiles && <EvidenceUpload measureId={measure.id} maxBytes={maxBytes} onUploaded={onUploaded} />}
      <div style={{ marginTop: takesFiles ? 12 : 0 }}>
        <ActionForm
          key={`${current}-${measure.stage}-${measure.round}-${evidence.length}`}
          bare
          action={current}
          measure={measure}
          evidence={evidence}
          preselected={current === 'contribute' ? [] : current === 'report_progress' ? fresh : undefined}
          onDone={onDone}
        />
      </div>
    </Card>
  );
}
