import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { DocumentImport } from './documents/DocumentImport';
import { Feedback } from './documents/Feedback';
import { LedgerImport } from './documents/LedgerImport';
import { NoticeEditor } from './documents/NoticeEditor';
import { Records } from './documents/Records';

/** 文件与通报, for the office: imports, the notice, and what the public sends back. */
export function Documents() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  if (!inspectionId) return null;
  return (
    <div data-testid="documents">
      <Typography.Title level={3}>{t('documents.title')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'document',
            label: t('documents.importDocument'),
            children: <DocumentImport inspectionId={inspectionId} />,
          },
          { key: 'ledger', label: t('documents.importLedger'), children: <LedgerImport inspectionId={inspectionId} /> },
          { key: 'records', label: t('documents.records'), children: <Records inspectionId={inspectionId} /> },
          { key: 'notice', label: t('documents.notice'), children: <NoticeEditor inspectionId={inspectionId} /> },
          { key: 'feedback', label: t('documents.feedback'), children: <Feedback inspectionId={inspectionId} /> },
        ]}
      />
    </div>
  );
}
