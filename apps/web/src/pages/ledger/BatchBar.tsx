import { AlertOutlined, AuditOutlined, SendOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export type BatchDialog = 'assign' | 'urge' | 'lookback';

/**
 * 批量操作: choosing rows, then 交办 (office), 催办 and 回头看 (office or supervisor) for the
 * selection; what the person's roles do not allow is not offered.
 */
export function BatchBar({
  selecting,
  count,
  allowed,
  onSelect,
  onOpen,
  onCancel,
}: {
  selecting: boolean;
  count: number;
  allowed: BatchDialog[];
  onSelect: () => void;
  onOpen: (dialog: BatchDialog) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  if (allowed.length === 0) return null;
  if (!selecting)
    return (
      <Button icon={<SendOutlined />} onClick={onSelect} data-testid="batch-select">
        {t('batch.select')}
      </Button>
    );
  const buttons: Record<BatchDialog, { icon: JSX.Element; label: string; testId: string }> = {
    assign: { icon: <SendOutlined />, label: t('batch.button', { count }), testId: 'batch-assign-open' },
    urge: { icon: <AlertOutlined />, label: t('batch.urgeButton', { count }), testId: 'batch-urge-open' },
    lookback: { icon: <AuditOutlined />, label: t('batch.lookBackButton', { count }), testId: 'lookback-open' },
  };
  return (
    <>
      {allowed.map((dialog) => (
        <Button
          key={dialog}
          type={dialog === allowed[0] ? 'primary' : 'default'}
          icon={buttons[dialog].icon}
          disabled={count === 0}
          onClick={() => onOpen(dialog)}
          data-testid={buttons[dialog].testId}
        >
          {buttons[dialog].label}
        </Button>
      ))}
      <Button onClick={onCancel}>{t('batch.cancel')}</Button>
    </>
  );
}
