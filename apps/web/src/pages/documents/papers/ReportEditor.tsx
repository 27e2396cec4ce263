import { Alert, App, Button, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, download, Schemas } from '../../../api';
import { failureText } from '../../../errors';
import { partOf, partText } from '../narrative';
import { ReportPreview } from './ReportPreview';
import { ReportVersions } from './ReportVersions';

type Draft = Schemas['ReportDraftResponse'];
/** The two parts are edited as one text each, a paragraph a line (as the notice's). */
type ReportForm = Omit<Schemas['EditReportDto'], 'overall' | 'nextSteps'> & { overall?: string; nextSteps?: string };

/**
 * The 整改报告: the office edits its narrative (保存并预览 shows it from live data), generates numbered
 * versions and downloads them; the other readers see the preview and the versions only.
 */
export function ReportEditor({ inspectionId, office }: { inspectionId: string; office: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [content, setContent] = useState<Schemas['ReportContentResponse'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generated, setGenerated] = useState(0);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ReportForm>();
  const params = { path: { id: inspectionId } };

  const refresh = useCallback(async () => {
    const loaded = await call(() =>
      client.GET('/api/inspections/{id}/report/preview', {
        params: { path: { id: inspectionId }, query: { format: 'json' } },
      }),
    );
    // The document answers JSON or the .docx's bytes here; without format=docx it is the JSON.
    setContent(typeof loaded === 'string' ? null : loaded);
  }, [inspectionId]);
  useEffect(() => {
    void call(() => client.GET('/api/inspections/{id}/report', { params: { path: { id: inspectionId } } }))
      .then((loaded) => {
        setDraft(loaded);
        form.setFieldsValue({
          ...loaded.narrative,
          overall: partText(loaded.narrative.overall),
          nextSteps: partText(loaded.narrative.nextSteps),
        });
        return refresh();
      })
      .catch((failure) => setError(failureText(failure, t)));
  }, [inspectionId, form, refresh, t]);

  if (error) return <Alert type="error" showIcon message={error} data-testid="report-error" />;
  if (!draft) return null;
  const save = async (values: ReportForm) => {
    try {
      const body = {
        title: values.title,
        addressee: values.addressee,
        opening: values.opening,
        overall: partOf(draft.narrative.overall.title, values.overall),
        nextSteps: partOf(draft.narrative.nextSteps.title, values.nextSteps),
        signer: values.signer,
        date: values.date ?? '',
      };
      setDraft(await call(() => client.PUT('/api/inspections/{id}/report', { params, body })));
      await refresh();
      void message.success(t('setup.saved'));
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  const generate = async () => {
    try {
      setBusy(true);
      const version = await call(() => client.POST('/api/inspections/{id}/report/versions', { params }));
      setGenerated((count) => count + 1);
      void message.success(t('papers.generated', { version: version.version }));
    } catch (failure) {
      void message.error(failureText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const downloadPreview = () =>
    download(
      () =>
        client.GET('/api/inspections/{id}/report/preview', {
          params: { ...params, query: { format: 'docx' } },
          parseAs: 'blob',
        }),
      '整改报告(预览).docx',
    ).catch((failure) => void message.error(failureText(failure, t)));

  const dueOn = (
    <Typography.Paragraph data-testid="report-due">
      {draft.dueOn ? t('papers.dueOn', { day: draft.dueOn }) : t('papers.noDueOn')}{' '}
      {draft.submittedVersion === null
        ? t('papers.notSubmitted')
        : t('papers.submittedVersion', { version: draft.submittedVersion })}
    </Typography.Paragraph>
  );
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        {dueOn}
        {office && (
          <Form form={form} layout="vertical" onFinish={save} data-testid="report-form">
            <Form.Item name="title" label={t('papers.field.title')}>
              <Input />
            </Form.Item>
            <Form.Item name="addressee" label={t('papers.field.addressee')}>
              <Input />
            </Form.Item>
            <Form.Item name="opening" label={t('papers.field.opening')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item
              name="overall"
              label={t('papers.field.overall')}
              extra={t('papers.placeholders', { list: draft.placeholders.join(' ') })}
            >
              <Input.TextArea rows={5} data-testid="report-overall" />
            </Form.Item>
            <Form.Item name="nextSteps" label={t('papers.field.nextSteps')}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="signer" label={t('papers.field.signer')}>
                <Input />
              </Form.Item>
              <Form.Item name="date" label={t('papers.field.date')}>
                <Input placeholder="2026年3月1日" />
              </Form.Item>
            </Space>
            <Space wrap>
              <Button htmlType="submit" data-testid="report-save">
                {t('papers.save')}
              </Button>
              <Button onClick={() => void downloadPreview()} data-testid="report-preview-download">
                {t('papers.downloadPreview')}
              </Button>
              <Button type="primary" loading={busy} onClick={() => void generate()} data-testid="report-generate">
                {t('papers.generate')}
              </Button>
            </Space>
          </Form>
        )}
        <ReportVersions
          inspectionId={inspectionId}
          office={office}
          reload={generated}
          onSubmitted={() =>
            void call(() => client.GET('/api/inspections/{id}/report', { params })).then(setDraft, () => undefined)
          }
        />
      </Col>
      <Col xs={24} lg={14}>
        <ReportPreview content={content} />
      </Col>
    </Row>
  );
}
