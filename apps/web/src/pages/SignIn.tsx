import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFailure } from '../errors';
import { Language, setLanguage } from '../i18n';
import { useSession } from '../session';

export function SignIn() {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const [error, setError] = useState<{ headline: string; detail: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
    } catch (failure) {
      // A refused sign-in says "sign-in failed", not "not signed in"; the detail says why (wrong password, locked).
      setError(describeFailure(failure, t, { UNAUTHENTICATED: 'error.signIn' }));
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
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Segmented
            size="small"
            value={i18n.language}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en-US' },
            ]}
            onChange={(value) => setLanguage(value as Language)}
            data-testid="language-switch"
          />
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.headline}
            description={error.detail}
            style={{ marginBottom: 16 }}
            data-testid="sign-in-error"
          />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[{ required: true, message: t('signIn.usernameRequired') }]}
          >
            <Input autoComplete="username" data-testid="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in">
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
