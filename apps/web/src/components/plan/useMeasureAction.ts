import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, idempotencyKey, Schemas } from '../../api';
import { failureText } from '../../errors';

/**
 * Sending one action of one measure, as the dedicated forms and dialogs do: one idempotency key per
 * request (a double click or a retry never acts twice; after a success the next send is a new
 * request), the server's warnings and a result message, and the refusal in the person's language.
 */
export function useMeasureAction(measureId: string, action: Schemas['ActionName']) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [key, setKey] = useState(idempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (body: Record<string, unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await call(() =>
        client.POST('/api/measures/{id}/actions/{action}', {
          params: { path: { id: measureId, action }, header: { 'Idempotency-Key': key } },
          body: body as Schemas['ActionBodyDto'],
        }),
      );
      for (const warning of result.warnings ?? [])
        void message.warning({ content: t(`warning.${warning.code}`, warning), duration: 10 });
      void message.success(t('action.done', { action: t(`action.${action}`) }));
      setKey(idempotencyKey());
      return true;
    } catch (failure) {
      setError(failureText(failure, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { send, busy, error, clearError: () => setError(null) };
}
