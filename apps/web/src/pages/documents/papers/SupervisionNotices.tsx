import { App, Button, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call, client } from '../../../api';
import {
  downloadSupervisionNotice,
  printSupervisionNotice,
  SupervisionNotice,
} from '../../../components/papers/supervision';
import { failureText } from '../../../errors';

const STATUS_COLOURS: Record<SupervisionNotice['status'], string> = {
  open: 'red',
  answered: 'blue',
  returned: 'orange',
  closed: 'default',
};

/** The inspection's 督办单 in the order issued (those of the measures this person sees), each as Word and as a printable page. */
export function SupervisionNotices({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [notices, setNotices] = useState<SupervisionNotice[] | null>(null);
  useEffect(() => {
    void call(() => client.GET('/api/inspections/{id}/supervision-notices', { params: { path: { id: inspectionId } } }))
      .then(setNotices)
      .catch((failure) => {
        setNotices([]);
        void message.error(failureText(failure, t));
      });
  }, [inspectionId, message, t]);
  const attempt = (work: () => Promise<void>) => () =>
    void work().catch((failure) => void message.error(failureText(failure, t)));
  return (
    <Table<SupervisionNotice>
      size="small"
      rowKey="id"
      loading={notices === null}
      dataSource={notices ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('papers.noNotices') }}
      data-testid="supervision-notices"
      columns={[
        { key: 'number', title: t('papers.noticeNumber'), dataIndex: 'numberText' },
        {
          key: 'measure',
          title: t('papers.noticeMeasure'),
          render: (_, row) => (
            <Link
              to={`/measures/${row.measureId}`}
            >{`${row.problem.number}.${row.measure.number} ${row.measure.text}`}</Link>
          ),
        },
        { key: 'issued', title: t('papers.issuedOn'), dataIndex: 'issuedOn' },
        { key: 'reply', title: t('papers.replyBy'), dataIndex: 'replyBy' },
        {
          key: 'status',
          title: t('papers.noticeStatus'),
          render: (_, row) => (
            <Tag color={STATUS_COLOURS[row.status]} data-testid={`notice-status-${row.number}`}>
              {t(`papers.status.${row.status}`)}
            </Tag>
          ),
        },
        {
          key: 'to',
          title: t('papers.addressee'),
          render: (_, row) => `${row.leadDepartment}、${row.responsibleLeader}`,
        },
        {
          key: 'files',
          title: t('papers.files'),
          render: (_, row) => (
            <Space wrap>
              <Button
                size="small"
                type="link"
                data-testid={`notice-docx-${row.number}`}
                onClick={attempt(() => downloadSupervisionNotice(row))}
              >
                {t('papers.downloadNotice')}
              </Button>
              <Button
                size="small"
                type="link"
                data-testid={`notice-print-${row.number}`}
                onClick={attempt(() => printSupervisionNotice(row))}
              >
                {t('papers.printNotice')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
