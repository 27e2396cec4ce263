import { App, Button, Modal, Popconfirm } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, idempotencyKey, Schemas } from '../../api';
import { failureText } from '../../errors';
import { BatchOutcomes, Outcome } from '../../pages/ledger/BatchOutcomes';

type Measure = Schemas['MeasureDetailResponse'];

/**
 * 领办 of the whole problem from one of its measures: one request, a claim on each of its open,
 * unclaimed measures the leader sees, and each measure's answer when any was refused.
 */
export function ClaimProblem({ measure, onDone }: { measure: Measure; onDone: (result: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  // Offered while the problem has a measure this person sees that nobody has claimed.
  const [unclaimed, setUnclaimed] = useState(0);
  useEffect(() => {
    void call(() =>
      client.GET('/api/measures', { params: { query: { problemId: measure.problemId, claimed: false, limit: 1 } } }),
    )
      .then((page) => setUnclaimed(page.total))
      .catch(() => setUnclaimed(0));
  }, [measure.problemId, measure.claimedBy]);

  const claim = async () => {
    setBusy(true);
    try {
      const answer = await call(() =>
        client.POST('/api/problems/{id}/claim', {
          params: { path: { id: measure.problemId }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: {},
        }),
      );
      if (answer.failed === 0) return onDone(t('claim.problemDone', { count: answer.succeeded }));
      // Some were refused: say which, by the numbers the office and the leader know them by.
      const siblings = await call(() =>
        client.GET('/api/measures', { params: { query: { problemId: measure.problemId, limit: 500 } } }),
      );
      setLabels(Object.fromEntries(siblings.items.map((item) => [item.id, `(${item.number}) ${item.text}`])));
      setOutcome(answer);
    } catch (failure) {
      void message.error(failureText(failure, t));
      onDone(null);
    } finally {
      setBusy(false);
    }
  };

  if (unclaimed === 0 && !outcome) return null;
  return (
    <>
      <Popconfirm title={t('claim.problemConfirm', { title: measure.problem.title })} onConfirm={claim}>
        <Button loading={busy} data-testid="open-claim-problem">
          {t('claim.problem')}
        </Button>
      </Popconfirm>
      {outcome && (
        <Modal
          open
          title={t('claim.problem')}
          footer={null}
          onCancel={() => {
            setOutcome(null);
            onDone(t('claim.problemDone', { count: outcome.succeeded }));
          }}
        >
          <BatchOutcomes outcome={outcome} label={(id) => labels[id] ?? id} done={() => t('claim.tag')} />
        </Modal>
      )}
    </>
  );
}
