import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, download, Schemas } from '../../../api';
import { formatDateTime } from '../../../components/format';
import { failureText } from '../../../errors';

type Version = Schemas['ReportVersionResponse'];

/**
 * The generated versions, newest first, each with who made it and when, its report (.docx) and its
 * ledger (.xlsx), and 报送: the office marks the version sent to the inspection body (who and when).
 */
export function ReportVersions({
  inspectionId,
  office,
  reload,
  onSubmitted,
}: {
  inspectionId: string;
  office: boolean;
  reload: number;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [versions, setVersions] = useState<Version[]>([]);
  const load = useCallback(
    () =>
      call(() => client.GET('/api/inspections/{id}/report/versions', { params: { path: { id: inspectionId } } }))
        .then(setVersions)
        .catch((failure) => void message.error(failureText(failure, t))),
    [inspectionId, message, t],
  );
  useEffect(() => {
    void load();
  }, [load, reload]);

  const save = (version: number, file: 'report.docx' | 'ledger.xlsx') => {
    const params = { path: { id: inspectionId, version } };
    const send =
      file === 'report.docx'
        ? () => client.GET('/api/inspections/{id}/report/versions/{version}/report.docx', { params, parseAs: 'blob' })
        : () => client.GET('/api/inspections/{id}/report/versions/{version}/ledger.xlsx', { params, parseAs: 'blob' });
    const name = file === 'report.docx' ? `整改报告-第${version}版.docx` : `整改台账-第${version}版.xlsx`;
    void download(send, name).catch((failure) => void message.error(failureText(failure, t)));
  };
  const submit = async (version: number) => {
    try {
      await call(() =>
        client.POST('/api/inspections/{id}/report/versions/{version}/submit', {
          params: { path: { id: inspectionId, version } },
        }),
      );
      void message.success(t('papers.submitted', { version }));
      onSubmitted();
      await load();
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  return (
    <Table<Version>
      style={{ marginTop: 16 }}
      size="small"
      rowKey="id"
      pagination={false}
      title={() => t('papers.versions')}
      locale={{ emptyText: t('papers.noVersions') }}
      dataSource={versions}
      data-testid="report-versions"
      columns={[
        { key: 'version', title: t('papers.versionColumn'), render: (_, row) => t('papers.version', row) },
        { key: 'by', title: t('papers.generatedBy'), dataIndex: 'generatedBy' },
        { key: 'at', title: t('papers.generatedAt'), render: (_, row) => formatDateTime(row.generatedAt) },
        {
          key: 'submitted',
          title: t('papers.submission'),
          render: (_, row) =>
            row.submittedAt ? (
              <Tag color="green" data-testid={`report-submitted-${row.version}`}>
                {t('papers.submittedBy', { name: row.submittedBy ?? '', at: formatDateTime(row.submittedAt) })}
              </Tag>
            ) : office ? (
              <Popconfirm
                title={t('papers.submitConfirm', { version: row.version })}
                onConfirm={() => submit(row.version)}
              >
                <Button size="small" data-testid={`report-submit-${row.version}`}>
                  {t('papers.submit')}
                </Button>
              </Popconfirm>
            ) : (
              t('papers.notSubmitted')
            ),
        },
        {
          key: 'files',
          title: t('papers.files'),
          render: (_, row) => (
            <Space wrap>
              <Button
                size="small"
                type="link"
                data-testid={`report-docx-${row.version}`}
                onClick={() => save(row.version, 'report.docx')}
              >
                {t('papers.reportDocx')}
              </Button>
              <Button
                size="small"
                type="link"
                data-testid={`report-ledger-${row.version}`}
                onClick={() => save(row.version, 'ledger.xlsx')}
              >
                {t('papers.ledgerXlsx')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
