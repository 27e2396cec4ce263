/** The 督办单 as files: its Word download and its printable page (the page needs the bearer token, so it is fetched and opened here). */
import { call, client, download, Schemas } from '../../api';

export type SupervisionNotice = Schemas['SupervisionNoticeResponse'];

export function downloadSupervisionNotice(notice: SupervisionNotice): Promise<void> {
  return download(
    () =>
      client.GET('/api/supervision-notices/{id}/notice.docx', {
        params: { path: { id: notice.id } },
        parseAs: 'blob',
      }),
    `督办单${notice.numberText}.docx`,
  );
}

/**
 * The A4 page in a new tab, where the browser's print dialog opens on it. The tab is opened at the
 * click (a popup opened after an await is blocked) and given the page once it has come.
 */
export async function printSupervisionNotice(notice: SupervisionNotice): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const html = await call(() =>
      client.GET('/api/supervision-notices/{id}/print', { params: { path: { id: notice.id } }, parseAs: 'text' }),
    );
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.open(url, '_blank');
    // The tab has read the page by then; a minute is ample.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (failure) {
    tab?.close();
    throw failure;
  }
}

/** The measure's open 督办单: the latest not closed (the list is in the order issued). */
export function openOf(notices: SupervisionNotice[], measureId: string): SupervisionNotice | null {
  return notices.filter((notice) => notice.measureId === measureId && notice.status !== 'closed').at(-1) ?? null;
}
