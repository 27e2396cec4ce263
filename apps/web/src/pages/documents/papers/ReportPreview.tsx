import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api';

type Content = Schemas['ReportContentResponse'];
type Figures = Schemas['ReportFiguresResponse'];

const FIGURES: (keyof Figures)[] = [
  'problems',
  'measures',
  'doneMeasures',
  'ongoingMeasures',
  'openMeasures',
  'completionRate',
  'closedProblems',
];

/** The 整改报告 as it reads now (the server's content from live data: placeholders filled, 逐条整改情况 live). */
export function ReportPreview({ content }: { content: Content | null }) {
  const { t } = useTranslation();
  const paragraphs = (items: string[]) =>
    items
      .filter((item) => item.trim())
      .map((item, index) => <Typography.Paragraph key={index}>{item}</Typography.Paragraph>);
  return (
    <Card size="small" title={t('papers.preview')} data-testid="report-preview">
      {content && (
        <div style={{ maxHeight: 720, overflow: 'auto' }}>
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {content.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {content.version === null ? t('papers.draftCopy') : t('papers.version', { version: content.version })}
            {content.dueOn && ` ${t('papers.dueOn', { day: content.dueOn })}`}
          </Typography.Paragraph>
          {content.addressee && (
            <Typography.Paragraph>{t('papers.addressedTo', { to: content.addressee })}</Typography.Paragraph>
          )}
          {paragraphs([content.opening])}
          <Typography.Title level={5}>{t('papers.section1', { title: content.overall.title })}</Typography.Title>
          {paragraphs(content.overall.paragraphs)}
          <Table
            size="small"
            pagination={false}
            rowKey={() => 'figures'}
            dataSource={[content.figures]}
            columns={FIGURES.map((key) => ({ key, dataIndex: key, title: t(`papers.figure.${key}`) }))}
            data-testid="report-figures"
            style={{ marginBottom: 16 }}
          />
          <Typography.Title level={5}>{t('papers.section2')}</Typography.Title>
          {content.problems.map((problem) => (
            <div key={problem.number}>
              <Typography.Text strong>{`${problem.number}.${problem.title}`}</Typography.Text>
              {problem.measures.map((measure) => (
                <Typography.Paragraph key={measure.number} style={{ marginBottom: 4 }}>
                  {t('papers.measureLine', {
                    number: measure.number,
                    // The line ends the measure's sentence itself (as the paper does).
                    text: measure.text.replace(/[。；;.\s]+$/, ''),
                    status: measure.status,
                    evidence: measure.evidence.length ? measure.evidence.join('、') : t('papers.noEvidence'),
                  })}
                </Typography.Paragraph>
              ))}
            </div>
          ))}
          <Typography.Title level={5}>{t('papers.section3', { title: content.nextSteps.title })}</Typography.Title>
          {paragraphs(content.nextSteps.paragraphs)}
          <Typography.Paragraph>{t('papers.attachment', { name: content.attachment })}</Typography.Paragraph>
          <Typography.Paragraph style={{ textAlign: 'right' }}>
            {content.signer}
            <br />
            {content.date}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
