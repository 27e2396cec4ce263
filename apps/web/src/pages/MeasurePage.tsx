import { Alert, Card, Col, List, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PLAN_ACTIONS } from '@rectiflow/domain/actions';
import { STAGES } from '@rectiflow/domain/stage';
import { call, client, download, Schemas } from '../api';
import { ActionForm } from '../components/ActionForm';
import { ColourTag } from '../components/ColourTag';
import { EvidenceUpload } from '../components/EvidenceUpload';
import { formatDateTime } from '../components/format';
import { MeasureDetails } from '../components/MeasureDetails';
import { MeasureTimeline } from '../components/MeasureTimeline';
import { AssignCard } from '../components/plan/AssignCard';
import { OwnerHistory } from '../components/plan/OwnerHistory';
import { UpkeepActions } from '../components/plan/UpkeepActions';
import { useDirectory } from '../directory';
import { failureText } from '../errors';
import { useInspectionRoles } from '../session';

/** The stage bar's steps: the measure's own work (作废 is no step of it). */
const STEPS: readonly string[] = STAGES.filter((stage) => stage !== 'voided');

/** One measure: its place in the ladder, owners, deadlines, stage bar, evidence, history, and the actions this person may take. */
export function MeasurePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Schemas['MeasureDetailResponse'] | null>(null);
  const [evidence, setEvidence] = useState<Schemas['EvidenceResponse'][]>([]);
  const [timeline, setTimeline] = useState<Schemas['TimelineEntryResponse'][]>([]);
  const directory = useDirectory();
  const roles = useInspectionRoles();
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
  }, [id, t]);

  const people = useMemo(
    () => Object.fromEntries(directory.people.map((person) => [person.id, person.name])),
    [directory.people],
  );

  useEffect(() => {
    void load();
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
  const voided = measure.stage === 'voided';
  // 交办 and the plan's upkeep have forms of their own; the rest follow the domain's table.
  const work = measure.allowedActions.filter((action) => action !== 'assign' && !PLAN_ACTIONS.includes(action));

  return (
    <div data-testid="measure-page">
      <Typography.Title level={4} data-testid="measure-text" delete={voided} type={voided ? 'secondary' : undefined}>
        {measure.text}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{t(`kind.${measure.kind}`)}</Tag>
        <ColourTag colour={measure.colour} />
        <Tag color={voided ? 'default' : 'blue'} data-testid="measure-stage">
          {t(`stage.${measure.stage}`)}
        </Tag>
        <Tag>{t('measure.round', { round: measure.round })}</Tag>
        {measure.escalationLevel > 0 && (
          <Tag color="red">{t('measure.escalation', { level: measure.escalationLevel })}</Tag>
        )}
      </Space>
      {voided ? (
        <Alert type="warning" showIcon message={t('plan.voided')} style={{ marginBottom: 16 }} data-testid="voided" />
      ) : (
        <Steps
          size="small"
          current={STEPS.indexOf(measure.stage)}
          status={measure.colour === 'red' ? 'error' : measure.stage === 'closed' ? 'finish' : 'process'}
          items={STEPS.map((stage) => ({ title: t(`stage.${stage}`) }))}
          style={{ marginBottom: 16 }}
          responsive
          data-testid="stage-steps"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
          <Card size="small" title={t('measure.details')}>
            <MeasureDetails measure={measure} ladder={ladder} />
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
            {measure.allowedActions.includes('assign') && (
              <AssignCard
                key={`assign-${measure.updatedAt}`}
                measure={measure}
                directory={directory}
                onDone={() => void load()}
              />
            )}
            {work.map((action) => (
              <ActionForm
                key={`${action}-${measure.stage}-${measure.round}-${evidence.length}`}
                action={action}
                measure={measure}
                evidence={evidence}
                onDone={() => void load()}
              />
            ))}
            <UpkeepActions
              measure={measure}
              directory={directory}
              byGroupHead={roles.includes('group_head')}
              onDone={() => void load()}
            />
            <OwnerHistory rows={timeline} directory={directory} />
            <MeasureTimeline rows={timeline} people={people} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
