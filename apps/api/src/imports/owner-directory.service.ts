import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NameResolver, NameState } from '@rectiflow/documents/owner-assignment';
import { lookupKeys, matchName, NamedEntry } from '@rectiflow/documents/owner-names';
import { OrganisationRepository } from '@rectiflow/persistence';
import { CREATE, NameResolution, namesRead, OwnersContent, PlacedMeasure } from './document-owners';

/**
 * The names a plan's measures read, against the organisation: the office's mappings first, then
 * the matcher (exact, then ignoring spaces and full-/half-width) over the departments and people
 * the repository finds for them.
 */
@Injectable()
export class OwnerDirectory {
  constructor(private readonly organisation: OrganisationRepository) {}

  /** How every name the measures read resolves, and the resolver over them. */
  async resolve(measures: PlacedMeasure[], content: OwnersContent, tx?: EntityManager) {
    const read = namesRead(measures);
    const [departments, people] = await Promise.all([
      this.organisation.departmentsMatching(read.departments, lookupKeys(read.departments), tx),
      this.organisation.peopleMatching(read.people, lookupKeys(read.people, { titles: true }), tx),
    ]);
    const resolve = (
      name: string,
      directory: NamedEntry[],
      mapped: Record<string, string> | undefined,
      options: { titles?: boolean; unique?: boolean },
    ): NameResolution => {
      const match = matchName(name, directory, options);
      const choice = mapped?.[name];
      // Department names are unique: one that exists by now is used instead of being created.
      if (choice === CREATE && !(options.unique && match.status === 'matched' && match.exact))
        return { name, status: 'create', id: null, matchedName: null, candidates: [] };
      if (choice && choice !== CREATE) return { name, status: 'mapped', id: choice, matchedName: null, candidates: [] };
      if (match.status === 'matched')
        return { name, status: 'matched', id: match.id, matchedName: match.name, candidates: [] };
      if (match.status === 'ambiguous')
        return { name, status: 'ambiguous', id: null, matchedName: null, candidates: match.candidates };
      return { name, status: 'unknown', id: null, matchedName: null, candidates: [] };
    };
    const list = {
      departments: read.departments.map((name) =>
        resolve(name, departments, content.names?.departments, { unique: true }),
      ),
      people: read.people.map((name) => resolve(name, people, content.names?.people, { titles: true })),
    };
    const state = (resolution: NameResolution | undefined): NameState =>
      resolution?.id ? { id: resolution.id } : resolution?.status === 'create' ? { create: true } : { unknown: true };
    const resolver: NameResolver = {
      department: (name) => state(list.departments.find((item) => item.name === name)),
      person: (name) => state(list.people.find((item) => item.name === name)),
    };
    return { list, resolver };
  }
}
