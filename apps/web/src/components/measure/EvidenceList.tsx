import { App, Button, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, client, download, Schemas } from '../../api';
import { failureText } from '../../errors';
import { formatDateTime } from '../format';

/**
 * The measure's evidence files: a download each; SHA-256 only for those who check files (the office,
 * reviewers); a file no action has named yet can be withdrawn by whoever uploaded it (or the office),
 * after a confirmation: the server keeps submitted files as part of the record.
 */
export function EvidenceList({
  evidence,
  showHash,
  removable,
  onRemoved,
}: {
  evidence: Schemas['EvidenceResponse'][];
  showHash: boolean;
  /** Files this person may withdraw (not yet named by an action; theirs, or any for the office). */
  removable: Set<string>;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = async (item: Schemas['EvidenceResponse']) => {
    try {
      await call(() => client.DELETE('/api/evidence/{id}', { params: { path: { id: item.id } } }));
      void message.success(t('evidence.removed', { name: item.fileName }));
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
    onRemoved();
  };
  return (
    <List
      size="small"
      dataSource={evidence}
      locale={{ emptyText: t('evidence.none') }}
      renderItem={(item) => {
        // Buttons, not <a> without href: those are out of the keyboard's reach.
        const actions = [
          <Button
            key="download"
            type="link"
            size="small"
            onClick={() =>
              void download(
                () => client.GET('/api/evidence/{id}/content', { params: { path: { id: item.id } }, parseAs: 'blob' }),
                item.fileName,
              )
            }
          >
            {t('evidence.download')}
          </Button>,
        ];
        if (removable.has(item.id))
          actions.push(
            <Popconfirm
              key="remove"
              title={t('evidence.removeConfirm', { name: item.fileName })}
              okText={t('evidence.remove')}
              okButtonProps={{ danger: true, ...{ 'data-testid': 'evidence-remove-confirm' } }}
              onConfirm={() => remove(item)}
            >
              <Button type="link" size="small" danger data-testid="evidence-remove">
                {t('evidence.remove')}
              </Button>
            </Popconfirm>,
          );
        const facts = [`${Math.ceil(item.sizeBytes / 1024)} KB`, formatDateTime(item.uploadedAt)];
        if (showHash) facts.push(`SHA-256 ${item.sha256.slice(0, 12)}…`);
        return (
          <List.Item actions={actions} data-testid="evidence-item">
            <List.Item.Meta
              title={<Typography.Text>{item.fileName}</Typography.Text>}
              description={facts.join(' · ')}
            />
          </List.Item>
        );
      }}
      data-testid="evidence-list"
    />
  );
}
