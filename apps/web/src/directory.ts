import { useEffect, useMemo, useState } from 'react';
import { call, client, Schemas } from './api';

export type Department = Schemas['DepartmentResponse'];
export type Person = Schemas['PersonResponse'];

export interface Directory {
  departments: Department[];
  people: Person[];
  departmentName: (id: string | null | undefined) => string;
  personName: (id: string | null | undefined) => string;
  /** The people of one department (the 承办人 of a measure is one of its lead department's). */
  peopleOf: (departmentId: string | null | undefined) => Person[];
  departmentOptions: { value: string; label: string }[];
  personOptions: { value: string; label: string }[];
}

/** The departments and people this person may see (GET /api/departments, /api/people), with names by id and picker options. */
export function useDirectory(): Directory {
  const [departments, setDepartments] = useState<Department[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    void call(() => client.GET('/api/departments')).then(setDepartments, () => undefined);
    void call(() => client.GET('/api/people')).then(setPeople, () => undefined);
  }, []);
  return useMemo(() => {
    const departmentNames = new Map(departments.map((item) => [item.id, item.name]));
    const personNames = new Map(people.map((item) => [item.id, item.name]));
    return {
      departments,
      people,
      departmentName: (id) => (id ? (departmentNames.get(id) ?? '') : ''),
      personName: (id) => (id ? (personNames.get(id) ?? '') : ''),
      peopleOf: (departmentId) => (departmentId ? people.filter((item) => item.departmentId === departmentId) : []),
      departmentOptions: departments.map((item) => ({ value: item.id, label: item.name })),
      personOptions: people.map((item) => ({ value: item.id, label: item.name })),
    };
  }, [departments, people]);
}
