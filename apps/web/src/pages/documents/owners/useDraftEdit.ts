import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../../api';
import { failureText } from '../../../errors';

export type Draft = Schemas['DocumentDraftResponse'];

/**
 * The office's edits of a plan import's owners before the commit: PATCH …/assignments and …/names,
 * each answering the whole draft again (its assignments, names and what is still missing).
 */
export function useDraftEdit(draftId: string, onDraft: (draft: Draft) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const params = { path: { id: draftId } };

  const run = async (send: () => Promise<Draft>): Promise<boolean> => {
    setBusy(true);
    try {
      onDraft(await send());
      void message.success(t('owners.saved'));
      return true;
    } catch (failure) {
      void message.error(failureText(failure, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    assign: (body: Record<string, unknown>) =>
      run(() =>
        call(() =>
          client.PATCH('/api/imports/documents/{id}/assignments', {
            params,
            body: body as Schemas['EditAssignmentsDto'],
          }),
        ),
      ),
    names: (body: Schemas['MapNamesDto']) =>
      run(() => call(() => client.PATCH('/api/imports/documents/{id}/names', { params, body }))),
  };
}
