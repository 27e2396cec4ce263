import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, List, Progress, Radio, Row, Space, Spin, Steps, Tag, Timeline, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../errors';
import { useParams } from 'react-router-dom';
import { api, download, idempotencyKey, uploadFile } from '../api';
import { ColourTag } from '../components/ColourTag';
import { formatDate, formatDateTime } from '../components/format';

const STAGES = ['assign', 'rectify', 'review', 'signoff', 'lookback', 'closed'];
export const EVIDENCE_EXTENSIONS = ['pdf', 'ofd', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'ppt', 'pptx', 'txt', 'csv', 'jpg', 'jpeg', 'png', 'gif', 'webp', 'zip'];

interface Measure {
  id: string;
  text: string;
  kind: string;
  stage: string;
  round: number;
  colour: string;
  dueAt: string;
  stageDueAt: string | null;
  escalationLevel: number;
  latestProgress: string | null;
  pendingExtension: { requestedDueAt: string; reason: string } | null;
  leadDepartmentName: string;
  cooperatingDepartmentNames: string[];
  responsibleLeaderName: string;
  allowedActions: string[];
  workflowUrl: string | null;
  problem: { sectionNumber: string | null; sectionTitle: string | null; categoryNumber: string | null; categoryTitle: string | null; groupNumber: string | null; groupTitle: string | null; number: number; title: string };
}

