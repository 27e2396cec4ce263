import { Alert, Card, Col, Descriptions, List, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { STAGES } from '@rectiflow/domain/stage';
import { call, client, download, Schemas } from '../api';
import { ActionForm } from '../components/ActionForm';
import { ColourTag } from '../components/ColourTag';
import { EvidenceUpload } from '../components/EvidenceUpload';
import { formatDate, formatDateTime } from '../components/format';
import { MeasureTimeline } from '../components/MeasureTimeline';
import { failureText } from '../errors';

/** One measure: its place in the ladder, owners, deadlines, stage bar, evidence, history, and the actions this person may take. */
export function MeasurePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Schemas['MeasureDetailResponse'] | null>(null);
  const [evidence, setEvidence] = useState<Schemas['EvidenceResponse'][]>([]);
  const [timeline, setTimeline] = useState<Schemas['TimelineEntryResponse'][]>([]);
  const [people, setPeople] = useState<Record<string, string>>({});
  const [maxBytes, setMaxBytes] = useState(20 * 1024 * 1024);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    const params = { path: { id } };
    try {
      const [loaded, files, rows] = await Promise.all([
        call(() => client.GET('/api/measures/{id}', { params })),
        call(() => client.GET('/api/measures/{id}/evidence', { params })),
        call(() => client.GET('/api/measures/{id}/timeline', { params })),
      ]);
      setMeasure(loaded);
      setEvidence(files);
      setTimeline(rows);
    } catch (failure) {
      setError(failureText(failure, t));
    }
  }, [id]);

  useEffect(() => {
    void load();
    void call(() => client.GET('/api/people')).then((list) =>
      setPeople(Object.fromEntries(list.map((person) => [person.id, person.name]))),
    );
    void call(() => client.GET('/api/client-config')).then((config) => setMaxBytes(config.evidenceMaxBytes));
  }, [load]);

  const ladder = useMemo(() => {
    if (!measure) return '';
    const { problem } = measure;
    return [
      problem.sectionNumber &&
        t('ladder.section', { number: problem.sectionNumber, title: problem.sectionTitle ?? '' }),
      problem.categoryNumber &&
        t('ladder.category', { number: problem.categoryNumber, title: problem.categoryTitle ?? '' }),
      problem.groupNumber && t('ladder.group', { number: problem.groupNumber, title: problem.groupTitle ?? '' }),
    ]
      .filter(Boolean)
      .join(' › ');
  }, [measure, t]);

  if (error) return <Alert type="error" message={error} />;
  if (!measure) return <Spin />;
  const canUpload =
    measure.allowedActions.includes('submit_evidence') || measure.allowedActions.includes('report_progress');
  const current = STAGES.indexOf(measure.stage);

  return (
    <div data-testid="measure-page">
      <Typography.Title level={4} data-testid="measure-text">
        {measure.text}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{t(`kind.${measure.kind}`)}</Tag>
        <ColourTag colour={measure.colour} />
        <Tag color="blue" data-testid="measure-stage">
          {t(`stage.${measure.stage}`)}
        </Tag>
        <Tag>{t('measure.round', { round: measure.round })}</Tag>
        {measure.escalationLevel > 0 && (
          <Tag color="red">{t('measure.escalation', { level: measure.escalationLevel })}</Tag>
        )}
      </Space>
      <Steps
        size="small"
        current={current}
        status={measure.colour === 'red' ? 'error' : measure.stage === 'closed' ? 'finish' : 'process'}
        items={STAGES.map((stage) => ({ title: t(`stage.${stage}`) }))}
        style={{ marginBottom: 16 }}
        responsive
        data-testid="stage-steps"
      />
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
          <Card size="small" title={t('measure.details')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('measure.problem')}>
                {ladder && <div>{ladder}</div>}
                <div>
                  ({measure.problem.number}) {measure.problem.title}
                </div>
              </Descriptions.Item>
              <Descriptions.Item label={t('measure.leadDepartment')}>{measure.leadDepartmentName}</Descriptions.Item>
              {measure.cooperatingDepartmentNames.length > 0 && (
                <Descriptions.Item label={t('measure.cooperatingDepartments')}>
                  {measure.cooperatingDepartmentNames.join('、')}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('measure.leader')}>{measure.responsibleLeaderName}</Descriptions.Item>
              <Descriptions.Item label={t('measure.dueAt')}>{formatDate(measure.dueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('measure.stageDueAt')}>{formatDate(measure.stageDueAt)}</Descriptions.Item>
              {measure.latestProgress && (
                <Descriptions.Item label={t('measure.latestProgress')}>{measure.latestProgress}</Descriptions.Item>
              )}
              {measure.workflowUrl && (
                <Descriptions.Item label={t('measure.workflow')}>
                  <a href={measure.workflowUrl} target="_blank" rel="noreferrer">
                    {t('measure.openInTemporal')}
                  </a>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('evidence.title', { count: evidence.length })} style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={evidence}
              locale={{ emptyText: t('evidence.none') }}
              renderItem={(item) => (
                <List.Item
                  actions={[
                    <a
                      key="download"
                      onClick={() =>
                        void download(
                          () =>
                            client.GET('/api/evidence/{id}/content', {
                              params: { path: { id: item.id } },
                              parseAs: 'blob',
                            }),
                          item.fileName,
                        )
                      }
                    >
                      {t('evidence.download')}
                    </a>,
                  ]}
                >
                  <List.Item.Meta
                    title={item.fileName}
                    description={`${Math.ceil(item.sizeBytes / 1024)} KB · ${formatDateTime(item.uploadedAt)} · SHA-256 ${item.sha256.slice(0, 12)}…`}
                  />
                </List.Item>
              )}
              data-testid="evidence-list"
            />
            {canUpload && <EvidenceUpload measureId={measure.id} maxBytes={maxBytes} onUploaded={() => void load()} />}
          </Card>
        </Col>
        {/* On a phone the actions come first: a leader opens the page to sign off. */}
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {measure.allowedActions.length === 0 && (
              <Alert type="info" showIcon message={t('action.none')} data-testid="no-actions" />
            )}
            {measure.allowedActions.map((action) => (
              <ActionForm
                key={`${action}-${measure.stage}-${measure.round}-${evidence.length}`}
                action={action}
                measure={measure}
                evidence={evidence}
                onDone={() => void load()}
              />
            ))}
            <MeasureTimeline rows={timeline} people={people} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
