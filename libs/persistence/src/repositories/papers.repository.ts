import { EntityManager } from 'typeorm';
import type { MeasureKind, Progress, Stage } from '@rectiflow/domain';
import { COUNTED_SQL, PROGRESS_SQL } from './measure-filter';
import { PROBLEM_DONE_SQL } from './problem.repository';
import { BaseRepository } from './unit-of-work';

/** The report's figures, every one by the done rule (voided measures in none). */
export interface PaperFigures {
  problems: number;
  measures: number;
  done: number;
  ongoing: number;
  open: number;
  closedProblems: number;
}

/** A problem with one of its counted measures (measure columns null for a problem without any), in number order. */
export interface PaperMeasureRow {
  problem_number: number;
  problem_title: string;
  measure_id: string | null;
  measure_number: number | null;
  text: string | null;
  kind: MeasureKind | null;
  due_at: Date | null;
  original_due_at: Date | null;
  progress: Progress | null;
  leader: string | null;
  lead_department: string | null;
  /** Cooperating departments' names joined by 、 ('' when none). */
  cooperating: string;
  assignee: string | null;
  /** The names of the evidence files an action named (submitted, answered…) and not withdrawn, oldest first. */
  evidence: string[];
}

/** What a 销号审批表 prints of the measure itself. */
export interface SignoffMeasureRow {
  inspection_id: string;
  inspection_title: string;
  inspected_unit: string;
  problem_number: number;
  problem_title: string;
  number: number;
  text: string;
  kind: MeasureKind;
  stage: Stage;
  due_at: Date;
  leader: string;
  lead_department: string;
  cooperating: string;
}

/** An audit row of the signed-off round: a submission, review or sign-off, with its actor's name. */
export interface SignoffEventRow {
  action: 'submit_evidence' | 'review' | 'sign_off';
  actor: string | null;
  round: number;
  detail: Record<string, unknown>;
  occurred_at: Date;
}

/** A file submitted in the round, with the hash the audit row recorded (the file's own where the row has none). */
export interface SignoffEvidenceRow {
  file_name: string;
  sha256: string;
  size_bytes: number;
}

/** What the formal papers (整改报告, 三张清单, 销号审批表) read live from problems, measures, evidence and the audit trail. */
export class PapersRepository extends BaseRepository {
  async figures(inspectionId: string, tx?: EntityManager): Promise<PaperFigures> {
    const [row]: PaperFigures[] = await this.db(tx).query(
      `SELECT (SELECT count(*) FROM problem WHERE inspection_id = $1)::int AS problems,
              count(*) FILTER (WHERE ${COUNTED_SQL})::int AS measures,
              count(*) FILTER (WHERE ${PROGRESS_SQL} = 'done')::int AS done,
              count(*) FILTER (WHERE ${PROGRESS_SQL} = 'ongoing')::int AS ongoing,
              count(*) FILTER (WHERE ${PROGRESS_SQL} = 'open')::int AS open,
              (SELECT count(*) FROM problem p WHERE p.inspection_id = $1 AND ${PROBLEM_DONE_SQL})::int AS "closedProblems"
         FROM measure m WHERE m.inspection_id = $1`,
      [inspectionId],
    );
    return row;
  }

