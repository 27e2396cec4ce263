import { App, Button, Card, Descriptions, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, download, Schemas } from '../../api';
import { failureText } from '../../errors';
import { downloadSupervisionNotice, openOf, printSupervisionNotice, SupervisionNotice } from '../papers/supervision';

type Measure = Schemas['MeasureDetailResponse'];

/** Signed off and not sent back since: the 销号审批表 exists (the server answers 409 otherwise). */
const SIGNED_OFF: readonly string[] = ['lookback', 'closed'];

/**
 * The measure's papers: its 销号审批表 once signed off, and its open 督办单 (number, issued, reply by)
 * with the Word download and the printable page. Nothing is shown while there is neither.
 */
export function MeasurePapers({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [notice, setNotice] = useState<SupervisionNotice | null>(null);
  const supervised = measure.supervision !== null;
  useEffect(() => {
    if (!supervised) return setNotice(null);
    let current = true;
    void call(() =>
      client.GET('/api/inspections/{id}/supervision-notices', { params: { path: { id: measure.inspectionId } } }),
    )
      .then((notices) => current && setNotice(openOf(notices, measure.id)))
      .catch(() => current && setNotice(null));
    return () => {
      current = false;
    };
  }, [supervised, measure.id, measure.inspectionId, measure.updatedAt]);

  const signedOff = SIGNED_OFF.includes(measure.stage);
  if (!signedOff && !notice) return null;
  const attempt = (work: () => Promise<void>) => () =>
    void work().catch((failure) => void message.error(failureText(failure, t)));
  return (
    <Card size="small" title={t('papers.ofMeasure')} style={{ marginTop: 16 }} data-testid="measure-papers">
      <Space direction="vertical" style={{ width: '100%' }}>
        {signedOff && (
          <Button
            data-testid="signoff-form-download"
            onClick={attempt(() =>
              download(
                () =>
                  client.GET('/api/measures/{id}/signoff-form.docx', {
                    params: { path: { id: measure.id } },
                    parseAs: 'blob',
                  }),
                '整改措施销号审批表.docx',
              ),
            )}
          >
            {t('papers.signoffForm')}
          </Button>
        )}
        {notice && (
          <div data-testid="measure-supervision-notice">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'number', label: t('papers.noticeNumber'), children: notice.numberText },
                { key: 'issued', label: t('papers.issuedOn'), children: notice.issuedOn },
                { key: 'reply', label: t('papers.replyBy'), children: notice.replyBy },
                { key: 'status', label: t('papers.noticeStatus'), children: t(`papers.status.${notice.status}`) },
              ]}
            />
            <Space wrap>
              <Button data-testid="measure-notice-download" onClick={attempt(() => downloadSupervisionNotice(notice))}>
                {t('papers.downloadNotice')}
              </Button>
              <Button data-testid="measure-notice-print" onClick={attempt(() => printSupervisionNotice(notice))}>
                {t('papers.printNotice')}
              </Button>
            </Space>
          </div>
        )}
      </Space>
    </Card>
  );
}