interface Evidence {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

interface AuditRow {
  seq: number;
  kind: string;
  action: string;
  actorId: string | null;
  fromStage: string;
  toStage: string;
  round: number;
  detail: Record<string, any>;
  occurredAt: string;
}

/** The form of one action; reasons are required where the server requires them, so the UI says so first. */
function ActionForm({ action, measure, evidence, onDone }: { action: string; measure: Measure; evidence: Evidence[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const decision = Form.useWatch('decision', form);
  // One key per form instance: a double click or a retry after a network error never acts twice.
  const [key] = useState(idempotencyKey);

  const submit = async (values: Record<string, any>) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = { ...values };
    for (const field of ['requestedDueAt', 'newDueAt']) if (values[field]) body[field] = (values[field] as Dayjs).endOf('day').toISOString();
    if (action === 'decide_extension') body.approve = values.decision === 'approve';
    if (action === 'decide_extension') delete body.decision;
    if (action === 'record_look_back') {
      body.result = values.decision;
      delete body.decision;
    }
    try {
      const result: { warnings?: { code: string; leader: string; department: string }[] } = await api.post(`/measures/${measure.id}/actions/${action}`, body, { 'Idempotency-Key': key });
      // Done, but the server saw something the office should know (e.g. a leader in his own lead department).
      for (const warning of result?.warnings ?? []) void message.warning({ content: t(`warning.${warning.code}`, warning), duration: 10 });
      onDone();
    } catch (failure) {
      setError(failureText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const decisions: Record<string, [string, string]> = {
    review: ['approve', 'reject'],
    sign_off: ['approve', 'return'],
    decide_extension: ['approve', 'refuse'],
    record_look_back: ['holds', 'rebound'],
  };
  const choice = decisions[action];
  const reasonRequired = choice ? decision === choice[1] : ['request_extension', 'supervise'].includes(action);
  const reasonField = action === 'record_look_back' || action === 'conclude' ? 'note' : action === 'submit_evidence' || action === 'report_progress' ? 'summary' : 'reason';

  return (
    <Card size="small" title={t(`action.${action}`)} data-testid={`action-${action}`}>
      {error && <Alert type="error" showIcon message={t('action.refused')} description={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={choice ? { decision: choice[0] } : { evidenceIds: evidence.map((item) => item.id) }}>
        {choice && (
          <Form.Item name="decision">
            <Radio.Group optionType="button" buttonStyle="solid" options={choice.map((value) => ({ value, label: t(`decision.${value}`) }))} data-testid="decision" />
          </Form.Item>
        )}
        {action === 'submit_evidence' && (
          <Form.Item name="evidenceIds" label={t('evidence.choose')} rules={[{ required: true, type: 'array', min: 1, message: t('evidence.required') }]}>
            <SelectEvidence evidence={evidence} />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item name="requestedDueAt" label={t('extension.requestedDueAt')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'record_look_back' && decision === 'rebound' && (
          <Form.Item name="newDueAt" label={t('lookBack.newDueAt')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action !== 'assign' && (
          <Form.Item name={reasonField} label={t(`field.${reasonField}`)} rules={[{ required: reasonRequired || reasonField === 'summary' || action === 'conclude', whitespace: true, message: t('form.required') }]}>
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid={`field-${reasonField}`} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} block data-testid={`submit-${action}`}>
          {t('action.submit', { action: t(`action.${action}`) })}
        </Button>
      </Form>
      {action === 'decide_extension' && measure.pendingExtension && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('extension.pending', { date: formatDate(measure.pendingExtension.requestedDueAt), reason: measure.pendingExtension.reason })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function SelectEvidence({ evidence, value, onChange }: { evidence: Evidence[]; value?: string[]; onChange?: (value: string[]) => void }) {
  return (
    <Space direction="vertical">
      {evidence.map((item) => (
        <label key={item.id}>
          <input type="checkbox" checked={value?.includes(item.id) ?? false} onChange={(event) => onChange?.(event.target.checked ? [...(value ?? []), item.id] : (value ?? []).filter((id) => id !== item.id))} /> {item.fileName}
        </label>
      ))}
    </Space>
  );
}

function EvidenceUpload({ measureId, maxBytes, onUploaded }: { measureId: string; maxBytes: number; onUploaded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <div data-testid="evidence-upload">
      <Upload.Dragger
        multiple
        showUploadList={false}
        accept={EVIDENCE_EXTENSIONS.map((extension) => `.${extension}`).join(',')}
        beforeUpload={(file) => {
          const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
          if (!EVIDENCE_EXTENSIONS.includes(extension)) {
            void message.error(t('evidence.badType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > maxBytes) {
            void message.error(t('evidence.tooLarge', { name: file.name, limit: Math.round(maxBytes / 1024 / 1024) }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={async ({ file, onSuccess, onError }) => {
          try {
            setPercent(0);
            const saved = await uploadFile(`/measures/${measureId}/evidence`, file as File, setPercent);
            onSuccess?.(saved);
            onUploaded();
          } catch (failure) {
            void message.error(failureText(failure, t));
            onError?.(failure as Error);
          } finally {
            setPercent(null);
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('evidence.drop')}</p>
        <p className="ant-upload-hint">{t('evidence.hint', { limit: Math.round(maxBytes / 1024 / 1024) })}</p>
      </Upload.Dragger>
      {percent !== null && <Progress percent={percent} size="small" />}
    </div>
  );
}

export function MeasurePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Measure | null>(null);
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [timeline, setTimeline] = useState<AuditRow[]>([]);
  const [people, setPeople] = useState<Record<string, string>>({});
  const [maxBytes, setMaxBytes] = useState(20 * 1024 * 1024);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [loaded, files, rows] = await Promise.all([api.get<Measure>(`/measures/${id}`), api.get<Evidence[]>(`/measures/${id}/evidence`), api.get<AuditRow[]>(`/measures/${id}/timeline`)]);
      setMeasure(loaded);
      setEvidence(files);
      setTimeline(rows);
    } catch (failure) {
      setError(failureText(failure, t));
    }
  }, [id]);

  useEffect(() => {
    void load();
    api.get<{ id: string; name: string }[]>('/people').then((list) => setPeople(Object.fromEntries(list.map((person) => [person.id, person.name]))));
    api.get<{ evidenceMaxBytes: number }>('/client-config').then((config) => setMaxBytes(config.evidenceMaxBytes));
  }, [load]);

  const ladder = useMemo(() => {
    if (!measure) return '';
    const { problem } = measure;
    return [
      problem.sectionNumber && t('ladder.section', { number: problem.sectionNumber, title: problem.sectionTitle ?? '' }),
      problem.categoryNumber && t('ladder.category', { number: problem.categoryNumber, title: problem.categoryTitle ?? '' }),
      problem.groupNumber && t('ladder.group', { number: problem.groupNumber, title: problem.groupTitle ?? '' }),
    ]
      .filter(Boolean)
      .join(' › ');
  }, [measure, t]);

  if (error) return <Alert type="error" message={error} />;
  if (!measure) return <Spin />;
  const canUpload = measure.allowedActions.includes('submit_evidence') || measure.allowedActions.includes('report_progress');
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
        {measure.escalationLevel > 0 && <Tag color="red">{t('measure.escalation', { level: measure.escalationLevel })}</Tag>}
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
              {measure.cooperatingDepartmentNames.length > 0 && <Descriptions.Item label={t('measure.cooperatingDepartments')}>{measure.cooperatingDepartmentNames.join('、')}</Descriptions.Item>}
              <Descriptions.Item label={t('measure.leader')}>{measure.responsibleLeaderName}</Descriptions.Item>
              <Descriptions.Item label={t('measure.dueAt')}>{formatDate(measure.dueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('measure.stageDueAt')}>{formatDate(measure.stageDueAt)}</Descriptions.Item>
              {measure.latestProgress && <Descriptions.Item label={t('measure.latestProgress')}>{measure.latestProgress}</Descriptions.Item>}
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
                <List.Item actions={[<a key="download" onClick={() => void download(`/evidence/${item.id}/content`, item.fileName)}>{t('evidence.download')}</a>]}>
                  <List.Item.Meta title={item.fileName} description={`${Math.ceil(item.sizeBytes / 1024)} KB · ${formatDateTime(item.uploadedAt)} · SHA-256 ${item.sha256.slice(0, 12)}…`} />
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
            {measure.allowedActions.length === 0 && <Alert type="info" showIcon message={t('action.none')} data-testid="no-actions" />}
            {measure.allowedActions.map((action) => (
              <ActionForm key={`${action}-${measure.stage}-${measure.round}-${evidence.length}`} action={action} measure={measure} evidence={evidence} onDone={() => void load()} />
            ))}
            <Card size="small" title={t('timeline.title')}>
              <Timeline
                data-testid="timeline"
                items={timeline.map((row) => ({
                  color: row.kind === 'timer' ? (row.action === 'escalation' ? 'red' : 'orange') : 'blue',
                  children: (
                    <div>
                      <Typography.Text strong>{t(`event.${row.action}`)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {formatDateTime(row.occurredAt)} · {row.actorId ? (people[row.actorId] ?? '') : t('timeline.system')} · {t(`stage.${row.fromStage}`)} → {t(`stage.${row.toStage}`)}
                      </Typography.Text>
                      {(row.detail.reason || row.detail.summary || row.detail.note) && <div>{row.detail.reason ?? row.detail.summary ?? row.detail.note}</div>}
                      {row.action === 'escalation' && <div>{t('timeline.level', { level: row.detail.level })}</div>}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
