import { Alert, Card, Col, Row, Space, Spin, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ActionName, PLAN_ACTIONS } from '@rectiflow/domain/actions';
import { STAGES } from '@rectiflow/domain/stage';
import { call, client, Schemas } from '../api';
import { ActionForm } from '../components/ActionForm';
import { EvidenceUpload } from '../components/EvidenceUpload';
import { MeasureDetails } from '../components/MeasureDetails';
import { MeasureTimeline } from '../components/MeasureTimeline';
import { CLERK_ACTIONS, ClerkActions } from '../components/measure/ClerkActions';
import { Cooperation } from '../components/measure/Cooperation';
import { EvidenceList } from '../components/measure/EvidenceList';
import { MeasurePapers } from '../components/measure/MeasurePapers';
import { lastReturn, submittedEvidence } from '../components/measure/history';
import { MeasureHeader } from '../components/measure/MeasureHeader';
import { Oversight } from '../components/measure/Oversight';
import { RecordsCard } from '../components/measure/RecordsCard';
import { ReturnedBanner } from '../components/measure/ReturnedBanner';
import { ReviewContext } from '../components/measure/ReviewContext';
import { AssignCard } from '../components/plan/AssignCard';
import { OwnerHistory } from '../components/plan/OwnerHistory';
import { UpkeepActions } from '../components/plan/UpkeepActions';
import { useDirectory } from '../directory';
import { failureText } from '../errors';
import { useInspectionRoles, useSession } from '../session';

/** Who reads an inspection's records (GET /inspections/{id}/records). */
const RECORD_READERS = ['office', 'reviewer', 'group_head', 'supervisor'];

/** The stage bar's steps: the measure's own work (作废 is no step of it). */
const STEPS: readonly string[] = STAGES.filter((stage) => stage !== 'voided');
/** Actions with buttons or forms of their own (交办, the plan's upkeep, 领办, 重新整改, the clerk's). */
const OWN_FORMS: readonly string[] = ['assign', ...PLAN_ACTIONS, 'claim', 'reopen', ...CLERK_ACTIONS];

/** One measure: its place in the ladder, owners, deadlines, stage bar, evidence, history, and the actions this person may take. */
export function MeasurePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const [measure, setMeasure] = useState<Schemas['MeasureDetailResponse'] | null>(null);
  const [evidence, setEvidence] = useState<Schemas['EvidenceResponse'][]>([]);
  const [timeline, setTimeline] = useState<Schemas['TimelineEntryResponse'][]>([]);
  const directory = useDirectory();
  const roles = useInspectionRoles();
  const [maxBytes, setMaxBytes] = useState(20 * 1024 * 1024);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

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

  const departments = useMemo(
    () => Object.fromEntries(directory.departments.map((item) => [item.id, item.name])),
    [directory.departments],
  );
  const people = useMemo(
    () => Object.fromEntries(directory.people.map((person) => [person.id, person.name])),
    [directory.people],
  );

  // Another measure opens at its top, with nothing of the one before.
  useEffect(() => {
    window.scrollTo(0, 0);
    setMeasure(null);
    setResult(null);
    setError(null);
  }, [id]);

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
  const allowed = measure.allowedActions as ActionName[];
  const clerk = CLERK_ACTIONS.filter((action) => allowed.includes(action));
  const voided = measure.stage === 'voided';
  const work = allowed.filter((action) => !OWN_FORMS.includes(action));
  const returned = lastReturn(timeline, measure);
  const submitted = submittedEvidence(timeline);
  // Unsubmitted files, by whoever uploaded them or the office (the server checks the same).
  const office = roles.includes('office');
  const removable = new Set(
    clerk.length || office
      ? evidence
          .filter((item) => !submitted.has(item.id) && (office || item.uploadedById === me?.id))
          .map((item) => item.id)
      : [],
  );
  // Files no action has named yet: what a report or a 督办回复 offers ticked (earlier ones stay in their record).
  const fresh = evidence.filter((item) => !submitted.has(item.id)).map((item) => item.id);
  // The lead or a cooperating department's staff and the office may upload (the server checks the same).
  const uploads =
    office ||
    (me?.departmentId != null &&
      (measure.leadDepartmentId === me.departmentId || measure.cooperatingDepartmentIds.includes(me.departmentId)));
  // The workflow's history in the Temporal Web UI is the office's and the administrators' tool.
  const temporal = roles.includes('office') || me?.isAdmin === true;
  const done = (text: string | null) => {
    setResult(text);
    void load();
  };

  return (
    <div data-testid="measure-page">
      <MeasureHeader measure={measure} />
      {returned && <ReturnedBanner row={returned} round={measure.round} people={people} />}
      {result && (
        <Alert
          type={result.startsWith(t('action.refused')) ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setResult(null)}
          message={result}
          style={{ marginBottom: 16 }}
          data-testid="action-result"
        />
      )}
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
            <MeasureDetails measure={temporal ? measure : { ...measure, workflowUrl: null }} ladder={ladder} />
          </Card>
          <Card size="small" title={t('evidence.title', { count: evidence.length })} style={{ marginTop: 16 }}>
            <EvidenceList
              evidence={evidence}
              showHash={roles.includes('office') || roles.includes('reviewer')}
              removable={removable}
              onRemoved={() => void load()}
            />
          </Card>
          <MeasurePapers measure={measure} />
          <div style={{ marginTop: 16 }}>
            {/* Only the records' readers ask for them (anyone else would be refused, and the console say so). */}
            {RECORD_READERS.some((role) => roles.includes(role)) && (
              <RecordsCard measure={measure} canAdd={roles.includes('office')} />
            )}
          </div>
        </Col>
        {/* On a phone the actions come first: a leader opens the page to sign off. */}
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {allowed.length === 0 && <Alert type="info" showIcon message={t('action.none')} data-testid="no-actions" />}
            {allowed.includes('assign') && (
              <AssignCard
                key={`assign-${measure.updatedAt}`}
                measure={measure}
                directory={directory}
                onDone={() => done(null)}
              />
            )}
            <Oversight measure={measure} personId={me?.id ?? null} onDone={done} />
            {clerk.length > 0 && (
              <ClerkActions
                measure={measure}
                actions={clerk}
                evidence={evidence}
                fresh={fresh}
                maxBytes={maxBytes}
                onUploaded={() => void load()}
                onDone={done}
              />
            )}
            <Cooperation measure={measure} evidence={evidence} people={people} departments={departments} />
            {work.map((action) => (
              <ActionForm
                key={`${action}-${measure.stage}-${measure.round}-${evidence.length}`}
                action={action}
                measure={measure}
                evidence={evidence}
                preselected={action === 'answer_supervision' ? fresh : undefined}
                context={
                  action === 'review' || action === 'sign_off' ? (
                    <ReviewContext action={action} measure={measure} evidence={evidence} timeline={timeline} />
                  ) : action === 'answer_supervision' && uploads && clerk.length === 0 ? (
                    // 督办回复 with its files; beside the clerk's card, that card's upload serves both.
                    <div style={{ marginBottom: 12 }}>
                      <EvidenceUpload measureId={measure.id} maxBytes={maxBytes} onUploaded={() => void load()} />
                    </div>
                  ) : undefined
                }
                onDone={done}
              />
            ))}
            <UpkeepActions
              measure={measure}
              directory={directory}
              byGroupHead={roles.includes('group_head')}
              office={office}
              onDone={() => done(null)}
            />
            <OwnerHistory rows={timeline} directory={directory} />
            <MeasureTimeline rows={timeline} people={people} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
