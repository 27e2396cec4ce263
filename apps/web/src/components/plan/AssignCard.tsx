import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import type { Directory } from '../../directory';
import { AssignForm } from './AssignForm';
import { useMeasureAction } from './useMeasureAction';

/** 交办 of one measure on its page: the form filled with the measure's owners and the plan's deadline. */
export function AssignCard({
  measure,
  directory,
  onDone,
}: {
  measure: Schemas['MeasureDetailResponse'];
  directory: Directory;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { send, busy, error } = useMeasureAction(measure.id, 'assign');
  return (
    <Card size="small" title={t('action.assign')} data-testid="action-assign">
      {error && (
        <Alert
          type="error"
          showIcon
          message={t('action.refused')}
          description={error}
          style={{ marginBottom: 12 }}
          data-testid="action-error"
        />
      )}
      <AssignForm
        directory={directory}
        busy={busy}
        defaults={{
          leadDepartmentId: measure.leadDepartmentId,
          cooperatingDepartmentIds: measure.cooperatingDepartmentIds,
          responsibleLeaderId: measure.responsibleLeaderId,
          coLeaderIds: measure.coLeaderIds,
          dueAt: measure.dueOnAssign ? null : measure.dueAt,
        }}
        onSubmit={async (body) => {
          const done = await send(body as Record<string, unknown>);
          if (done) onDone();
          return done;
        }}
      />
    </Card>
  );
}
