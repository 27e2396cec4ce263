import { Alert, Button, Card, DatePicker, Form, Popconfirm, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { resultText } from '../ActionForm';
import { DialogValues, PlanDialog } from '../plan/PlanDialog';
import { useMeasureAction } from '../plan/useMeasureAction';
import { ClaimProblem } from './ClaimProblem';

type Measure = Schemas['MeasureDetailResponse'];

/** 重新整改 of a closed measure: the reason (in the dialog's own field) and the new deadline. */
function ReopenDialog({ measure, onClose, onDone }: { measure: Measure; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DialogValues>();
  return (
    <PlanDialog
      action="reopen"
      measureId={measure.id}
      form={form}
      toBody={(values) => ({ dueAt: (values.dueAt as Dayjs).endOf('day').toISOString() })}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('reopen.help')}</Typography.Paragraph>
      <Form.Item name="dueAt" label={t('reopen.dueAt')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker style={{ width: '100%' }} data-testid="reopen-dueAt" />
      </Form.Item>
    </PlanDialog>
  );
}

/** 领办 (this measure, or its whole problem) and 重新整改: a button each (a leader claims; the supervisor or office reopens). */
export function Oversight({
  measure,
  personId,
  onDone,
}: {
  measure: Measure;
  personId: string | null;
  onDone: (result: string | null) => void;
}) {
  const { t } = useTranslation();
  const [reopening, setReopening] = useState(false);
  const claim = useMeasureAction(measure.id, 'claim');
  const canClaim = measure.allowedActions.includes('claim');
  const canReopen = measure.allowedActions.includes('reopen');
  // Having claimed this measure, a leader may still claim the rest of its problem.
  const open = measure.stage !== 'closed' && measure.stage !== 'voided';
  const canClaimProblem = canClaim || (open && personId !== null && measure.claimedBy === personId);
  if (!canClaimProblem && !canReopen) return null;
  // Only the rest of the problem to claim: its button alone (it hides itself when nothing is left).
  if (!canClaim && !canReopen) return <ClaimProblem measure={measure} onDone={onDone} />;
  return (
    <Card size="small" data-testid="oversight">
      {claim.error && (
        <Alert
          type="error"
          showIcon
          message={t('action.refused')}
          description={claim.error}
          style={{ marginBottom: 8 }}
        />
      )}
      <Space wrap>
        {canClaim && (
          <Popconfirm
            title={t('claim.confirm')}
            onConfirm={async () => {
              if (await claim.send({})) onDone(resultText('claim', t));
              else onDone(null);
            }}
          >
            <Button type="primary" loading={claim.busy} data-testid="open-claim">
              {t('action.claim')}
            </Button>
          </Popconfirm>
        )}
        {canClaimProblem && <ClaimProblem measure={measure} onDone={onDone} />}
        {canReopen && (
          <Button danger onClick={() => setReopening(true)} data-testid="open-reopen">
            {t('reopen.open')}
          </Button>
        )}
      </Space>
      {reopening && (
        <ReopenDialog
          measure={measure}
          onClose={() => setReopening(false)}
          onDone={() => onDone(resultText('reopen', t))}
        />
      )}
    </Card>
  );
}
