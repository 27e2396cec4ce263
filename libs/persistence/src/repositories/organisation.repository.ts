import { EntityManager, In } from 'typeorm';
import { DepartmentEntity, PersonEntity } from '../entities';
import { BaseRepository } from './unit-of-work';
import { Viewer, visibleMeasureCondition } from './visibility.repository';

export interface NewDepartment {
  name: string;
  parentId: string | null;
}

export interface NewPerson {
  name: string;
  departmentId?: string | null;
  email?: string | null;
}

/** A department or person by id and name. */
export interface NamedRow {
  id: string;
  name: string;
}

/** A name's matching key in SQL: NFKC, every whitespace removed (libs/documents nameKey). */
const NAME_KEY = `regexp_replace(normalize(name, NFKC), '\\s', '', 'g')`;

/** A person as the people list shows them to a non-administrator: e-mail only on the reader's own row. */
export interface PersonRow {
  id: string;
  name: string;
  departmentId: string | null;
  email: string | null;
}

/** A person with their account's state (null columns when they have no account), for the administrator. */
export interface PersonWithAccountRow extends PersonRow {
  createdAt: Date;
  username: string | null;
  isAdmin: boolean | null;
  disabled: boolean | null;
  passwordChangeRequired: boolean | null;
}

/** `department` and `person`. */
export class OrganisationRepository extends BaseRepository {
  private departments(tx?: EntityManager) {
    return this.db(tx).getRepository(DepartmentEntity);
  }

  private people(tx?: EntityManager) {
    return this.db(tx).getRepository(PersonEntity);
  }

  listDepartments(tx?: EntityManager): Promise<DepartmentEntity[]> {
    return this.departments(tx).find({ order: { name: 'ASC' } });
  }

  departmentNamed(name: string, tx?: EntityManager): Promise<DepartmentEntity | null> {
    return this.departments(tx).findOne({ where: { name } });
  }

  departmentsNamed(names: string[], tx?: EntityManager): Promise<DepartmentEntity[]> {
    return this.departments(tx).find({ where: { name: In(names) } });
  }

  departmentsWithIds(ids: string[], tx?: EntityManager): Promise<DepartmentEntity[]> {
    return this.departments(tx).find({ where: { id: In(ids) } });
  }

  insertDepartments(items: NewDepartment[], tx?: EntityManager): Promise<DepartmentEntity[]> {
    const departments = this.departments(tx);
    return departments.save(items.map((item) => departments.create(item)));
  }

  insertPeople(items: NewPerson[], tx?: EntityManager): Promise<PersonEntity[]> {
    const people = this.people(tx);
    return people.save(items.map((item) => people.create(item)));
  }

  /**
   * Departments named exactly one of `names`, or whose name has one of `keys` once NFKC-normalised
   * with every whitespace removed (the caller's matcher computes the keys and picks among them).
   */
  departmentsMatching(names: string[], keys: string[], tx?: EntityManager): Promise<NamedRow[]> {
    if (names.length === 0 && keys.length === 0) return Promise.resolve([]);
    return this.db(tx).query(
      `SELECT id, name FROM department WHERE name = ANY($1::text[]) OR ${NAME_KEY} = ANY($2::text[]) ORDER BY name, id`,
      [names, keys],
    );
  }

  /** The same for people, oldest first among people of one name. */
  peopleMatching(names: string[], keys: string[], tx?: EntityManager): Promise<NamedRow[]> {
    if (names.length === 0 && keys.length === 0) return Promise.resolve([]);
    return this.db(tx).query(
      `SELECT id, name FROM person WHERE name = ANY($1::text[]) OR ${NAME_KEY} = ANY($2::text[]) ORDER BY created_at, id`,
      [names, keys],
    );
  }

  /** Top-level departments with ids chosen by the caller (an import names them before they exist). */
  async insertDepartmentsWithIds(items: NamedRow[], tx?: EntityManager): Promise<void> {
    if (items.length === 0) return;
    await this.db(tx).query(
      'INSERT INTO department (id, name, parent_id) SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[])',
      [items.map((item) => item.id), items.map((item) => item.name), items.map(() => null)],
    );
  }

  /** People without a department, with ids chosen by the caller. */
  async insertPeopleWithIds(items: NamedRow[], tx?: EntityManager): Promise<void> {
    if (items.length === 0) return;
    await this.db(tx).query('INSERT INTO person (id, name) SELECT * FROM unnest($1::uuid[], $2::text[])', [
      items.map((item) => item.id),
      items.map((item) => item.name),
    ]);
  }

  /** Everyone, with e-mail addresses and account state, by name. */
  peopleWithAccounts(tx?: EntityManager): Promise<PersonWithAccountRow[]> {
    return this.db(tx).query(
      `SELECT p.id, p.name, p.department_id AS "departmentId", p.email, p.created_at AS "createdAt", a.username, a.is_admin AS "isAdmin",
              a.disabled_at IS NOT NULL AS disabled, a.must_change_password AS "passwordChangeRequired"
         FROM person p LEFT JOIN account a ON a.person_id = p.id ORDER BY p.name, p.id`,
    );
  }

  /** Whether the person holds a role in any inspection (who may then see everyone's name). */
  async holdsInspectionRole(personId: string, tx?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 FROM inspection_role WHERE person_id = $1 LIMIT 1', [
      personId,
    ]);
    return rows.length > 0;
  }

  /** Everyone by name, with the reader's own e-mail address only. */
  allPeople(readerId: string, tx?: EntityManager): Promise<PersonRow[]> {
    return this.db(tx).query(`SELECT ${PERSON_COLUMNS} FROM person p ORDER BY p.name, p.id`, [readerId]);
  }

  /**
   * The reader, the people of their department, and the people named on (responsible leader) or
   * acting on (audit trail) the measures the reader may see; the reader's own e-mail only.
   */
  peopleAround(reader: Viewer, tx?: EntityManager): Promise<PersonRow[]> {
    const parameters: unknown[] = [reader.personId];
    const visible = visibleMeasureCondition(reader, parameters);
    return this.db(tx).query(
      `SELECT ${PERSON_COLUMNS} FROM person p
        WHERE p.id = $1 OR (p.department_id IS NOT NULL AND p.department_id = $${parameters.push(reader.departmentId)})
           OR p.id IN (SELECT m.responsible_leader_id FROM measure m WHERE ${visible})
           OR p.id IN (SELECT e.actor_id FROM audit_event e JOIN measure m ON m.id = e.measure_id WHERE e.actor_id IS NOT NULL AND ${visible})
        ORDER BY p.name, p.id`,
      parameters,
    );
  }
}

/** A person's columns for a reader who is `$1`: the e-mail address only on their own row. */
const PERSON_COLUMNS = `p.id, p.name, p.department_id AS "departmentId", CASE WHEN p.id = $1 THEN p.email END AS email`;
