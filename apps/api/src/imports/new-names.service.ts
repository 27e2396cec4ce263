import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NamedRow, OrganisationRepository } from '@rectiflow/persistence';

/** Departments and leaders an import names that the organisation does not have, with the ids they will get. */
export interface PlannedNames {
  departments: NamedRow[];
  people: NamedRow[];
}

/**
 * Creates the departments and leaders an import (a ledger, a plan) names but the system does not
 * know: departments at the top level, people without a department (the administrator places them
 * later). Ids are chosen first, so the new measures can name them in the same transaction.
 */
@Injectable()
export class NewNamesService {
  constructor(private readonly organisation: OrganisationRepository) {}

  plan(departments: string[], people: string[]): PlannedNames {
    return {
      departments: [...new Set(departments)].map((name) => ({ id: randomUUID(), name })),
      people: [...new Set(people)].map((name) => ({ id: randomUUID(), name })),
    };
  }

  /** Writes the planned rows, inside the transaction `tx` when given. */
  async create(planned: PlannedNames, tx?: EntityManager): Promise<void> {
    await this.organisation.insertDepartmentsWithIds(planned.departments, tx);
    await this.organisation.insertPeopleWithIds(planned.people, tx);
  }

  /** Both lists as name → id. */
  static ids(planned: PlannedNames) {
    return {
      departments: new Map(planned.departments.map((row) => [row.name, row.id])),
      people: new Map(planned.people.map((row) => [row.name, row.id])),
    };
  }
}
