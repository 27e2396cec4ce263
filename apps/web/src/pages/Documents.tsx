import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, List, Progress, Row, Select, Space, Table, Tabs, Tag, Tree, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../errors';
import { api, download, uploadFile } from '../api';
import { formatDateTime } from '../components/format';
import { useSession } from '../session';

interface Measure {
  number: number;
  text: string;
}
interface Problem {
  number: string;
  title: string;
  measures: Measure[];
}
interface Section {
  number: string;
  title: string;
  narrative?: string;
  problems?: Problem[];
  groups?: { number: string; title: string; problems: Problem[] }[];
  categories?: { number: string; title: string; problems?: Problem[]; groups?: { number: string; title: string; problems: Problem[] }[] }[];
}

function problemsOf(section: Section): Problem[] {
  return [
    ...(section.problems ?? []),
    ...(section.groups ?? []).flatMap((group) => group.problems),
    ...(section.categories ?? []).flatMap((category) => [...(category.problems ?? []), ...(category.groups ?? []).flatMap((group) => group.problems)]),
  ];
}

/** Plan or notice document: upload, look at the tree and counts, correct titles or drop problems, commit. */
function DocumentImport({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<{ id: string; counts: Record<string, number>; warnings: string[]; content: { sections: Section[] } } | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [departments, setDepartments] = useState<{ id: string; name: string }[]>([]);
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);

  useEffect(() => {
    api.get('/departments').then(setDepartments);
    api.get('/people').then(setPeople);
  }, []);

  const edit = (problem: Problem, title: string | null) => {
    const next: Section[] = JSON.parse(JSON.stringify(sections));
    for (const section of next) {
      const strip = (list?: Problem[]) => (list ? list.filter((item) => !(title === null && item.number === problem.number)).map((item) => (item.number === problem.number && title !== null ? { ...item, title } : item)) : list);
      section.problems = strip(section.problems);
      section.groups = section.groups?.map((group) => ({ ...group, problems: strip(group.problems)! }));
      section.categories = section.categories?.map((category) => ({ ...category, problems: strip(category.problems), groups: category.groups?.map((group) => ({ ...group, problems: strip(group.problems)! })) }));
    }
    setSections(next);
  };

  const commit = async (values: { leadDepartmentId: string; responsibleLeaderId: string; dueAt: Dayjs }) => {
    if (!draft) return;
    try {
      setPercent(10);
      await api.put(`/imports/documents/${draft.id}/structure`, { sections });
      setPercent(40);
      const created = await api.post(`/imports/documents/${draft.id}/commit`, { leadDepartmentId: values.leadDepartmentId, responsibleLeaderId: values.responsibleLeaderId, dueAt: values.dueAt.format('YYYY-MM-DD') });
      setPercent(100);
      setResult(t('documents.imported', { problems: created.problems, measures: created.measures }));
      setDraft(null);
    } catch (failure) {
      void message.error(failureText(failure, t));
    } finally {
      setTimeout(() => setPercent(null), 800);
    }
  };

  const problems = sections.flatMap(problemsOf);
  const tree = sections.map((section) => ({
    key: `s-${section.number}`,
    title: `${section.number}、${section.title}${problemsOf(section).length ? ` (${problemsOf(section).length})` : ` · ${t('documents.narrative')}`}`,
    children: problemsOf(section).map((problem) => ({ key: `p-${problem.number}`, title: `(${problem.number}) ${problem.title} · ${t('documents.measureCount', { count: problem.measures.length })}` })),
  }));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {result && <Alert type="success" showIcon message={result} data-testid="import-result" />}
      <Upload
        accept=".txt,.md,.docx"
        showUploadList={false}
        customRequest={async ({ file }) => {
          try {
            setResult(null);
            const preview = await uploadFile(`/inspections/${inspectionId}/imports/document`, file as File, setPercent);
            setDraft(preview);
            setSections(preview.content.sections);
          } catch (failure) {
            void message.error(failureText(failure, t));
          } finally {
            setPercent(null);
          }
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="document-upload">
          {t('documents.uploadDocument')}
        </Button>
      </Upload>
      {percent !== null && <Progress percent={percent} data-testid="import-progress" />}
      {draft && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('documents.preview', { problems: problems.length, measures: problems.reduce((sum, problem) => sum + problem.measures.length, 0) })} data-testid="import-preview">
              {draft.warnings.map((warning) => (
                <Alert key={warning} type="warning" message={warning} style={{ marginBottom: 4 }} />
              ))}
              <Tree treeData={tree} defaultExpandAll selectable={false} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('documents.correct')}>
              <Table
                size="small"
                rowKey="number"
                pagination={{ pageSize: 10 }}
                dataSource={problems}
                columns={[
                  { title: '#', dataIndex: 'number', width: 50 },
                  { title: t('documents.problemTitle'), dataIndex: 'title', render: (title: string, problem: Problem) => <Input size="small" defaultValue={title} onBlur={(event) => edit(problem, event.target.value)} /> },
                  { title: '', width: 60, render: (_: unknown, problem: Problem) => <Button size="small" danger type="link" onClick={() => edit(problem, null)}>{t('documents.remove')}</Button> },
                ]}
              />
              <Form layout="vertical" onFinish={commit}>
                <Form.Item name="leadDepartmentId" label={t('measure.leadDepartment')} rules={[{ required: true, message: t('form.required') }]}>
                  <Select showSearch optionFilterProp="label" options={departments.map((item) => ({ value: item.id, label: item.name }))} data-testid="commit-department" />
                </Form.Item>
                <Form.Item name="responsibleLeaderId" label={t('measure.leader')} rules={[{ required: true, message: t('form.required') }]}>
                  <Select showSearch optionFilterProp="label" options={people.map((item) => ({ value: item.id, label: item.name }))} data-testid="commit-leader" />
                </Form.Item>
                <Form.Item name="dueAt" label={t('measure.dueAt')} rules={[{ required: true, message: t('form.required') }]}>
                  <DatePicker style={{ width: '100%' }} data-testid="commit-due" />
                </Form.Item>
                <Typography.Paragraph type="secondary">{t('documents.commitHelp')}</Typography.Paragraph>
                <Button type="primary" htmlType="submit" data-testid="commit-import">
                  {t('documents.commit')}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

/** Excel ledger: template, upload with every bad row listed, commit. */
function LedgerImport({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ id: string; counts: Record<string, number>; errors: { row: number; reason: string }[]; unknownDepartments: string[]; unknownLeaders: string[] } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => void download('/imports/ledger-template.xlsx', '整改台账模板.xlsx')}>{t('documents.template')}</Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          customRequest={async ({ file }) => {
            try {
              setResult(null);
              setPreview(await uploadFile(`/inspections/${inspectionId}/imports/ledger`, file as File, () => undefined));
            } catch (failure) {
              void message.error(failureText(failure, t));
            }
          }}
        >
          <Button icon={<UploadOutlined />}>{t('documents.uploadLedger')}</Button>
        </Upload>
      </Space>
      {result && <Alert type="success" showIcon message={result} />}
      {preview && (
        <Card size="small" title={t('documents.ledgerPreview', { rows: preview.counts.rows, problems: preview.counts.problems, bad: preview.counts.badRows })}>
          {preview.errors.length > 0 && <Table size="small" rowKey="row" pagination={false} dataSource={preview.errors} columns={[{ title: t('documents.row'), dataIndex: 'row', width: 70 }, { title: t('documents.reason'), dataIndex: 'reason' }]} />}
          {(preview.unknownDepartments.length > 0 || preview.unknownLeaders.length > 0) && (
            <Alert type="warning" style={{ marginTop: 8 }} message={t('documents.unknown', { departments: preview.unknownDepartments.join('、') || '—', leaders: preview.unknownLeaders.join('、') || '—' })} />
          )}
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={preview.errors.length > 0}
            onClick={async () => {
              try {
                const report = await api.post(`/imports/ledgers/${preview.id}/commit`, { createUnknown: true });
                setResult(t('documents.ledgerApplied', { created: report.measuresCreated, updated: report.measuresUpdated }));
                setPreview(null);
              } catch (failure) {
                void message.error(failureText(failure, t));
              }
            }}
          >
            {t('documents.commit')}
          </Button>
        </Card>
      )}
    </Space>
  );
}

