import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { checkText } from '@rectiflow/domain';
import {
  AccountRepository,
  DepartmentEntity,
  OrganisationRepository,
  PersonEntity,
  UnitOfWork,
} from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import { accountFields } from '../auth/auth.service';
import { API_CONFIG } from '../temporal/temporal-client.service';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CreateDepartmentDto, CreatePersonDto } from './organisation.dto';

/** A person as the people list shows them; e-mail and account only where the reader may see them. */
export interface PersonView {
  id: string;
  name: string;
  departmentId: string | null;
  email: string | null;
  account?: { username: string; isAdmin: boolean; disabled: boolean; passwordChangeRequired: boolean } | null;
}

@Injectable()
export class OrganisationService {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Creates departments in one transaction; a parent may be an existing department or one earlier in the list (by id). */
  async createDepartments(items: CreateDepartmentDto[]): Promise<DepartmentEntity[]> {
    const names = items.map((item) => item.name.trim());
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    if (repeated.length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `departments[].name repeated in the request: ${[...new Set(repeated)].join(', ')}`,
      );
    return this.unitOfWork.run(async (tx) => {
      const existing = await this.organisation.departmentsNamed(names, tx);
      if (existing.length)
        throw new DomainError(
          ErrorCode.Conflict,
          `department already exists: ${existing.map((item) => item.name).join(', ')}`,
        );
      const parentIds = [...new Set(items.map((item) => item.parentId).filter((id): id is string => !!id))];
      if (parentIds.length) {
        const parents = await this.organisation.departmentsWithIds(parentIds, tx);
        const missing = parentIds.filter((id) => !parents.some((parent) => parent.id === id));
        if (missing.length)
          throw new DomainError(ErrorCode.InvalidInput, `parentId names no department: ${missing.join(', ')}`);
      }
      return this.organisation.insertDepartments(
        items.map((item) => ({ name: item.name.trim(), parentId: item.parentId ?? null })),
        tx,
      );
    });
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.organisation.listDepartments();
  }

  /**
   * Creates people (and their accounts when a username and password are given) in one transaction.
   * `where` names an item in a refusal (the CSV import's `row 3`); API bodies leave it out.
   */
  async createPeople(items: CreatePersonDto[], where?: (index: number) => string): Promise<PersonEntity[]> {
    const named = (index: number, message: string) => (where ? `${where(index)}: ${message}` : message);
    const accounts = await Promise.all(
      items.map((item, index) =>
        accountFields(item.username, item.password, this.config.auth.bcryptRounds).catch((error: unknown) => {
          throw error instanceof DomainError && where
            ? new DomainError(error.code, named(index, error.message), error.details)
            : error;
        }),
      ),
    );
    const usernames = accounts.flatMap((account) => (account ? [account.username] : []));
    const repeated = usernames.filter((name, index) => usernames.indexOf(name) !== index);
    if (repeated.length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `people[].username repeated in the request: ${[...new Set(repeated)].join(', ')}`,
      );
    for (const [index, item] of items.entries()) {
      if (item.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(item.email))
        throw new DomainError(ErrorCode.InvalidInput, named(index, `email "${item.email}" is not an e-mail address`));
    }
    return this.unitOfWork.run(async (tx) => {
      const departmentIds = [...new Set(items.map((item) => item.departmentId).filter((id): id is string => !!id))];
      if (departmentIds.length) {
        const found = await this.organisation.departmentsWithIds(departmentIds, tx);
        const missing = departmentIds.filter((id) => !found.some((department) => department.id === id));
        if (missing.length)
          throw new DomainError(ErrorCode.InvalidInput, `departmentId names no department: ${missing.join(', ')}`);
      }
      const taken = await this.accounts.takenUsernames(usernames, tx);
      if (taken.length) throw new DomainError(ErrorCode.Conflict, `username already taken: ${taken.join(', ')}`);
      const people = await this.organisation.insertPeople(
        items.map((item) => ({
          name: item.name.trim(),
          departmentId: item.departmentId ?? null,
          email: item.email ?? null,
        })),
        tx,
      );
      const rows = people.flatMap((person, index) =>
        accounts[index] ? [{ personId: person.id, ...accounts[index]!, isAdmin: items[index].isAdmin === true }] : [],
      );
      await this.accounts.insert(rows, tx);
      return people;
    });
  }

