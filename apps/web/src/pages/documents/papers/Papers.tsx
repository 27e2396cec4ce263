import { App, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { client, download } from '../../../api';
import { failureText } from '../../../errors';
import { ReportEditor } from './ReportEditor';
import { SupervisionNotices } from './SupervisionNotices';

/** Who may read the 整改报告 and the 三张清单 (the API's PAPER_READERS); the office alone edits and generates. */
export const PAPER_READERS: readonly string[] = ['office', 'group_head', 'supervisor', 'reviewer'];

/** 正式文件: the 整改报告, the 三张清单 and the inspection's 督办单. */
export function Papers({ inspectionId, office }: { inspectionId: string; office: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const taskLists = () =>
    download(
      () =>
        client.GET('/api/inspections/{id}/task-lists.docx', {
          params: { path: { id: inspectionId } },
          parseAs: 'blob',
        }),
      '三张清单.docx',
    ).catch((failure) => void message.error(failureText(failure, t)));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="papers">
      <Card size="small" title={t('papers.report')}>
        <ReportEditor inspectionId={inspectionId} office={office} />
      </Card>
      <Card size="small" title={t('papers.taskLists')}>
        <Typography.Paragraph type="secondary">{t('papers.taskListsHelp')}</Typography.Paragraph>
        <Button onClick={() => void taskLists()} data-testid="task-lists-download">
          {t('papers.downloadTaskLists')}
        </Button>
      </Card>
      <Card size="small" title={t('papers.notices')}>
        <SupervisionNotices inspectionId={inspectionId} />
      </Card>
    </Space>
  );
}
