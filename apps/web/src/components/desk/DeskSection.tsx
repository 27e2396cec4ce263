import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../api';
import { ColourTag } from '../ColourTag';
import { formatDate } from '../format';
import { EscalationTag } from '../measure/MeasureHeader';

type Item = Schemas['MeasureListItemResponse'];

/** One list of the supervisor's desk: each measure with its inspection, stage, round, light, escalation and stage deadline. */
export function DeskSection({
  id,
  title,
  items,
  total,
  inspections,
}: {
  id: string;
  title: string;
  items: Item[];
  total: number;
  inspections: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${title}（${total}）`} data-testid={`desk-${id}`}>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('desk.empty') }}
        renderItem={(item) => (
          <List.Item data-testid="desk-item">
            <List.Item.Meta
              title={<Link to={`/measures/${item.id}`}>{item.text}</Link>}
              description={
                <Space wrap size={4}>
                  <Typography.Text type="secondary">{inspections[item.inspectionId] ?? ''}</Typography.Text>
                  <span>
                    ({item.problemNumber}) {item.problemTitle}
                  </span>
                  <Tag color="blue">{t(`stage.${item.stage}`)}</Tag>
                  <Tag>{t('measure.round', { round: item.round })}</Tag>
                  <EscalationTag level={item.escalationLevel} />
                </Space>
              }
            />
            <div style={{ textAlign: 'right', minWidth: 96 }}>
              <ColourTag colour={item.colour} />
              <div>{formatDate(item.stageDueAt)}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
