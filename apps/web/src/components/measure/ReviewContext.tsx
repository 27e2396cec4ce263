import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api';
import { idsOf, lastReview, lastSubmission, wordsOf } from './history';

/**
 * What a reviewer or a leader decides on, repeated in the form itself: the measure's text, the
 * submitted work and its evidence files, and for 销号 the reviewer's opinion (the last review's reason).
 */
export function ReviewContext({
  action,
  measure,
  evidence,
  timeline,
}: {
  action: 'review' | 'sign_off';
  measure: Schemas['MeasureDetailResponse'];
  evidence: Schemas['EvidenceResponse'][];
  timeline: Schemas['TimelineEntryResponse'][];
}) {
  const { t } = useTranslation();
  const submission = lastSubmission(timeline);
  // For 销号 the approving review's words; for a review, the opinion of the round before (if any).
  const review = lastReview(timeline);
  const names = new Map(evidence.map((item) => [item.id, item.fileName]));
  const files = idsOf(submission?.detail.evidenceIds).map((id) => names.get(id) ?? id);
  const summary = typeof submission?.detail.summary === 'string' ? submission.detail.summary : null;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      title={t('review.context')}
      style={{ marginBottom: 12 }}
      data-testid={`context-${action}`}
    >
      <Descriptions.Item label={t('review.measure')}>{measure.text}</Descriptions.Item>
      {summary && <Descriptions.Item label={t('review.submission')}>{summary}</Descriptions.Item>}
      {review && (
        <Descriptions.Item label={t('review.opinion')}>
          <span data-testid="context-opinion">{wordsOf(review) ?? t('review.noOpinion')}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('review.evidence')}>
        <span data-testid="context-evidence">{files.length ? files.join('、') : t('review.noEvidence')}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
