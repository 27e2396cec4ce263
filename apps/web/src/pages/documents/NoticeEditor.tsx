import { App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, download, Schemas } from '../../api';
import { failureText } from '../../errors';
import { partOf, partText } from './narrative';
import { NoticePublish } from './NoticePublish';

/** The notice form: the narrative's two parts are edited as one text each, a paragraph a line. */
type NoticeForm = Omit<Schemas['EditNoticeDto'], 'part1' | 'part3'> & { part1?: string; part3?: string };

/** The public progress notice: edit the narrative, preview from live data, download, publish. */
export function NoticeEditor({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [notice, setNotice] = useState<Schemas['NoticeResponse'] | null>(null);
  const [preview, setPreview] = useState<string>('');
  const [form] = Form.useForm();

  const refresh = useCallback(
    async (id: string) =>
      setPreview(
        await call(() =>
          client.GET('/api/notices/{id}/preview', {
            params: { path: { id }, query: { format: 'txt' } },
            parseAs: 'text',
          }),
        ),
      ),
    [],
  );
  useEffect(() => {
    void call(() => client.POST('/api/inspections/{id}/notice', { params: { path: { id: inspectionId } } })).then(
      (loaded) => {
        setNotice(loaded);
        form.setFieldsValue({
          ...loaded.narrative,
          part1: partText(loaded.narrative.part1),
          part3: partText(loaded.narrative.part3),
        });
        void refresh(loaded.id);
      },
    );
  }, [inspectionId, form, refresh]);

  if (!notice) return null;
  const save = async (values: NoticeForm) => {
    try {
      const params = { path: { id: notice.id } };
      const body = {
        title: values.title,
        opening: values.opening,
        part1: partOf(notice.narrative.part1.title, values.part1),
        part3: partOf(notice.narrative.part3.title, values.part3),
        closingCall: values.closingCall,
        contact: values.contact,
        signer: values.signer,
        ...(values.date ? { date: values.date } : {}),
      };
      await call(() => client.PUT('/api/notices/{id}', { params, body }));
      await refresh(notice.id);
      void message.success(t('setup.saved'));
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="title" label={t('notice.title')}>
            <Input />
          </Form.Item>
          <Form.Item name="opening" label={t('notice.opening')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="part1" label={t('notice.part1')} extra={t('notice.placeholders')}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="part3" label={t('notice.part3')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="closingCall" label={t('notice.closingCall')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space wrap>
            <Form.Item name={['contact', 'phone']} label={t('notice.phone')}>
              <Input data-testid="notice-phone" />
            </Form.Item>
            <Form.Item name={['contact', 'email']} label={t('notice.email')}>
              <Input />
            </Form.Item>
            <Form.Item name={['contact', 'address']} label={t('notice.address')}>
              <Input />
            </Form.Item>
            <Form.Item name={['contact', 'postcode']} label={t('notice.postcode')}>
              <Input />
            </Form.Item>
            <Form.Item name="signer" label={t('notice.signer')}>
              <Input />
            </Form.Item>
            <Form.Item name="date" label={t('notice.date')}>
              <Input placeholder="2025年7月25日" />
            </Form.Item>
          </Space>
          <Space wrap>
            <Button htmlType="submit" data-testid="notice-save">
              {t('notice.save')}
            </Button>
            <Button
              onClick={() =>
                void download(
                  () =>
                    client.GET('/api/notices/{id}/preview', {
                      params: { path: { id: notice.id }, query: { format: 'docx' } },
                      parseAs: 'blob',
                    }),
                  '整改进展情况.docx',
                )
              }
            >
              {t('notice.downloadDocx')}
            </Button>
            <NoticePublish noticeId={notice.id} />
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('notice.preview')}>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', maxHeight: 640, overflow: 'auto' }}
            data-testid="notice-preview"
          >
            {preview}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
