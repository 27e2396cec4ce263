import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { TEXT_LIMITS } from '@rectiflow/domain';
import { call, client, Schemas } from '../../api';
import { failureText } from '../../errors';

/**
 * The office's edits of the plan that are not measure actions: the problem's title (the earlier one
 * kept in the plan's changes) and, before 交办, deleting a measure entered by mistake (after that it
 * is voided, which keeps its trail).
 */
export function PlanEdits({ measure, onDone }: { measure: Schemas['MeasureDetailResponse']; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [retitling, setRetitling] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ title: string; reason?: string }>();

  const retitle = async (values: { title: string; reason?: string }) => {
    setSaving(true);
    try {
      const body = { title: values.title.trim(), ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}) };
      await call(() => client.PATCH('/api/problems/{id}', { params: { path: { id: measure.problem.id } }, body }));
      void message.success(t('planEdits.retitled'));
      setRetitling(false);
      onDone();
    } catch (failure) {
      void message.error(failureText(failure, t));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    try {
      await call(() => client.DELETE('/api/measures/{id}', { params: { path: { id: measure.id } } }));
      void message.success(t('planEdits.deleted'));
      void navigate('/ledger');
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };

  return (
    <>
      <Space wrap>
        <Button onClick={() => setRetitling(true)} data-testid="open-retitle">
          {t('planEdits.retitle')}
        </Button>
        {measure.stage === 'assign' && (
          <Popconfirm
            title={t('planEdits.deleteConfirm')}
            okText={t('planEdits.delete')}
            okButtonProps={{ danger: true, ...{ 'data-testid': 'delete-measure-confirm' } }}
            onConfirm={remove}
          >
            <Button danger data-testid="delete-measure">
              {t('planEdits.delete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Modal
        open={retitling}
        title={t('planEdits.retitle')}
        okText={t('planEdits.save')}
        confirmLoading={saving}
        okButtonProps={{ ...{ 'data-testid': 'retitle-save' } }}
        onOk={() => form.submit()}
        onCancel={() => setRetitling(false)}
        destroyOnClose
      >
        <Form form={form} layout="vertical" initialValues={{ title: measure.problem.title }} onFinish={retitle}>
          <Form.Item
            name="title"
            label={t('planEdits.title')}
            rules={[
              { required: true, whitespace: true, message: t('form.required') },
              {
                validator: (_rule, value: string) =>
                  value?.trim() === measure.problem.title
                    ? Promise.reject(new Error(t('plan.textUnchanged')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="retitle-title" />
          </Form.Item>
          <Form.Item name="reason" label={t('field.reason')}>
            <Input.TextArea rows={2} maxLength={TEXT_LIMITS.actionText} data-testid="retitle-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
