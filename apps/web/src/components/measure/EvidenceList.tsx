import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { client, download, Schemas } from '../../api';
import { formatDateTime } from '../format';

/**
 * The measure's evidence files: a download each; SHA-256 only for those who check files (the office,
 * reviewers); a file not yet submitted can be taken out of the clerk's submission (the API deletes no
 * evidence, so it stays stored but is not offered) and put back.
 */
export function EvidenceList({
  evidence,
  showHash,
  removable,
  hidden,
  onHide,
}: {
  evidence: Schemas['EvidenceResponse'][];
  showHash: boolean;
  /** Files the person may take out of the submission (uploaded, not yet submitted). */
  removable: Set<string>;
  hidden: string[];
  onHide: (id: string, hide: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={evidence}
      locale={{ emptyText: t('evidence.none') }}
      renderItem={(item) => {
        const isHidden = hidden.includes(item.id);
        const actions = [
          <a
            key="download"
            onClick={() =>
              void download(
                () => client.GET('/api/evidence/{id}/content', { params: { path: { id: item.id } }, parseAs: 'blob' }),
                item.fileName,
              )
            }
          >
            {t('evidence.download')}
          </a>,
        ];
        if (removable.has(item.id))
          actions.push(
            <a key="hide" onClick={() => onHide(item.id, !isHidden)} data-testid="evidence-hide">
              {isHidden ? t('clerk.restore') : t('clerk.hide')}
            </a>,
          );
        const facts = [`${Math.ceil(item.sizeBytes / 1024)} KB`, formatDateTime(item.uploadedAt)];
        if (showHash) facts.push(`SHA-256 ${item.sha256.slice(0, 12)}…`);
        return (
          <List.Item actions={actions} data-testid={isHidden ? 'evidence-hidden' : 'evidence-item'}>
            <List.Item.Meta
              title={
                <Typography.Text delete={isHidden} type={isHidden ? 'secondary' : undefined}>
                  {item.fileName}
                </Typography.Text>
              }
              description={isHidden ? t('clerk.noDelete') : facts.join(' · ')}
            />
          </List.Item>
        );
      }}
      data-testid="evidence-list"
    />
  );
}
