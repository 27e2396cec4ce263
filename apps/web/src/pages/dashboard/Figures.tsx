import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { percent } from '@rectiflow/domain/progress';
import type { Schemas } from '../../api';

type Totals = Schemas['DashboardTotalsResponse'];

/**
 * The done figures first, as offices report them (已完成 N项 · 持续推进 N项 · 未完成 N项 · 完成率 ·
 * 领办 N项 · N个问题已整改销号), then the stage and warning figures; each card is a link to the
 * ledger filtered to what it counts (the 督办单 figure has no such filter and is no link).
 */
export function Figures({ totals, problemsClosed }: { totals: Totals; problemsClosed: number | null }) {
  const { t } = useTranslation();
  const rate = percent(totals.completionRate);
  const unit = t('dashboard.unit');
  const lead: [string, number | string, string, string?][] = [
    ['done', totals.done, '/ledger?progress=done', unit],
    ['ongoing', totals.ongoing, '/ledger?progress=ongoing', unit],
    ['open', totals.open, '/ledger?progress=open', unit],
    ['completionRate', rate, '/ledger?progress=done', '%'],
    ['claimed', totals.claimed, '/ledger?claimed=true', unit],
  ];
  const more: [string, number | string, string][] = [
    ['measures', totals.measures, '/ledger'],
    ['closed', totals.closed, '/ledger?stage=closed'],
    ['signOffRate', `${percent(totals.signOffRate)}%`, '/ledger?stage=lookback'],
    ['red', totals.red, '/ledger?colour=red'],
    ['escalated', totals.escalated, '/ledger?escalated=true'],
  ];
  // A link around the card, not a click on it: Tab reaches it and Enter opens it (or a new tab).
  const card = (key: string, value: number | string, link: string, suffix?: string, strong = false) => (
    <Link to={link} style={{ display: 'block' }}>
      <Card size="small" hoverable data-testid={`stat-${key}`}>
        <Statistic
          title={t(`dashboard.${key}`)}
          value={value}
          suffix={suffix}
          valueStyle={strong ? { color: key === 'done' ? '#389e0d' : undefined, fontWeight: 600 } : { fontSize: 20 }}
        />
      </Card>
    </Link>
  );
  return (
    <div data-testid="dashboard-figures">
      <Typography.Paragraph strong style={{ fontSize: 15 }} data-testid="dashboard-headline">
        {t('dashboard.headline', {
          done: totals.done,
          ongoing: totals.ongoing,
          open: totals.open,
          rate,
          claimed: totals.claimed,
        })}
        {problemsClosed !== null && ` · ${t('dashboard.problemsClosed', { count: problemsClosed })}`}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {lead.map(([key, value, link, suffix]) => (
          <Col xs={12} md={8} lg={4} key={key}>
            {card(key, value, link, suffix, true)}
          </Col>
        ))}
        {problemsClosed !== null && (
          <Col xs={12} md={8} lg={4}>
            <Card size="small" data-testid="stat-problemsClosed">
              <Statistic
                title={t('dashboard.problemsClosedTitle')}
                value={problemsClosed}
                valueStyle={{ fontWeight: 600 }}
              />
            </Card>
          </Col>
        )}
        {more.map(([key, value, link]) => (
          <Col xs={12} md={8} lg={4} key={key}>
            {card(key, value, link)}
          </Col>
        ))}
        {/* 督办单 not yet closed, of those issued: the list is on 正式文件 (and the desk), no ledger filter. */}
        <Col xs={12} md={8} lg={4}>
          <Card size="small" data-testid="stat-supervision">
            <Statistic
              title={t('dashboard.supervisionOpen')}
              value={totals.supervisionOpen}
              suffix={t('dashboard.supervisionIssued', { count: totals.supervisionIssued })}
              valueStyle={{ fontSize: 20 }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
