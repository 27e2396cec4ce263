/**
 * The world an e2e suite runs in, built through the real API as people would build it: the stack
 * (a data source, the API, a worker), the administrator, departments, people with signed-in
 * accounts, an inspection with their roles, and measures brought to a stage by the actions the
 * people of that stage take (交办, evidence, 审核, 销号, 回头看). Suites keep their own data — names,
 * titles and numbers their assertions read — and pass it in; everything else has a default.
 */
import { randomUUID } from 'node:crypto';
import { ActionName, InspectionRole, MeasureKind, Stage, STAGES } from '@rectiflow/domain';
import { createAdminAccount, Reply } from './http';
import { fastPolicy, Stack, waitFor } from './stack';

export { startStack } from './stack';
export type { Stack, StackOptions } from './stack';

export interface PersonSpec<D extends string> {
  name: string;
  /** A key of the world's departments. */
  department?: D;
  /** Roles in the world's inspections (and the default roles of every inspection made with createInspection). */
  roles?: InspectionRole | InspectionRole[];
  email?: string;
}

export interface InspectionFields {
  title?: string;
  kind?: string;
  inspectingBody?: string;
  inspectedUnit?: string;
  startedOn?: string;
  endedOn?: string;
  feedbackOn?: string;
  /** fastPolicy() unless given; `undefined` sends none (the product's default policy). */
  policy?: unknown;
}

export interface WorldSpec<P extends string, D extends string> {
  /** Key → name; the first is the default lead department of new measures. */
  departments?: Record<D, string>;
  /** Key → name, or name with department, roles and e-mail. Each gets an account and is signed in. */
  people?: Record<P, string | PersonSpec<NoInfer<D>>>;
  /** Creates the world's inspection, with the people's roles. */
  inspection?: InspectionFields;
}

export type RoleGrants = Record<string, InspectionRole | InspectionRole[]>;

export interface World<P extends string = string, D extends string = string> extends Stack {
  admin: string;
  adminUsername: string;
  departments: Record<D, string>;
  /** Person ids by key. */
  people: Record<P, string>;
  users: Record<P, { id: string; username: string; name: string }>;
  /** Who holds which inspection role, by person key: the default for createInspection. */
  roles: RoleGrants;
  /** The inspection of the spec ('' when it asked for none). */
  inspection: string;
}

/** The 巡察组 most suites inspect with; a suite whose assertions read these names passes its own. */
export const XUNCHA = { kind: 'xuncha', inspectingBody: '市委第一巡察组', inspectedUnit: '经开区党工委' } as const;

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
}

/** An administrator, then the spec's departments, people (signed in) and inspection, all through the API. */
export async function buildWorld<P extends string = never, D extends string = never>(
  stack: Stack,
  spec: WorldSpec<P, D> = {},
): Promise<World<P, D>> {
  const { id: admin, username: adminUsername } = await createAdminAccount(stack.dataSource, stack.client);
  const departments = {} as Record<D, string>;
  const departmentNames = Object.entries(spec.departments ?? {}) as [D, string][];
  if (departmentNames.length) {
    const created = await stack.client.call('POST', '/departments/bulk', admin, {
      departments: departmentNames.map(([, name]) => ({ name })),
    });
    expectStatus(created, 201, 'creating departments');
    departmentNames.forEach(([key], index) => (departments[key] = created.body[index].id));
  }
  const people = Object.entries(spec.people ?? {}).map(([key, value]) => ({
    key: key as P,
    ...(typeof value === 'string' ? { name: value } : (value as PersonSpec<D>)),
  }));
  const roles: RoleGrants = {};
  for (const person of people) if (person.roles) roles[person.key] = person.roles;
  const users = {} as World<P, D>['users'];
  if (people.length) {
    const { ids, usernames } = await stack.client.createAccounts(
      admin,
      people.map(({ key, name, department, email }) => ({
        key,
        name,
        departmentId: department ? departments[department] : null,
        email,
      })),
    );
    for (const { key, name } of people) users[key] = { id: ids[key], username: usernames[key], name };
  }
  const world: World<P, D> = {
    ...stack,
    admin,
    adminUsername,
    departments,
    people: Object.fromEntries(people.map(({ key }) => [key, users[key].id])) as Record<P, string>,
    users,
    roles,
    inspection: '',
  };
  if (spec.inspection) world.inspection = await createInspection(world, spec.inspection);
  return world;
}

