import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_EXTENSIONS } from '@rectiflow/documents/file-types';
import { call, client, download, Schemas, uploadFile } from '../../api';
import { failureText } from '../../errors';

/** Excel ledger: template, upload with every bad row listed, commit. */
export function LedgerImport({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Schemas['LedgerDraftResponse'] | null>(null);
  const [result, setResult] = useState<string | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button
          onClick={() =>
            void download(
              () => client.GET('/api/imports/ledger-template.xlsx', { parseAs: 'blob' }),
              '整改台账模板.xlsx',
            )
          }
        >
          {t('documents.template')}
        </Button>
        <Upload
          accept={LEDGER_EXTENSIONS.join(',')}
          showUploadList={false}
          customRequest={async ({ file }) => {
            try {
              setResult(null);
              setPreview(
                await uploadFile('/api/inspections/{id}/imports/ledger', inspectionId, file as File, () => undefined),
              );
            } catch (failure) {
              void message.error(failureText(failure, t));
            }
          }}
        >
          <Button icon={<UploadOutlined />}>{t('documents.uploadLedger')}</Button>
        </Upload>
      </Space>
      {result && <Alert type="success" showIcon message={result} />}
      {preview && (
        <Card
          size="small"
          title={t('documents.ledgerPreview', {
            rows: preview.counts.rows,
            problems: preview.counts.problems,
            bad: preview.counts.badRows,
          })}
        >
          {preview.errors.length > 0 && (
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={preview.errors}
              columns={[
                { title: t('documents.row'), dataIndex: 'row', width: 70 },
                { title: t('documents.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
          {(preview.unknownDepartments.length > 0 || preview.unknownLeaders.length > 0) && (
            <Alert
              type="warning"
              style={{ marginTop: 8 }}
              message={t('documents.unknown', {
                departments: preview.unknownDepartments.join('、') || '—',
                leaders: preview.unknownLeaders.join('、') || '—',
              })}
            />
          )}
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={preview.errors.length > 0}
            onClick={async () => {
              try {
                const report = await call(() =>
                  client.POST('/api/imports/ledgers/{id}/commit', {
                    params: { path: { id: preview.id } },
                    body: { createUnknown: true },
                  }),
                );
                setResult(
                  t('documents.ledgerApplied', { created: report.measuresCreated, updated: report.measuresUpdated }),
                );
                setPreview(null);
              } catch (failure) {
                void message.error(failureText(failure, t));
              }
            }}
          >
            {t('documents.commit')}
          </Button>
        </Card>
      )}
    </Space>
  );
}
