import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ParticipantsRepository } from '@rectiflow/persistence';
import { reason } from '@rectiflow/domain';
import { DomainError, ErrorCode } from '../common/domain-error';

/** A warning the workbench shows in the person's language by its code; the message is the server's English. */
export interface ParticipantsWarning {
  code: 'LEADER_IN_LEAD_DEPARTMENT';
  leader: string;
  department: string;
  message: string;
}

export interface NamedParticipants {
  /** Where the measure is in the request, for messages (`problems[0].measures[2]`). */
  path: string;
  leadDepartmentId?: string;
  cooperatingDepartmentIds?: string[];
  responsibleLeaderId?: string;
  coLeaderIds?: string[];
  /** 承办人: must work in the lead department. */
  assigneeId?: string | null;
}

/**
 * The departments and leaders a measure names (at creation or 交办) must exist: all unknown ones
 * are refused at once. A leader who works in the lead department is allowed but warned about:
 * he would be signing off (销号) his own department's work, which separation of duties frowns on.
 */
@Injectable()
export class ParticipantsCheck {
  constructor(private readonly participants: ParticipantsRepository) {}

  /** Throws 400 naming every unknown reference; returns the warnings per path (inside the transaction `tx` if given). */
  async check(measures: NamedParticipants[], tx?: EntityManager): Promise<Map<string, ParticipantsWarning[]>> {
    const departmentIds = new Set<string>();
    const personIds = new Set<string>();
    for (const measure of measures) {
      if (measure.leadDepartmentId) departmentIds.add(measure.leadDepartmentId);
      (measure.cooperatingDepartmentIds ?? []).forEach((id) => departmentIds.add(id));
      if (measure.responsibleLeaderId) personIds.add(measure.responsibleLeaderId);
      (measure.coLeaderIds ?? []).forEach((id) => personIds.add(id));
      if (measure.assigneeId) personIds.add(measure.assigneeId);
    }
    const [departments, people] = await Promise.all([
      this.participants.departments([...departmentIds], tx),
      this.participants.people([...personIds], tx),
    ]);
    const departmentNames = new Map(departments.map((item) => [item.id, item.name]));
    const leaders = new Map(people.map((item) => [item.id, item]));
    const errors: string[] = [];
    const warnings = new Map<string, ParticipantsWarning[]>();
    for (const named of measures) {
      const { path, leadDepartmentId, cooperatingDepartmentIds, responsibleLeaderId } = named;
      errors.push(...this.namedPeopleErrors(named, leaders));
      if (leadDepartmentId && !departmentNames.has(leadDepartmentId))
        errors.push(`${path}.leadDepartmentId names no department`);
      (cooperatingDepartmentIds ?? []).forEach((id, index) => {
        if (!departmentNames.has(id)) errors.push(`${path}.cooperatingDepartmentIds[${index}] names no department`);
      });
      const leader = responsibleLeaderId ? leaders.get(responsibleLeaderId) : undefined;
      if (responsibleLeaderId && !leader) errors.push(`${path}.responsibleLeaderId names no person`);
      if (leader && leadDepartmentId && leader.departmentId === leadDepartmentId) {
        const department = departmentNames.get(leadDepartmentId) ?? '';
        warnings.set(path, [
          {
            code: 'LEADER_IN_LEAD_DEPARTMENT',
            leader: leader.name,
            department,
            message: `the responsible leader ${leader.name} works in the lead department ${department}: he may not sign off (销号) evidence he submitted himself, and someone else should check his department's work`,
          },
        ]);
      }
    }
    if (errors.length) {
      // The first problem as a reason: the 承办人 outside the lead department, or a name that is no one.
      const outside = /assigneeId names (.+), who does not work in the lead department/.exec(errors[0]);
      const why = outside
        ? reason('ASSIGNEE_OUTSIDE_LEAD', { name: outside[1] })
        : reason('UNKNOWN_REFERENCE', { field: errors[0].split(' ')[0].split('.').pop() });
      throw new DomainError(ErrorCode.InvalidInput, errors.slice(0, 20).join('; '), { errors }, why);
    }
    return warnings;
  }

  /** Co-leaders must be people; the 承办人 a person of the lead department. */
  private namedPeopleErrors(
    named: NamedParticipants,
    people: Map<string, { departmentId: string | null; name: string }>,
  ): string[] {
    const errors: string[] = [];
    (named.coLeaderIds ?? []).forEach((id, index) => {
      if (!people.has(id)) errors.push(`${named.path}.coLeaderIds[${index}] names no person`);
    });
    if (named.assigneeId) {
      const assignee = people.get(named.assigneeId);
      if (!assignee) errors.push(`${named.path}.assigneeId names no person`);
      else if (named.leadDepartmentId && assignee.departmentId !== named.leadDepartmentId)
        errors.push(`${named.path}.assigneeId names ${assignee.name}, who does not work in the lead department`);
    }
    return errors;
  }
}
