import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ACTIONS, type ActionName } from '@rectiflow/domain/actions';
import type { Schemas } from '../../api';
import type { Directory } from '../../directory';
import { DeadlineDialog } from './DeadlineDialog';
import { EditTextDialog } from './EditTextDialog';
import { PlanEdits } from './PlanEdits';
import { ReassignDialog } from './ReassignDialog';
import { VoidDialog } from './VoidDialog';

/** The upkeep of the plan on a measure's page: one button per action the person may take, each opening its dialog; the office's edits of the plan beside them. */
export function UpkeepActions({
  measure,
  directory,
  byGroupHead,
  office,
  onDone,
}: {
  measure: Schemas['MeasureDetailResponse'];
  directory: Directory;
  byGroupHead: boolean;
  /** The office also edits the problem's title and deletes a measure before 交办. */
  office: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ActionName | null>(null);
  const allowed = PLAN_ACTIONS.filter((action) => (measure.allowedActions as readonly string[]).includes(action));
  // A voided measure's problem is edited from its other measures.
  const edits = office && measure.stage !== 'voided';
  if (allowed.length === 0 && !edits) return null;
  const close = () => setOpen(null);
  return (
    <Card size="small" title={t('plan.title')} data-testid="plan-actions">
      <Space wrap direction="vertical">
        {allowed.length > 0 && (
          <Space wrap>
            {allowed.map((action) => (
              <Button
                key={action}
                danger={action === 'void'}
                onClick={() => setOpen(action)}
                data-testid={`open-${action}`}
              >
                {t(`action.${action}`)}
              </Button>
            ))}
          </Space>
        )}
        {edits && <PlanEdits measure={measure} onDone={onDone} />}
      </Space>
      {open === 'reassign' && (
        <ReassignDialog measure={measure} directory={directory} onClose={close} onDone={onDone} />
      )}
      {open === 'change_deadline' && (
        <DeadlineDialog measure={measure} byGroupHead={byGroupHead} onClose={close} onDone={onDone} />
      )}
      {open === 'edit_text' && <EditTextDialog measure={measure} onClose={close} onDone={onDone} />}
      {open === 'void' && <VoidDialog measure={measure} onClose={close} onDone={onDone} />}
    </Card>
  );
}
