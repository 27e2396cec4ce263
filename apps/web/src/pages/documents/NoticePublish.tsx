import { Alert, App, Button, List, Modal, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { formatDateTime } from '../../components/format';
import { failureText } from '../../errors';

type Check = Schemas['PublishCheckResponse'];
type Warning = Schemas['NoticeWarningResponse'];

/** One alert per kind and part, references to attachments first: eight zero figures in part 一 are one thing to look at. */
function groupWarnings(warnings: Warning[]): { kind: Warning['kind']; part: Warning['part']; excerpts: string[] }[] {
  const groups = new Map<string, { kind: Warning['kind']; part: Warning['part']; excerpts: string[] }>();
  for (const warning of warnings) {
    const key = `${warning.kind}:${warning.part}`;
    if (!groups.has(key)) groups.set(key, { kind: warning.kind, part: warning.part, excerpts: [] });
    groups.get(key)!.excerpts.push(warning.excerpt);
  }
  return [...groups.values()].sort(
    (a, b) => Number(b.kind === 'attachment_reference') - Number(a.kind === 'attachment_reference'),
  );
}

/**
 * Publishing with care: the button opens what the public will see (the rendered notice), the
 * warnings (zero figures, references to attachments the public cannot open) and the address the new
 * version will have; only 确认发布 publishes. Every published version is listed with its address.
 */
export function NoticePublish({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const [versions, setVersions] = useState<Schemas['NoticeVersionResponse'][]>([]);
  const [published, setPublished] = useState<string | null>(null);
  const loadVersions = useCallback(
    () =>
      call(() => client.GET('/api/notices/{id}/versions', { params: { path: { id: noticeId } } }))
        .then(setVersions)
        .catch(() => undefined),
    [noticeId],
  );
  useEffect(() => {
    void loadVersions();
  }, [loadVersions]);

  const review = async () => {
    try {
      setBusy(true);
      setCheck(await call(() => client.GET('/api/notices/{id}/publish-check', { params: { path: { id: noticeId } } })));
    } catch (failure) {
      void message.error(failureText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    try {
      setBusy(true);
      const result = await call(() => client.POST('/api/notices/{id}/publish', { params: { path: { id: noticeId } } }));
      setPublished(result.publicUrl);
      setCheck(null);
      void loadVersions();
    } catch (failure) {
      void message.error(failureText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" data-testid="notice-publish" loading={busy && !check} onClick={() => void review()}>
        {t('notice.publish')}
      </Button>
      {published && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          message={
            <a href={published} target="_blank" rel="noreferrer" data-testid="public-link">
              {t('notice.published', { url: published })}
            </a>
          }
        />
      )}
      {versions.length > 0 && (
        <List
          style={{ marginTop: 12 }}
          size="small"
          header={t('notice.versions')}
          dataSource={versions}
          data-testid="notice-versions"
          renderItem={(item) => (
            <List.Item>
              <a href={item.publicUrl} target="_blank" rel="noreferrer">
                {t('notice.version', { version: item.version })}
              </a>
              <Typography.Text type="secondary">{formatDateTime(item.publishedAt)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={check !== null}
        width={820}
        title={t('notice.confirmTitle', { version: check?.nextVersion ?? 1 })}
        okText={t('notice.confirmPublish')}
        cancelText={t('notice.cancel')}
        okButtonProps={{ loading: busy, 'data-testid': 'notice-publish-confirm' }}
        onOk={() => void publish()}
        onCancel={() => setCheck(null)}
        destroyOnHidden
      >
        {check && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="publish-confirmation">
            <Typography.Text>
              {check.publicUrl ? t('notice.confirmAddress', { url: check.publicUrl }) : t('notice.confirmFirstAddress')}
            </Typography.Text>
            {check.warnings.length === 0 ? (
              <Alert type="success" showIcon message={t('notice.noWarnings')} />
            ) : (
              groupWarnings(check.warnings).map((group) => (
                <Alert
                  key={`${group.kind}:${group.part}`}
                  type="warning"
                  showIcon
                  data-testid="publish-warning"
                  message={t(`notice.warning.${group.kind}`, { part: t(`notice.part.${group.part}`) })}
                  description={group.excerpts.map((excerpt) => `“${excerpt}”`).join(' ')}
                />
              ))
            )}
            <Typography.Text strong>{t('notice.publicSees')}</Typography.Text>
            <Typography.Paragraph
              style={{
                whiteSpace: 'pre-wrap',
                maxHeight: 360,
                overflow: 'auto',
                border: '1px solid #eee',
                padding: 12,
              }}
              data-testid="publish-rendered"
            >
              {check.text}
            </Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </>
  );
}
