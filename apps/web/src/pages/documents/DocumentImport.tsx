import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tree,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsOf } from '@rectiflow/documents/document-model';
import { DOCUMENT_EXTENSIONS } from '@rectiflow/documents/file-types';
import { ApiError, call, client, Schemas, uploadFile } from '../../api';
import { useDirectory } from '../../directory';
import { failureText } from '../../errors';
import { ImportOwners } from './owners/ImportOwners';
import { MissingOwners } from './owners/MissingOwners';
import { UnknownNames } from './owners/UnknownNames';

type Section = Schemas['ParsedSectionResponse'];
type Problem = Schemas['ParsedProblemResponse'];

/** The section's problems wherever they hang (directly, under a group, under a category). */
const problemsIn = (section: Section): Problem[] => problemsOf(section).map((placed) => placed.problem);

/** The measures a refused commit lists (400, details.missing), if it lists any. */
function missingOf(failure: unknown): Schemas['MissingOwnersResponse'][] {
  const details = failure instanceof ApiError ? (failure.details as { missing?: unknown } | null) : null;
  return Array.isArray(details?.missing) ? (details.missing as Schemas['MissingOwnersResponse'][]) : [];
}

/**
 * Plan or notice document: upload, look at the tree and counts, correct titles or drop problems,
 * set each measure's owners (责任分工) and map the names nobody matched, commit.
 */
export function DocumentImport({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Schemas['DocumentDraftResponse'] | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const directory = useDirectory();
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [missing, setMissing] = useState<Schemas['MissingOwnersResponse'][]>([]);
  // An owner edit answers the whole draft; the tree's own corrections stay as the office has them.
  const onDraft = (next: Schemas['DocumentDraftResponse']) => {
    setDraft(next);
    setMissing([]);
  };

  const edit = (problem: Problem, title: string | null) => {
    const next: Section[] = JSON.parse(JSON.stringify(sections));
    for (const section of next) {
      const strip = (list?: Problem[]) =>
        list
          ? list
              .filter((item) => !(title === null && item.number === problem.number))
              .map((item) => (item.number === problem.number && title !== null ? { ...item, title } : item))
          : list;
      section.problems = strip(section.problems);
      section.groups = section.groups?.map((group) => ({ ...group, problems: strip(group.problems)! }));
      section.categories = section.categories?.map((category) => ({
        ...category,
        problems: strip(category.problems),
        groups: category.groups?.map((group) => ({ ...group, problems: strip(group.problems)! })),
      }));
    }
    setSections(next);
  };

  const commit = async (values: { leadDepartmentId?: string; responsibleLeaderId?: string; dueAt?: Dayjs | null }) => {
    if (!draft) return;
    const params = { path: { id: draft.id } };
    setMissing([]);
    try {
      setPercent(10);
      await call(() => client.PUT('/api/imports/documents/{id}/structure', { params, body: { sections } }));
      setPercent(40);
      // Defaults only: a measure keeps the owners and deadline the document names or the office set.
      const body = {
        leadDepartmentId: values.leadDepartmentId || undefined,
        responsibleLeaderId: values.responsibleLeaderId || undefined,
        dueAt: values.dueAt ? values.dueAt.format('YYYY-MM-DD') : undefined,
      };
      const created = await call(() => client.POST('/api/imports/documents/{id}/commit', { params, body }));
      setPercent(100);
      setResult(t('documents.imported', { problems: created.problems, measures: created.measures }));
      setDraft(null);
    } catch (failure) {
      setMissing(missingOf(failure));
      void message.error(failureText(failure, t));
    } finally {
      setTimeout(() => setPercent(null), 800);
    }
  };

  const problems = sections.flatMap(problemsIn);
  const tree = sections.map((section) => ({
    key: `s-${section.number}`,
    title: `${section.number}、${section.title}${problemsIn(section).length ? ` (${problemsIn(section).length})` : ` · ${t('documents.narrative')}`}`,
    children: problemsIn(section).map((problem) => ({
      key: `p-${problem.number}`,
      title: `(${problem.number}) ${problem.title} · ${t('documents.measureCount', { count: problem.measures.length })}`,
    })),
  }));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {result && <Alert type="success" showIcon message={result} data-testid="import-result" />}
      <Upload
        accept={DOCUMENT_EXTENSIONS.join(',')}
        showUploadList={false}
        customRequest={async ({ file }) => {
          try {
            setResult(null);
            const preview = await uploadFile(
              '/api/inspections/{id}/imports/document',
              inspectionId,
              file as File,
              setPercent,
            );
            setDraft(preview);
            setMissing([]);
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
            <Card
              size="small"
              title={t('documents.preview', {
                problems: problems.length,
                measures: problems.reduce((sum, problem) => sum + problem.measures.length, 0),
              })}
              data-testid="import-preview"
            >
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
                  {
                    title: t('documents.problemTitle'),
                    dataIndex: 'title',
                    render: (title: string, problem: Problem) => (
                      <Input
                        size="small"
                        defaultValue={title}
                        // The column heading is no label of the field; each row's says which problem it corrects.
                        aria-label={t('documents.problemTitleOf', { number: problem.number })}
                        onBlur={(event) => edit(problem, event.target.value)}
                      />
                    ),
                  },
                  {
                    title: '',
                    width: 60,
                    render: (_: unknown, problem: Problem) => (
                      <Button size="small" danger type="link" onClick={() => edit(problem, null)}>
                        {t('documents.remove')}
                      </Button>
                    ),
                  },
                ]}
              />
              <Form layout="vertical" onFinish={commit}>
                <Form.Item name="leadDepartmentId" label={t('measure.leadDepartment')}>
                  <Select
                    showSearch
                    allowClear
                    optionFilterProp="label"
                    options={directory.departmentOptions}
                    data-testid="commit-department"
                  />
                </Form.Item>
                <Form.Item name="responsibleLeaderId" label={t('measure.leader')}>
                  <Select
                    showSearch
                    allowClear
                    optionFilterProp="label"
                    options={directory.personOptions}
                    data-testid="commit-leader"
                  />
                </Form.Item>
                <Form.Item name="dueAt" label={t('measure.dueAt')}>
                  <DatePicker style={{ width: '100%' }} data-testid="commit-due" />
                </Form.Item>
                <Typography.Paragraph type="secondary">{t('documents.commitHelp')}</Typography.Paragraph>
                <MissingOwners missing={missing} />
                <Button type="primary" htmlType="submit" data-testid="commit-import">
                  {t('documents.commit')}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
      )}
      {draft && <UnknownNames draft={draft} directory={directory} onDraft={onDraft} />}
      {draft && (
        <ImportOwners
          draft={draft}
          problemNumbers={new Set(problems.map((problem) => problem.number))}
          directory={directory}
          onDraft={onDraft}
        />
      )}
    </Space>
  );
}
