import { Injectable } from '@nestjs/common';
import { calendarDay, MEASURE_KIND_LABELS, STAGE_LABELS } from '@rectiflow/domain';
import type { LedgerMeasureRow } from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { MeasureActionsService } from '../measures/measure-actions.service';
import type { LedgerRow } from './ledger-format';

/** One re-imported row's change to a measure already in the system, as an action of the measure's workflow. */
export interface LedgerChange {
  row: number;
  measureId: string;
  action: 'reassign' | 'change_deadline' | 'edit_text';
  /** What changes, in the office's words (牵头部门、责任领导…). */
  fields: string[];
  input: Record<string, unknown>;
}

export interface LedgerChangeOutcome {
  row: number;
  action: LedgerChange['action'];
  fields: string[];
  applied: boolean;
  /** Why it was refused (the action's own refusal, e.g. the stage does not allow it). */
  reason?: string;
}

export interface LedgerNames {
  departments: Map<string, string>;
  leaders: Map<string, string>;
}

const sameSet = (a: string[], b: string[]) => [...new Set(a)].sort().join() === [...new Set(b)].sort().join();

/**
 * A ledger re-import keeps a running plan up to date through the measures' own actions, as the
 * office member importing: owners by 调整责任, the deadline and kind by 调整时限, the text by
 * 修改措施. Each row answers applied or refused with the action's reason; nothing is written around
 * the workflows, so every change is in the measure's audit trail.
 */
@Injectable()
export class LedgerChangesService {
  constructor(private readonly actions: MeasureActionsService) {}

  /** The actions a row asks of its existing measure (none when it matches, or when the measure is voided). */
  changesOf(
    row: LedgerRow,
    measure: LedgerMeasureRow,
    names: LedgerNames,
    options: { fileName: string; leadersAgreed: boolean },
  ): LedgerChange[] {
    // A voided measure's workflow has ended: its row is left as it is (counted unchanged).
    if (measure.stage === 'voided') return [];
    const reason = `台账导入(${options.fileName}，第${row.row}行)`;
    const changes: LedgerChange[] = [];
    const owners: Record<string, unknown> = {};
    const fields: string[] = [];
    const lead = names.departments.get(row.leadDepartment);
    const leader = names.leaders.get(row.leader);
    const cooperating = row.cooperatingDepartments.map((name) => names.departments.get(name)!);
    const set = (target: Record<string, unknown>, field: string, value: unknown, list: string[], label: string) => {
      target[field] = value;
      list.push(label);
    };
    if (lead && lead !== measure.lead) set(owners, 'leadDepartmentId', lead, fields, '牵头部门');
    if (leader && leader !== measure.leader) set(owners, 'responsibleLeaderId', leader, fields, '责任领导');
    if (!sameSet(cooperating, measure.cooperating ?? []))
      set(owners, 'cooperatingDepartmentIds', cooperating, fields, '配合部门');
    if (fields.length)
      changes.push({ row: row.row, measureId: measure.id, action: 'reassign', fields, input: { ...owners, reason } });
    const deadline: Record<string, unknown> = {};
    const when: string[] = [];
    // The ledger holds days (China time), so the deadline compares by day: a 立行立改 measure's
    // instant counted from 交办 is the day the export wrote, not a change to its end.
    if (row.dueAt && calendarDay(new Date(measure.due_at)) !== calendarDay(new Date(row.dueAt)))
      set(deadline, 'dueAt', row.dueAt, when, '整改时限');
    if (row.kind !== measure.kind) set(deadline, 'kind', row.kind, when, `措施类型(${MEASURE_KIND_LABELS[row.kind]})`);
    if (when.length) {
      // 调整时限 needs the responsible leader's consent: the importer declares it for the whole ledger, or the row is refused.
      const consent = options.leadersAgreed ? { approvedById: leader ?? measure.leader } : {};
      changes.push({
        row: row.row,
        measureId: measure.id,
        action: 'change_deadline',
        fields: when,
        input: { ...deadline, ...consent, reason },
      });
    }
    if (row.measure !== measure.text)
      changes.push({
        row: row.row,
        measureId: measure.id,
        action: 'edit_text',
        fields: ['措施内容'],
        input: { text: row.measure, reason },
      });
    return changes;
  }

  /** Applies each change in order; one refusal does not stop the rest. */
  async apply(changes: LedgerChange[], actor: RequestActor, draftId: string, stages: Map<string, string>) {
    const outcomes: LedgerChangeOutcome[] = [];
    for (const change of changes) {
      try {
        await this.actions.act(
          change.measureId,
          change.action,
          actor,
          `ledger:${draftId}:${change.row}:${change.action}`,
          change.input,
        );
        outcomes.push({ row: change.row, action: change.action, fields: change.fields, applied: true });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const stage = stages.get(change.measureId);
        outcomes.push({
          row: change.row,
          action: change.action,
          fields: change.fields,
          applied: false,
          reason: `${error.message}${stage ? ` (措施当前阶段:${STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage})` : ''}`,
        });
      }
    }
    return outcomes;
  }
}
