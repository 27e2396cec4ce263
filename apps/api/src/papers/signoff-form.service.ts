import { Injectable } from '@nestjs/common';
import { chinaDay, renderSignoffDocx, SignoffFormContent, SignoffOpinion } from '@rectiflow/documents';
import { MEASURE_KIND_LABELS, STAGE_LABELS } from '@rectiflow/domain';
import { PapersRepository, SignoffEventRow } from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { dueText } from './live-papers.service';

const SIGNED_OFF_STAGES = ['lookback', 'closed'];

function opinion(row: SignoffEventRow | undefined, approved: string): SignoffOpinion {
  if (!row) return { by: '', text: '', on: '' };
  const reason = typeof row.detail.reason === 'string' && row.detail.reason ? row.detail.reason : null;
  return { by: row.actor ?? '', text: reason ? `${approved}。${reason}` : approved, on: chinaDay(row.occurred_at) };
}

/**
 * 销号审批表 of a signed-off measure, from the audit trail's round that ended in the approving
 * sign-off: its submissions (经办人, summary, the files with the hashes the row recorded), its last
 * review and its last sign-off.
 */
@Injectable()
export class SignoffFormService {
  constructor(
    private readonly papers: PapersRepository,
    private readonly visibility: Visibility,
  ) {}

  async content(measureId: string, actor: RequestActor): Promise<SignoffFormContent> {
    await this.visibility.requireMeasure(actor, measureId);
    const measure = await this.papers.signoffMeasure(measureId);
    if (!measure) throw new DomainError(ErrorCode.NotFound, `no measure with id ${measureId}`);
    const round = await this.papers.signedOffRound(measureId);
    if (!SIGNED_OFF_STAGES.includes(measure.stage) || round === null)
      throw new DomainError(
        ErrorCode.Conflict,
        `measure ${measureId} is not signed off (stage ${measure.stage}, ${STAGE_LABELS[measure.stage]}): the 销号审批表 exists once the responsible leader has signed it off`,
      );
    const [events, evidence] = await Promise.all([
      this.papers.roundEvents(measureId, round),
      this.papers.roundEvidence(measureId, round),
    ]);
    const last = (action: SignoffEventRow['action']) => events.filter((row) => row.action === action).at(-1);
    const submission = last('submit_evidence');
    return {
      inspectedUnit: measure.inspected_unit,
      inspectionTitle: measure.inspection_title,
      problem: { number: measure.problem_number, title: measure.problem_title },
      measure: {
        number: measure.number,
        text: measure.text,
        kind: MEASURE_KIND_LABELS[measure.kind],
        due: dueText(measure.kind, measure.due_at),
        leadDepartment: measure.lead_department,
        cooperating: measure.cooperating,
        leader: measure.leader,
        round,
      },
      summary: typeof submission?.detail.summary === 'string' ? submission.detail.summary : null,
      evidence: evidence.map((file) => ({ fileName: file.file_name, sha256: file.sha256, sizeBytes: file.size_bytes })),
      handler: submission?.actor ?? '',
      review: opinion(last('review'), '审核通过'),
      signOff: opinion(last('sign_off'), '同意销号'),
    };
  }

  async docx(measureId: string, actor: RequestActor): Promise<Buffer> {
    return renderSignoffDocx(await this.content(measureId, actor));
  }
}
