import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInspectionRoles, useSession } from '../session';
import { DocumentImport } from './documents/DocumentImport';
import { Feedback } from './documents/Feedback';
import { LedgerImport } from './documents/LedgerImport';
import { NoticeEditor } from './documents/NoticeEditor';
import { Papers } from './documents/papers/Papers';
import { Records } from './documents/Records';

/**
 * 文件与通报: for the office, imports, the notice, the formal papers and what the public sends back;
 * for the papers' other readers (group head, supervisor, reviewer) the papers alone.
 */
export function Documents() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  const office = useInspectionRoles().includes('office');
  if (!inspectionId) return null;
  const papers = {
    key: 'papers',
    label: t('papers.tab'),
    children: <Papers inspectionId={inspectionId} office={office} />,
  };
  return (
    <div data-testid="documents">
      <Typography.Title level={3}>{t('documents.title')}</Typography.Title>
      <Tabs
        items={
          office
            ? [
                {
                  key: 'document',
                  label: t('documents.importDocument'),
                  children: <DocumentImport inspectionId={inspectionId} />,
                },
                {
                  key: 'ledger',
                  label: t('documents.importLedger'),
                  children: <LedgerImport inspectionId={inspectionId} />,
                },
                { key: 'records', label: t('documents.records'), children: <Records inspectionId={inspectionId} /> },
                { key: 'notice', label: t('documents.notice'), children: <NoticeEditor inspectionId={inspectionId} /> },
                papers,
                { key: 'feedback', label: t('documents.feedback'), children: <Feedback inspectionId={inspectionId} /> },
              ]
            : [papers]
        }
      />
    </div>
  );
}