interface Narrative {
  title: string;
  opening: string;
  part1: { title: string; paragraphs: string[] };
  part3: { title: string; paragraphs: string[] };
  closingCall: string;
  contact: { phone?: string; address?: string; postcode?: string; email?: string };
  signer: string;
  date: string;
}

/** The public progress notice: edit the narrative, preview from live data, download, publish. */
function NoticeEditor({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [notice, setNotice] = useState<{ id: string; narrative: Narrative; publishedAt: string | null } | null>(null);
  const [preview, setPreview] = useState<string>('');
  const [published, setPublished] = useState<string | null>(null);
  const [form] = Form.useForm();

  const refresh = useCallback(async (id: string) => setPreview(await api.get<string>(`/notices/${id}/preview?format=txt`)), []);
  useEffect(() => {
    api.post(`/inspections/${inspectionId}/notice`).then((loaded) => {
      setNotice(loaded);
      form.setFieldsValue({ ...loaded.narrative, part1: loaded.narrative.part1.paragraphs.join('\n'), part3: loaded.narrative.part3.paragraphs.join('\n') });
      void refresh(loaded.id);
    });
  }, [inspectionId, form, refresh]);

  if (!notice) return null;
  const save = async (values: Record<string, any>) => {
    try {
      await api.put(`/notices/${notice.id}`, {
        title: values.title,
        opening: values.opening,
        part1: { title: notice.narrative.part1.title, paragraphs: String(values.part1).split('\n').filter(Boolean) },
        part3: { title: notice.narrative.part3.title, paragraphs: String(values.part3).split('\n').filter(Boolean) },
        closingCall: values.closingCall,
        contact: values.contact,
        signer: values.signer,
        ...(values.date ? { date: values.date } : {}),
      });
      await refresh(notice.id);
      void message.success(t('setup.saved'));
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="title" label={t('notice.title')}>
            <Input />
          </Form.Item>
          <Form.Item name="opening" label={t('notice.opening')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="part1" label={t('notice.part1')} extra={t('notice.placeholders')}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="part3" label={t('notice.part3')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="closingCall" label={t('notice.closingCall')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space wrap>
            <Form.Item name={['contact', 'phone']} label={t('notice.phone')}>
              <Input data-testid="notice-phone" />
            </Form.Item>
            <Form.Item name={['contact', 'email']} label={t('notice.email')}>
              <Input />
            </Form.Item>
            <Form.Item name={['contact', 'address']} label={t('notice.address')}>
              <Input />
            </Form.Item>
            <Form.Item name={['contact', 'postcode']} label={t('notice.postcode')}>
              <Input />
            </Form.Item>
            <Form.Item name="signer" label={t('notice.signer')}>
              <Input />
            </Form.Item>
            <Form.Item name="date" label={t('notice.date')}>
              <Input placeholder="2025年7月25日" />
            </Form.Item>
          </Space>
          <Space wrap>
            <Button htmlType="submit" data-testid="notice-save">
              {t('notice.save')}
            </Button>
            <Button onClick={() => void download(`/notices/${notice.id}/preview?format=docx`, '整改进展情况.docx')}>{t('notice.downloadDocx')}</Button>
            <Button
              type="primary"
              data-testid="notice-publish"
              onClick={async () => {
                try {
                  const result = await api.post(`/notices/${notice.id}/publish`);
                  setPublished(result.publicUrl);
                } catch (failure) {
                  void message.error(failureText(failure, t));
                }
              }}
            >
              {t('notice.publish')}
            </Button>
          </Space>
          {published && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              message={
                <a href={published} target="_blank" rel="noreferrer" data-testid="public-link">
                  {t('notice.published')}
                </a>
              }
            />
          )}
        </Form>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('notice.preview')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 640, overflow: 'auto' }} data-testid="notice-preview">
            {preview}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}

function Feedback({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<{ unread: number; items: { id: string; name: string | null; contact: string | null; content: string; receivedAt: string; readAt: string | null }[] }>({ unread: 0, items: [] });
  const load = useCallback(() => api.get(`/inspections/${inspectionId}/feedback`).then(setData), [inspectionId]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <List
      dataSource={data.items}
      locale={{ emptyText: t('documents.noFeedback') }}
      renderItem={(item) => (
        <List.Item actions={item.readAt ? [] : [<a key="read" onClick={() => api.post(`/feedback/${item.id}/read`).then(load)}>{t('inbox.markRead')}</a>]}>
          <List.Item.Meta title={<Space>{item.readAt ? null : <Tag color="red">{t('documents.unread')}</Tag>}{item.name ?? t('documents.anonymous')} {item.contact}</Space>} description={formatDateTime(item.receivedAt)} />
          {item.content}
        </List.Item>
      )}
    />
  );
}

/** Meetings, internal supervision, rules and campaigns: the figures of the notice's part one. */
function Records({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [records, setRecords] = useState<{ id: string; kind: string; title: string; heldOn: string | null }[]>([]);
  const load = useCallback(() => api.get(`/inspections/${inspectionId}/records`).then(setRecords), [inspectionId]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form
        layout="inline"
        onFinish={async (values: { kind: string; title: string; heldOn?: Dayjs }) => {
          try {
            await api.post(`/inspections/${inspectionId}/records`, { kind: values.kind, title: values.title, ...(values.heldOn ? { heldOn: values.heldOn.format('YYYY-MM-DD') } : {}) });
            void load();
          } catch (failure) {
            void message.error(failureText(failure, t));
          }
        }}
      >
        <Form.Item name="kind" rules={[{ required: true, message: t('form.required') }]}>
          <Select style={{ width: 140 }} placeholder={t('records.kind')} options={['meeting', 'supervision', 'rule', 'campaign'].map((value) => ({ value, label: t(`records.${value}`) }))} />
        </Form.Item>
        <Form.Item name="title" rules={[{ required: true, message: t('form.required') }]}>
          <Input placeholder={t('records.title')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="heldOn">
          <DatePicker placeholder={t('records.heldOn')} />
        </Form.Item>
        <Button htmlType="submit">{t('setup.add')}</Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        dataSource={records}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('records.kind'), dataIndex: 'kind', width: 120, render: (kind: string) => t(`records.${kind}`) },
          { title: t('records.title'), dataIndex: 'title' },
          { title: t('records.heldOn'), dataIndex: 'heldOn', width: 120 },
        ]}
      />
    </Space>
  );
}

/** 文件与通报, for the office: imports, the notice, and what the public sends back. */
export function Documents() {
  const { t } = useTranslation();
  const { inspectionId } = useSession();
  if (!inspectionId) return null;
  return (
    <div data-testid="documents">
      <Typography.Title level={3}>{t('documents.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'document', label: t('documents.importDocument'), children: <DocumentImport inspectionId={inspectionId} /> },
          { key: 'ledger', label: t('documents.importLedger'), children: <LedgerImport inspectionId={inspectionId} /> },
          { key: 'records', label: t('documents.records'), children: <Records inspectionId={inspectionId} /> },
          { key: 'notice', label: t('documents.notice'), children: <NoticeEditor inspectionId={inspectionId} /> },
          { key: 'feedback', label: t('documents.feedback'), children: <Feedback inspectionId={inspectionId} /> },
        ]}
      />
    </div>
  );
}