/** A person id from a key of the world's people, 'admin', a person id, or null (nobody signed in): every helper acts as `who` this way. */
function personOf(world: World, who: string | null): string | null {
  if (who === null) return null;
  if (who === 'admin') return world.admin;
  return (world.people as Record<string, string>)[who] ?? who;
}

/** An inspection made by the administrator (the 巡察组 and fastPolicy() unless given), with the world's roles unless others are given. */
export async function createInspection(
  world: World,
  fields: InspectionFields = {},
  roles: RoleGrants = world.roles,
): Promise<string> {
  const created = await world.client.call('POST', '/inspections', world.admin, {
    title: `巡察整改-${randomUUID().slice(0, 8)}`,
    ...XUNCHA,
    policy: fastPolicy(),
    ...fields,
  });
  expectStatus(created, 201, 'creating the inspection');
  const grants = Object.entries(roles).flatMap(([who, held]) =>
    (Array.isArray(held) ? held : [held]).map((role) => ({ personId: personOf(world, who), role })),
  );
  if (grants.length)
    expectStatus(
      await world.client.call('POST', `/inspections/${created.body.id}/roles`, world.admin, { roles: grants }),
      201,
      'granting the inspection roles',
    );
  return created.body.id as string;
}

export interface MeasureFields {
  text?: string;
  kind?: MeasureKind;
  /** The world's first department unless given. */
  leadDepartmentId?: string;
  /** The world's `leader` unless given. */
  responsibleLeaderId?: string;
  dueAt?: string;
}

export interface ProblemSpec {
  /** The world's inspection unless given. */
  inspection?: string;
  /** Who creates it: the world's `office` unless given. */
  by?: string;
  /** The next number of this suite unless given. */
  number?: number;
  title?: string;
  sectionNumber?: string;
  sectionTitle?: string;
  categoryNumber?: string;
  categoryTitle?: string;
  groupNumber?: string;
  groupTitle?: string;
}

export interface CreatedProblem {
  id: string;
  measures: { id: string; warnings?: unknown[] }[];
}

let problemNumbers = 0;
let keys = 0;

/** Problem numbers are unique in an inspection: suites that number a problem by hand take theirs here. */
export function nextProblemNumber(): number {
  return ++problemNumbers;
}

/** A problem with its measures (one by default), created through the API by the office. */
export async function createProblem(
  world: World,
  spec: ProblemSpec & { measures?: MeasureFields[] } = {},
): Promise<CreatedProblem> {
  const {
    inspection = world.inspection,
    by = 'office',
    number = nextProblemNumber(),
    measures = [{}],
    ...problem
  } = spec;
  const created = await world.client.call('POST', `/inspections/${inspection}/problems`, personOf(world, by), {
    ...problem,
    number,
    title: problem.title ?? `问题${number}`,
    measures: measures.map((measure, index) => ({
      text: `整改措施${number}-${index + 1}`,
      kind: 'deadline',
      leadDepartmentId: Object.values<string>(world.departments)[0],
      responsibleLeaderId: personOf(world, 'leader'),
      dueAt: '2099-06-30',
      ...measure,
    })),
  });
  expectStatus(created, 201, `creating problem ${number}`);
  return created.body;
}

