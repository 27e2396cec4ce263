import { InboxOutlined } from '@ant-design/icons';
import { App, Progress, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_TYPES } from '@rectiflow/documents/file-types';
import { uploadFile } from '../api';
import { failureText } from '../errors';

/** The evidence types the server accepts (libs/documents), checked here first so a wrong file is not sent at all. */
export const EVIDENCE_EXTENSIONS = Object.keys(EVIDENCE_TYPES);

/** Drag and drop (or pick) evidence files: type and size checked before upload, a progress bar while it goes. */
export function EvidenceUpload({
  measureId,
  maxBytes,
  onUploaded,
}: {
  measureId: string;
  maxBytes: number;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <div data-testid="evidence-upload">
      <Upload.Dragger
        multiple
        showUploadList={false}
        accept={EVIDENCE_EXTENSIONS.map((extension) => `.${extension}`).join(',')}
        beforeUpload={(file) => {
          const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
          if (!EVIDENCE_EXTENSIONS.includes(extension)) {
            void message.error(t('evidence.badType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > maxBytes) {
            void message.error(t('evidence.tooLarge', { name: file.name, limit: Math.round(maxBytes / 1024 / 1024) }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={async ({ file, onSuccess, onError }) => {
          try {
            setPercent(0);
            const saved = await uploadFile('/api/measures/{id}/evidence', measureId, file as File, setPercent);
            onSuccess?.(saved);
            onUploaded();
          } catch (failure) {
            void message.error(failureText(failure, t));
            onError?.(failure as Error);
          } finally {
            setPercent(null);
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('evidence.drop')}</p>
        <p className="ant-upload-hint">{t('evidence.hint', { limit: Math.round(maxBytes / 1024 / 1024) })}</p>
      </Upload.Dragger>
      {percent !== null && <Progress percent={percent} size="small" aria-label={t('evidence.title')} />}
    </div>
  );
}