  /** Every problem with its counted measures, by problem then measure number. */
  measureRows(inspectionId: string, tx?: EntityManager): Promise<PaperMeasureRow[]> {
    return this.db(tx).query(
      `SELECT p.number AS problem_number, p.title AS problem_title, m.id AS measure_id, m.number AS measure_number,
              m.text, m.kind, m.due_at, m.original_due_at, CASE WHEN m.id IS NULL THEN NULL ELSE ${PROGRESS_SQL} END AS progress,
              leader.name AS leader, lead.name AS lead_department, assignee.name AS assignee,
              coalesce((SELECT string_agg(d.name, '、' ORDER BY d.name) FROM measure_cooperating_department c
                         JOIN department d ON d.id = c.department_id WHERE c.measure_id = m.id), '') AS cooperating,
              coalesce((SELECT array_agg(e.file_name ORDER BY e.uploaded_at, e.id) FROM evidence e
                         WHERE e.measure_id = m.id AND e.withdrawn_at IS NULL AND EXISTS (
                           SELECT 1 FROM audit_event a WHERE a.measure_id = m.id AND a.kind = 'action'
                              AND a.detail->'evidenceIds' ? e.id::text)), '{}') AS evidence
         FROM problem p
         LEFT JOIN measure m ON m.problem_id = p.id AND ${COUNTED_SQL}
         LEFT JOIN department lead ON lead.id = m.lead_department_id
         LEFT JOIN person leader ON leader.id = m.responsible_leader_id
         LEFT JOIN person assignee ON assignee.id = m.assignee_id
        WHERE p.inspection_id = $1
        ORDER BY p.number, m.number`,
      [inspectionId],
    );
  }

  async signoffMeasure(measureId: string, tx?: EntityManager): Promise<SignoffMeasureRow | null> {
    const [row]: SignoffMeasureRow[] = await this.db(tx).query(
      `SELECT i.id AS inspection_id, i.title AS inspection_title, i.inspected_unit, p.number AS problem_number,
              p.title AS problem_title, m.number, m.text, m.kind, m.stage, m.due_at, leader.name AS leader,
              lead.name AS lead_department,
              coalesce((SELECT string_agg(d.name, '、' ORDER BY d.name) FROM measure_cooperating_department c
                         JOIN department d ON d.id = c.department_id WHERE c.measure_id = m.id), '') AS cooperating
         FROM measure m JOIN problem p ON p.id = m.problem_id JOIN inspection i ON i.id = m.inspection_id
         JOIN department lead ON lead.id = m.lead_department_id JOIN person leader ON leader.id = m.responsible_leader_id
        WHERE m.id = $1`,
      [measureId],
    );
    return row ?? null;
  }

  /** The round of the measure's last approving sign-off (null: never signed off). */
  async signedOffRound(measureId: string, tx?: EntityManager): Promise<number | null> {
    const [row]: { round: number | null }[] = await this.db(tx).query(
      `SELECT max(round)::int AS round FROM audit_event
        WHERE measure_id = $1 AND kind = 'action' AND action = 'sign_off' AND detail->>'decision' = 'approve'`,
      [measureId],
    );
    return row?.round ?? null;
  }

  /** The submissions, reviews and sign-offs of one round, in order. */
  roundEvents(measureId: string, round: number, tx?: EntityManager): Promise<SignoffEventRow[]> {
    return this.db(tx).query(
      `SELECT a.action, person.name AS actor, a.round, a.detail, a.occurred_at
         FROM audit_event a LEFT JOIN person ON person.id = a.actor_id
        WHERE a.measure_id = $1 AND a.round = $2 AND a.kind = 'action' AND a.action IN ('submit_evidence', 'review', 'sign_off')
        ORDER BY a.seq`,
      [measureId, round],
    );
  }

  /** The files the round's submissions named, in the order submitted. */
  roundEvidence(measureId: string, round: number, tx?: EntityManager): Promise<SignoffEvidenceRow[]> {
    return this.db(tx).query(
      `SELECT e.file_name, coalesce(
                (SELECT x->>'sha256' FROM jsonb_array_elements(coalesce(a.detail->'evidence', '[]'::jsonb)) x WHERE x->>'id' = e.id::text LIMIT 1),
                e.sha256) AS sha256, e.size_bytes
         FROM audit_event a
        CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(a.detail->'evidenceIds', '[]'::jsonb)) WITH ORDINALITY AS named(id, position)
         JOIN evidence e ON e.id::text = named.id AND e.measure_id = a.measure_id
        WHERE a.measure_id = $1 AND a.round = $2 AND a.kind = 'action' AND a.action = 'submit_evidence'
        ORDER BY a.seq, named.position`,
      [measureId, round],
    );
  }
}