/** One measure of a new problem (in stage 交办); answers its id. */
export async function createMeasure(world: World, spec: ProblemSpec & MeasureFields = {}): Promise<string> {
  const { text, kind, leadDepartmentId, responsibleLeaderId, dueAt, ...problem } = spec;
  const measure = Object.fromEntries(
    Object.entries({ text, kind, leadDepartmentId, responsibleLeaderId, dueAt }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return (await createProblem(world, { ...problem, measures: [measure] })).measures[0].id;
}

/** An API call as `who` (a key of the world's people, 'admin', a person id, or null for nobody signed in). */
export function call(
  world: World,
  method: string,
  path: string,
  who: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return world.client.call(method, path, personOf(world, who), body, headers);
}

/** A file upload (multipart, field `file`) as `who`. */
export function upload(
  world: World,
  path: string,
  who: string,
  name: string,
  bytes: Buffer,
  type = 'application/octet-stream',
): Promise<Reply> {
  return world.client.upload(path, personOf(world, who)!, name, bytes, type);
}

/** A measure action over HTTP, as `who`, with a fresh idempotency key unless given; answers the reply whatever it is. */
export function act(
  world: World,
  measureId: string,
  action: ActionName | string,
  who: string,
  body: Record<string, unknown> = {},
  key = `key-${++keys}`,
): Promise<Reply> {
  return call(world, 'POST', `/measures/${measureId}/actions/${action}`, who, body, { 'Idempotency-Key': key });
}

/** The same, for set-up: fails unless the action was taken, and answers the result. */
export async function actOk(
  world: World,
  measureId: string,
  action: ActionName | string,
  who: string,
  body: Record<string, unknown> = {},
  key?: string,
) {
  const reply = await act(world, measureId, action, who, body, key);
  if (reply.status !== 200) throw new Error(`${action} by ${who}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export interface EvidenceFile {
  name: string;
  bytes: Buffer;
  type: string;
}

/** Uploads an evidence file to a measure (a small PDF unless given), as the world's `staff` unless given. */
export function uploadEvidence(
  world: World,
  measureId: string,
  who = 'staff',
  name = '纪要.pdf',
  bytes: Buffer = Buffer.from('%PDF-1.4 纪要'),
  type = 'application/pdf',
): Promise<Reply> {
  return upload(world, `/measures/${measureId}/evidence`, who, name, bytes, type);
}

export interface SubmitOptions {
  who?: string;
  summary?: string;
  file?: EvidenceFile;
  key?: string;
}

/** Uploads one file (a small PDF of the summary unless given) and submits it with the summary (整改 → 审核); answers the action's reply. */
export async function submitEvidence(
  world: World,
  measureId: string,
  { who = 'staff', summary = '已完成', file, key }: SubmitOptions = {},
): Promise<Reply> {
  const { name, bytes, type } = file ?? {
    name: '纪要.pdf',
    bytes: Buffer.from(`%PDF-1.4 ${summary}`),
    type: 'application/pdf',
  };
  const uploaded = await uploadEvidence(world, measureId, who, name, bytes, type);
  expectStatus(uploaded, 201, 'uploading evidence');
  return act(world, measureId, 'submit_evidence', who, { summary, evidenceIds: [uploaded.body.id] }, key);
}

export interface StageOptions extends Omit<SubmitOptions, 'who' | 'key'> {
  /** The stage the measure is in now (交办 unless given). */
  from?: Stage;
  /** Who takes each step, instead of the world's office, staff, reviewer, leader and supervisor. */
  office?: string;
  staff?: string;
  reviewer?: string;
  leader?: string;
  supervisor?: string;
}

/**
 * Brings a measure to a stage through the real actions, each by the person whose step it is:
 * 交办 (office), evidence and submission (staff), approval (reviewer), 销号 (leader), and for
 * 办结 the 回头看 once it falls due (supervisor, 'holds').
 */
export async function bringTo(
  world: World,
  measureId: string,
  stage: Stage,
  options: StageOptions = {},
): Promise<void> {
  const {
    from = 'assign',
    office = 'office',
    staff = 'staff',
    reviewer = 'reviewer',
    leader = 'leader',
    supervisor = 'supervisor',
    summary,
    file,
  } = options;
  const steps: Record<Exclude<Stage, 'closed' | 'voided'>, () => Promise<unknown>> = {
    assign: () => actOk(world, measureId, 'assign', office),
    rectify: async () => {
      const submitted = await submitEvidence(world, measureId, { who: staff, summary, file });
      expectStatus(submitted, 200, 'submit_evidence');
    },
    review: () => actOk(world, measureId, 'review', reviewer, { decision: 'approve' }),
    signoff: () => actOk(world, measureId, 'sign_off', leader, { decision: 'approve' }),
    lookback: async () => {
      await waitFor(
        async () => (await call(world, 'GET', `/measures/${measureId}`, supervisor)).body.lookBackDue,
        'the look-back to fall due',
      );
      await actOk(world, measureId, 'record_look_back', supervisor, { result: 'holds' });
    },
  };
  for (let at = STAGES.indexOf(from); at < STAGES.indexOf(stage); at += 1)
    await steps[STAGES[at] as Exclude<Stage, 'closed' | 'voided'>]();
}

/** A new measure brought to a stage (see bringTo); answers its id. */
export async function measureAt(
  world: World,
  stage: Stage,
  spec: ProblemSpec & MeasureFields & Omit<StageOptions, 'from'> = {},
): Promise<string> {
  const { office, staff, reviewer, leader, supervisor, summary, file, ...measure } = spec;
  const measureId = await createMeasure(world, { by: office, ...measure });
  await bringTo(world, measureId, stage, { office, staff, reviewer, leader, supervisor, summary, file });
  return measureId;
}