  /**
   * Bulk import from CSV with a header row: 部门 sheet (名称,上级部门) or 人员 sheet (姓名,部门,用户名,初始密码,邮箱).
   * Every cell goes through the rules of the JSON bodies (CreateDepartmentDto, CreatePersonDto: the
   * text rule and their lengths) before anything is written; a refusal names each row and column.
   */
  async importCsv(kind: 'departments' | 'people', text: string) {
    const rows = parseCsv(text.replace(/^\ufeff/, ''));
    if (rows.length < 2)
      throw new DomainError(ErrorCode.InvalidInput, 'the CSV needs a header row and at least one data row');
    const header = rows[0].map((cell) => cell.trim());
    const column = (...names: string[]) => header.findIndex((cell) => names.includes(cell));
    const data = rows
      .map((cells, index) => ({ row: index + 1, cells }))
      .slice(1)
      .filter(({ cells }) => cells.some((cell) => cell.trim()));
    if (data.length === 0)
      throw new DomainError(
        ErrorCode.InvalidInput,
        'the CSV has no data rows below its header row (blank rows are skipped)',
      );
    const errors: string[] = [];
    const cell = (cells: string[], index: number) => (index >= 0 && cells[index]?.trim() ? cells[index] : undefined);
    /** A department named in a cell (上级部门, 部门): looked up by name, so under the name's rule first. */
    const departmentName = (cells: string[], index: number, row: number, label: string) => {
      const value = cell(cells, index);
      if (value === undefined) return undefined;
      const check = checkText(value, { max: 100 });
      if (!check.ok) errors.push(`row ${row}: ${label} ${check.problem}`);
      return check.ok ? check.value : undefined;
    };
    const refuse = () => {
      if (errors.length)
        throw new DomainError(ErrorCode.InvalidInput, errors.slice(0, 20).join('; '), {
          errors: errors.slice(0, 1000),
        });
    };
    if (kind === 'departments') {
      const name = column('名称', '部门', 'name');
      const parent = column('上级部门', 'parent');
      if (name < 0) throw new DomainError(ErrorCode.InvalidInput, 'the CSV has no 名称 (name) column');
      const items = data.map(({ row, cells }) => ({
        row,
        parentName: departmentName(cells, parent, row, '上级部门'),
        department: checkedRow(CreateDepartmentDto, { name: cells[name] ?? '' }, row, { name: '名称' }, errors),
      }));
      refuse();
      const created: DepartmentEntity[] = [];
      // Parents first: a department may name one created earlier in the same file.
      for (const { row, parentName, department } of items) {
        let parentId: string | undefined;
        if (parentName) {
          const found = await this.organisation.departmentNamed(parentName);
          if (!found)
            throw new DomainError(
              ErrorCode.InvalidInput,
              `row ${row}: 上级部门 "${parentName}" is not a department (list parents before their children)`,
            );
          parentId = found.id;
        }
        created.push(...(await this.createDepartments([{ name: department.name, parentId }])));
      }
      return created;
    }
    const name = column('姓名', 'name');
    const department = column('部门', 'department');
    const username = column('用户名', 'username');
    const password = column('初始密码', '密码', 'password');
    const email = column('邮箱', 'email');
    if (name < 0) throw new DomainError(ErrorCode.InvalidInput, 'the CSV has no 姓名 (name) column');
    const departments = await this.organisation.listDepartments();
    const columns = { name: '姓名', username: '用户名', password: '初始密码', email: '邮箱' };
    const items: CreatePersonDto[] = data.map(({ row, cells }) => {
      const departmentCell = departmentName(cells, department, row, '部门');
      const found = departmentCell ? departments.find((item) => item.name === departmentCell) : undefined;
      if (departmentCell && !found) errors.push(`row ${row}: 部门 "${departmentCell}" is not a department`);
      const values = {
        name: cells[name] ?? '',
        username: cell(cells, username),
        password: cell(cells, password),
        email: cell(cells, email),
      };
      return { ...checkedRow(CreatePersonDto, values, row, columns, errors), departmentId: found?.id };
    });
    refuse();
    return this.createPeople(items, (index) => `row ${data[index].row}`);
  }

  /**
   * Who may see whom. A system administrator: everyone, with e-mail addresses and account state
   * (the setup screen). A person with a role in any inspection (office, reviewer, group head,
   * supervisor): everyone's name and department, for choosing leaders and reading any measure of
   * their inspection. Anyone else (department staff, a responsible leader): themselves, their
   * department, and the people named on or acting on the measures they see (the ledger's leaders,
   * a timeline's actors). E-mail addresses only to the administrator, and each person their own.
   */
  async listPeople(actor: RequestActor): Promise<PersonView[]> {
    if (actor.isAdmin) {
      const rows = await this.organisation.peopleWithAccounts();
      return rows.map(({ username, isAdmin, disabled, passwordChangeRequired, ...person }) => ({
        ...person,
        account:
          username === null
            ? null
            : {
                username,
                isAdmin: isAdmin === true,
                disabled: disabled === true,
                passwordChangeRequired: passwordChangeRequired === true,
              },
      }));
    }
    if (await this.organisation.holdsInspectionRole(actor.personId)) return this.organisation.allPeople(actor.personId);
    return this.organisation.peopleAround(actor);
  }
}

/** One CSV row as its DTO, validated as the ValidationPipe validates a body; each problem joins `errors` as `row 3: 姓名 must not be blank`. */
function checkedRow<T extends object>(
  dto: new () => T,
  values: Record<string, unknown>,
  row: number,
  columns: Record<string, string>,
  errors: string[],
): T {
  const present = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  const item = plainToInstance(dto, present);
  for (const error of validateSync(item, { whitelist: true, forbidNonWhitelisted: true })) {
    const label = columns[error.property] ?? error.property;
    for (const message of Object.values(error.constraints ?? {}))
      errors.push(
        `row ${row}: ${label} ${message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message}`,
      );
  }
  return item;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
