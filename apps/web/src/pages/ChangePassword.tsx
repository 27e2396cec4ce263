import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFailure } from '../errors';
import { Language, setLanguage } from '../i18n';
import { useSession } from '../session';

/**
 * After an administrator's password reset: the person signed in with the one-time password and must
 * choose their own before anything else opens (the server refuses every other call until then).
 */
export function ChangePassword() {
  const { t, i18n } = useTranslation();
  const { passwordChange, changePassword, signOut } = useSession();
  const [error, setError] = useState<{ headline: string; detail: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const known = passwordChange?.current ?? null;

  const submit = async (values: { current?: string; next: string }) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(known ?? values.current ?? '', values.next);
    } catch (failure) {
      setError(describeFailure(failure, t, { FORBIDDEN: 'changePassword.wrongCurrent' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f5f5f5',
        padding: 16,
      }}
      data-testid="change-password"
    >
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Segmented
            size="small"
            value={i18n.language}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en-US' },
            ]}
            onChange={(value) => setLanguage(value as Language)}
          />
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('changePassword.title')}
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          message={t('changePassword.required')}
          description={t('changePassword.rule')}
          style={{ marginBottom: 16 }}
        />
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.headline}
            description={error.detail}
            style={{ marginBottom: 16 }}
            data-testid="change-password-error"
          />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          {known === null && (
            <Form.Item
              name="current"
              label={t('changePassword.current')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Input.Password autoComplete="current-password" data-testid="current-password" />
            </Form.Item>
          )}
          <Form.Item
            name="next"
            label={t('changePassword.next')}
            rules={[
              { required: true, message: t('form.required') },
              { min: 10, message: t('changePassword.tooShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('changePassword.confirm')}
            dependencies={['next']}
            rules={[
              { required: true, message: t('form.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('next')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('changePassword.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="change-password-submit">
            {t('changePassword.submit')}
          </Button>
          <Button type="link" block onClick={() => void signOut()} style={{ marginTop: 8 }}>
            {t('header.signOut')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
