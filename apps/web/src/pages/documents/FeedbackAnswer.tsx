import { App, Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, Schemas } from '../../api';
import { failureText } from '../../errors';

type Feedback = Schemas['FeedbackResponse'];
type Problem = Schemas['ProblemWithCountsResponse'];

/** The office's handling of one message: route it to a problem or measure, answer it, publish the answer. */
export function FeedbackAnswer({ item, problems, done }: { item: Feedback; problems: Problem[]; done: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [problemId, setProblemId] = useState<string | null>(item.problemId);
  const [measureId, setMeasureId] = useState<string | null>(item.measureId);
  const [measures, setMeasures] = useState<Schemas['MeasureListItemResponse'][]>([]);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [publish, setPublish] = useState(item.answerPublishedAt !== null);
  useEffect(() => {
    if (!problemId) return setMeasures([]);
    void call(() => client.GET('/api/measures', { params: { query: { problemId, limit: 100 } } }))
      .then((page) => setMeasures(page.items))
      .catch(() => setMeasures([]));
  }, [problemId]);

  const attempt = async (send: () => Promise<unknown>, saved: string) => {
    try {
      await send();
      void message.success(saved);
      done();
    } catch (failure) {
      void message.error(failureText(failure, t));
    }
  };
  const params = { path: { id: item.id } };
  // The fields hold state of their own (no Form.Item name), so each label is linked by hand; one form per message.
  const field = (name: string) => `feedback-${item.id}-${name}`;
  return (
    <Form layout="vertical" size="small" data-testid="feedback-handling">
      <Space wrap align="end">
        <Form.Item label={t('feedback.problem')} htmlFor={field('problem')}>
          <Select
            id={field('problem')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            value={problemId ?? undefined}
            onChange={(value?: string) => {
              setProblemId(value ?? null);
              setMeasureId(null);
            }}
            options={problems.map((problem) => ({ value: problem.id, label: `${problem.number}. ${problem.title}` }))}
            data-testid="feedback-problem"
          />
        </Form.Item>
        <Form.Item label={t('feedback.measure')} htmlFor={field('measure')}>
          <Select
            id={field('measure')}
            allowClear
            style={{ width: 260 }}
            disabled={!problemId}
            value={measureId ?? undefined}
            onChange={(value?: string) => setMeasureId(value ?? null)}
            options={measures.map((measure) => ({ value: measure.id, label: measure.text }))}
          />
        </Form.Item>
        <Form.Item>
          <Button
            data-testid="feedback-route"
            onClick={() =>
              void attempt(
                () =>
                  call(() =>
                    client.PUT('/api/feedback/{id}/route', {
                      params,
                      body: measureId ? { measureId } : problemId ? { problemId } : {},
                    }),
                  ),
                t('feedback.routed'),
              )
            }
          >
            {t('feedback.route')}
          </Button>
        </Form.Item>
      </Space>
      <Form.Item label={t('feedback.answer')} htmlFor={field('answer')}>
        <Input.TextArea
          id={field('answer')}
          rows={2}
          maxLength={2000}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
        />
      </Form.Item>
      <Space>
        <Checkbox checked={publish} onChange={(event) => setPublish(event.target.checked)}>
          {t('feedback.publishAnswer')}
        </Checkbox>
        <Button
          type="primary"
          disabled={!answer.trim()}
          onClick={() =>
            void attempt(
              () => call(() => client.PUT('/api/feedback/{id}/answer', { params, body: { answer, publish } })),
              t('feedback.answered'),
            )
          }
        >
          {t('feedback.saveAnswer')}
        </Button>
      </Space>
    </Form>
  );
}
