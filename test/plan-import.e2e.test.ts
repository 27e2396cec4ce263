/**
 * A plan imported with owners per measure, through the HTTP API against real PostgreSQL, Temporal
 * and a worker: the names each measure reads (责任领导, 牵头单位, 配合单位, 整改时限) matched to the
 * organisation in the preview, unknown names listed and created only at commit, the office's edits
 * for a selection of measures, a commit refused while measures miss owners, and the read model.
 */
import { randomUUID } from 'node:crypto';
import { parseNotice, problemsOf } from '@rectiflow/documents';
import { OpenApi, responseSchema, schemaProblems } from './support/openapi-check';
import { buildWorld, call, createInspection, createProblem, startStack, upload, World } from './support/world';

const tag = randomUUID().slice(0, 6);
/** The tag in full-width letters and digits, as a plan typed on a Chinese keyboard may write it. */
const wide = [...tag].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join('');
const NAMES = {
  office: `县委办公室${tag}`,
  finance: `县财政局${tag}`,
  audit: `县审计局${tag}`,
  other: `县其他局${tag}`,
  fresh: `县新设局${tag}`,
  zhang: `张三${tag}`,
  li: `李四${tag}`,
  wang: `王五${tag}`,
  zhao: `赵六${tag}`,
};

type Who = 'office' | 'zhang' | 'li' | 'leader';
let world: World<Who, 'office' | 'finance' | 'audit' | 'other'>;
let document: OpenApi;

beforeAll(async () => {
  world = await buildWorld(await startStack('plan-import'), {
    departments: { office: NAMES.office, finance: NAMES.finance, audit: NAMES.audit, other: NAMES.other },
    people: {
      office: { name: `整改办-${tag}`, roles: 'office' },
      zhang: NAMES.zhang,
      li: NAMES.li,
      leader: `赵领导-${tag}`,
    },
  });
  document = (await call(world, 'GET', '/docs-json', null)).body;
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

/** A deadline day as the read model stores it: the end of that day, China time. */
const endOf = (day: string) => new Date(`${day}T23:59:59+08:00`).toISOString();

async function preview(inspectionId: string, text: string) {
  const reply = await upload(
    world,
    `/inspections/${inspectionId}/imports/document`,
    'office',
    'plan.md',
    Buffer.from(text),
  );
  expect(reply.status).toBe(201);
  return reply.body;
}

/** The draft's problems with owners as written by the office (PUT structure), answering the draft. */
async function withOwners(draft: any, owners: Record<string, { problem?: object; measures?: Record<number, object> }>) {
  const sections = draft.content.sections;
  for (const section of sections)
    for (const { problem } of problemsOf(section)) {
      const given = owners[problem.number];
      if (!given) continue;
      if (given.problem) problem.owners = given.problem;
      for (const measure of problem.measures)
        if (given.measures?.[measure.number]) measure.owners = given.measures[measure.number];
    }
  const reply = await call(world, 'PUT', `/imports/documents/${draft.id}/structure`, 'office', { sections });
  expect(reply.status).toBe(200);
  return reply.body;
}

const PLAN =
  '二、整改措施\n(1)问题甲。一是措施甲一。二是措施甲二。\n(2)问题乙。一是措施乙一。\n(3)问题丙。一是措施丙一。';

/** Problem 1 names its owners on its own lines, measure 1.2 its own; problem 2 names a leader nobody has. */
const OWNERS = {
  '1': {
    problem: {
      leaders: [NAMES.zhang],
      leadDepartments: [`县委\u3000办公室${wide}`],
      cooperatingDepartments: [NAMES.finance, NAMES.fresh],
      deadline: { phrase: '2024年9月底前', dueDate: '2024-09-30', kind: 'deadline' },
    },
    measures: {
      2: {
        leaders: [NAMES.li, NAMES.zhang],
        leadDepartments: [NAMES.finance],
        deadline: { phrase: '立行立改', kind: 'immediate' },
      },
    },
  },
  '2': {
    problem: {
      leaders: [NAMES.wang],
      leadDepartments: [NAMES.audit],
      deadline: { phrase: '长期坚持', kind: 'ongoing' },
    },
  },
};

const count = async (inspectionId: string) =>
  (
    await world.dataSource.query(
      'SELECT (SELECT count(*) FROM problem WHERE inspection_id = $1)::int AS problems, (SELECT count(*) FROM department WHERE name = $2)::int AS fresh, (SELECT count(*) FROM person WHERE name = $3)::int AS wang',
      [inspectionId, NAMES.fresh, NAMES.wang],
    )
  )[0];

const byKey = (draft: any, problemNumber: number, measureNumber: number) =>
  draft.assignments.find((item: any) => item.problemNumber === problemNumber && item.measureNumber === measureNumber);

describe('a plan with owners per measure', () => {
  it('matches the names in the preview, refuses the commit while measures miss owners, and creates unknown names only at commit', async () => {
    const inspectionId = await createInspection(world, { title: `方案导入-${tag}` });
    const draft = await withOwners(await preview(inspectionId, PLAN), OWNERS);
    const { departments: d, people: p } = world;

    expect(byKey(draft, 1, 1)).toMatchObject({
      text: '措施甲一。',
      read: OWNERS['1'].problem,
      assignment: {
        leadDepartmentId: d.office,
        cooperatingDepartmentIds: [d.finance],
        responsibleLeaderId: p.zhang,
        coLeaderIds: [],
        dueAt: '2024-09-30',
        kind: 'deadline',
      },
      unknown: { departments: [NAMES.fresh], people: [] },
      missing: ['cooperatingDepartmentIds'],
    });
    expect(byKey(draft, 1, 2)).toMatchObject({
      assignment: {
        leadDepartmentId: d.finance,
        cooperatingDepartmentIds: [],
        responsibleLeaderId: p.li,
        coLeaderIds: [p.zhang],
        dueAt: null,
        kind: 'immediate',
      },
      unknown: { departments: [NAMES.fresh], people: [] },
    });
    expect(byKey(draft, 2, 1)).toMatchObject({
      assignment: { leadDepartmentId: d.audit, responsibleLeaderId: null, kind: 'ongoing', dueAt: null },
      unknown: { departments: [], people: [NAMES.wang] },
      missing: ['responsibleLeaderId'],
    });
    expect(byKey(draft, 3, 1)).toMatchObject({
      read: null,
      missing: ['leadDepartmentId', 'responsibleLeaderId', 'dueAt'],
    });
    expect(draft.unknown).toEqual({ departments: [NAMES.fresh], people: [NAMES.wang] });
    expect(draft.names.departments).toContainEqual({
      name: `县委\u3000办公室${wide}`,
      status: 'matched',
      id: d.office,
      matchedName: NAMES.office,
      candidates: [],
    });
    expect(
      schemaProblems(document, responseSchema(document, 'PUT /api/imports/documents/{id}/structure', 200), draft),
    ).toEqual([]);

    // Problem 3 has no owners: the commit's defaults fill it; the unknown names refuse the others.
    const defaults = { leadDepartmentId: d.other, responsibleLeaderId: p.leader, dueAt: '2099-06-30' };
    const refused = await call(world, 'POST', `/imports/documents/${draft.id}/commit`, 'office', defaults);
    expect(refused.status).toBe(400);
    expect(refused.body.details.missing).toEqual([
      {
        problemNumber: 1,
        measureNumber: 1,
        fields: ['cooperatingDepartmentIds'],
        unknown: { departments: [NAMES.fresh], people: [] },
      },
      {
        problemNumber: 1,
        measureNumber: 2,
        fields: ['cooperatingDepartmentIds'],
        unknown: { departments: [NAMES.fresh], people: [] },
      },
      {
        problemNumber: 2,
        measureNumber: 1,
        fields: ['responsibleLeaderId'],
        unknown: { departments: [], people: [NAMES.wang] },
      },
    ]);
    expect(refused.body.message).toMatch(/problem 2 measure 1: responsibleLeaderId/);
    expect(await count(inspectionId)).toEqual({ problems: 0, fresh: 0, wang: 0 });

    const badName = await call(world, 'PATCH', `/imports/documents/${draft.id}/names`, 'office', {
      departments: [{ name: '县不存在局', create: true }],
    });
    expect(badName.status).toBe(400);
    expect(badName.body.message).toMatch(/departments\[0\]\.name/);
    const badId = await call(world, 'PATCH', `/imports/documents/${draft.id}/names`, 'office', {
      people: [{ name: NAMES.wang, id: randomUUID() }],
    });
    expect(badId.status).toBe(400);
    expect(badId.body.message).toMatch(/people\[0\]\.id names no person/);

    const marked = await call(world, 'PATCH', `/imports/documents/${draft.id}/names`, 'office', {
      departments: [{ name: NAMES.fresh, create: true }],
      people: [{ name: NAMES.wang, create: true }],
    });
    expect(marked.status).toBe(200);
    expect(marked.body.unknown).toEqual({ departments: [], people: [] });
    expect(byKey(marked.body, 2, 1)).toMatchObject({
      toCreate: { departments: [], people: [NAMES.wang] },
      missing: [],
    });
    expect(marked.body.missing).toEqual([
      {
        problemNumber: 3,
        measureNumber: 1,
        fields: ['leadDepartmentId', 'responsibleLeaderId', 'dueAt'],
        unknown: { departments: [], people: [] },
      },
    ]);
    // Nothing is created before the commit.
    expect(await count(inspectionId)).toEqual({ problems: 0, fresh: 0, wang: 0 });
    const departmentsBefore = (await call(world, 'GET', '/departments', 'admin')).body.map((item: any) => item.name);
    expect(departmentsBefore).not.toContain(NAMES.fresh);

    const committed = await call(world, 'POST', `/imports/documents/${draft.id}/commit`, 'office', defaults);
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ problems: 3, measures: 4 });
    expect(
      schemaProblems(
        document,
        responseSchema(document, 'POST /api/imports/documents/{id}/commit', 201),
        committed.body,
      ),
    ).toEqual([]);
    const fresh = committed.body.createdDepartments[0].id;
    const wang = committed.body.createdPeople[0].id;
    expect(committed.body.createdDepartments).toEqual([{ id: fresh, name: NAMES.fresh }]);
    expect((await call(world, 'GET', '/departments', 'admin')).body).toContainEqual(
      expect.objectContaining({ id: fresh, name: NAMES.fresh }),
    );
    expect((await call(world, 'GET', '/people', 'admin')).body).toContainEqual(
      expect.objectContaining({ id: wang, name: NAMES.wang, departmentId: null }),
    );

    const list = await call(world, 'GET', `/measures?inspectionId=${inspectionId}&limit=100`, 'office');
    const measures = Object.fromEntries(
      list.body.items.map((item: any) => [`${item.problemNumber}.${item.number}`, item]),
    );
    expect(measures['1.1']).toMatchObject({
      leadDepartmentId: d.office,
      responsibleLeaderId: p.zhang,
      dueAt: endOf('2024-09-30'),
      kind: 'deadline',
    });
    expect([...measures['1.1'].cooperatingDepartmentIds].sort()).toEqual([d.finance, fresh].sort());
    expect(measures['1.2']).toMatchObject({
      leadDepartmentId: d.finance,
      cooperatingDepartmentIds: [fresh],
      responsibleLeaderId: p.li,
      coLeaderIds: [p.zhang],
      dueOnAssign: true,
      kind: 'immediate',
    });
    // 立行立改 and 长期坚持 without a date get no default deadline: they are due from 交办.
    expect(measures['1.2'].dueAt).not.toBe(endOf('2099-06-30'));
    expect(measures['2.1']).toMatchObject({
      leadDepartmentId: d.audit,
      responsibleLeaderId: wang,
      dueOnAssign: true,
      kind: 'ongoing',
    });
    expect(measures['1.1'].dueOnAssign).toBe(false);
    expect(measures['3.1']).toMatchObject({
      leadDepartmentId: d.other,
      responsibleLeaderId: p.leader,
      dueAt: endOf('2099-06-30'),
      kind: 'deadline',
    });
    expect(await count(inspectionId)).toEqual({ problems: 3, fresh: 1, wang: 1 });
  });

  it('sets owners for a selection of measures or a whole problem, checking every id, and the commit keeps them', async () => {
    const inspectionId = await createInspection(world, { title: `方案编辑-${tag}` });
    const draft = await withOwners(await preview(inspectionId, PLAN), OWNERS);
    const { departments: d, people: p } = world;
    const patch = (body: object) => call(world, 'PATCH', `/imports/documents/${draft.id}/assignments`, 'office', body);

    const selected = await patch({
      measures: [
        { problemNumber: 1, measureNumber: 1 },
        { problemNumber: 1, measureNumber: 2 },
      ],
      cooperatingDepartmentIds: [d.audit],
      dueAt: '2099-03-31',
    });
    expect(selected.status).toBe(200);
    for (const measureNumber of [1, 2])
      expect(byKey(selected.body, 1, measureNumber)).toMatchObject({
        assignment: { cooperatingDepartmentIds: [d.audit], dueAt: '2099-03-31' },
        edited: ['cooperatingDepartmentIds', 'dueAt'],
        unknown: { departments: [], people: [] },
        missing: [],
      });
    expect(byKey(selected.body, 1, 2).assignment).toMatchObject({ leadDepartmentId: d.finance, kind: 'immediate' });

    const wholeProblem = await patch({ problemNumber: 2, responsibleLeaderId: p.leader, coLeaderIds: [p.zhang] });
    expect(byKey(wholeProblem.body, 2, 1)).toMatchObject({
      assignment: { responsibleLeaderId: p.leader, coLeaderIds: [p.zhang] },
      unknown: { departments: [], people: [] },
    });
    expect(wholeProblem.body.unknown).toEqual({ departments: [], people: [] });

    // Refusals name the field and change nothing.
    const unknownDepartment = await patch({
      problemNumber: 3,
      leadDepartmentId: d.other,
      cooperatingDepartmentIds: [d.audit, randomUUID()],
    });
    expect(unknownDepartment.status).toBe(400);
    expect(unknownDepartment.body.message).toMatch(/cooperatingDepartmentIds\[1\] names no department/);
    const unknownPerson = await patch({ problemNumber: 3, responsibleLeaderId: randomUUID() });
    expect(unknownPerson.body.message).toMatch(/responsibleLeaderId names no person/);
    const noMeasure = await patch({ measures: [{ problemNumber: 9, measureNumber: 1 }], kind: 'ongoing' });
    expect(noMeasure.status).toBe(400);
    expect(noMeasure.body.message).toMatch(/measures\[0\] \(problem 9, measure 1\) names no measure/);
    expect((await patch({ problemNumber: 3 })).body.message).toMatch(/nothing to set/);
    expect((await patch({ kind: 'ongoing' })).body.message).toMatch(/measures or problemNumber/);
    expect((await patch({ problemNumber: 3, dueAt: '2024-02-30' })).body.message).toMatch(/dueAt must be a date/);
    const past = await patch({ problemNumber: 3, dueAt: '2020-01-01' });
    expect([past.status, past.body.reason]).toEqual([400, { code: 'DATE_BEFORE_TODAY', params: { field: 'dueAt' } }]);
    expect(past.body.message).toMatch(/dueAt must not be before today/);
    const unchanged = await call(world, 'GET', `/imports/${draft.id}`, 'office');
    expect(byKey(unchanged.body, 3, 1)).toMatchObject({ edited: [], assignment: { leadDepartmentId: null } });

    // null gives a field back to the document.
    const reverted = await patch({ measures: [{ problemNumber: 1, measureNumber: 2 }], dueAt: null });
    expect(byKey(reverted.body, 1, 2)).toMatchObject({
      edited: ['cooperatingDepartmentIds'],
      assignment: { dueAt: null },
    });

    const third = await patch({
      problemNumber: 3,
      leadDepartmentId: d.other,
      responsibleLeaderId: p.li,
      kind: 'immediate',
    });
    expect(third.body.missing).toEqual([]);
    const committed = await call(world, 'POST', `/imports/documents/${draft.id}/commit`, 'office', {});
    expect(committed).toMatchObject({
      status: 201,
      body: { problems: 3, measures: 4, createdDepartments: [], createdPeople: [] },
    });
    const list = await call(world, 'GET', `/measures?inspectionId=${inspectionId}&limit=100`, 'office');
    const measures = Object.fromEntries(
      list.body.items.map((item: any) => [`${item.problemNumber}.${item.number}`, item]),
    );
    expect(measures['1.1']).toMatchObject({
      leadDepartmentId: d.office,
      cooperatingDepartmentIds: [d.audit],
      dueAt: endOf('2099-03-31'),
    });
    expect(measures['1.2']).toMatchObject({
      cooperatingDepartmentIds: [d.audit],
      kind: 'immediate',
      dueOnAssign: true,
    });
    expect(measures['2.1']).toMatchObject({ responsibleLeaderId: p.leader, coLeaderIds: [p.zhang], kind: 'ongoing' });
    expect(measures['3.1']).toMatchObject({ leadDepartmentId: d.other, responsibleLeaderId: p.li, kind: 'immediate' });
    expect(committed.body.createdPeople).toEqual([]);
    expect((await patch({ problemNumber: 3, kind: 'deadline' })).status).toBe(409);
  });

  it('maps an unknown name to an existing person, and refuses an owner field that is not one in the corrections', async () => {
    const inspectionId = await createInspection(world, { title: `方案映射-${tag}` });
    const draft = await withOwners(await preview(inspectionId, PLAN), {
      '2': { problem: { ...OWNERS['2'].problem, leaders: [NAMES.zhao] } },
    });
    const mapped = await call(world, 'PATCH', `/imports/documents/${draft.id}/names`, 'office', {
      people: [{ name: NAMES.zhao, id: world.people.leader }],
    });
    expect(mapped.body.names.people).toContainEqual({
      name: NAMES.zhao,
      status: 'mapped',
      id: world.people.leader,
      matchedName: null,
      candidates: [],
    });
    expect(byKey(mapped.body, 2, 1).assignment.responsibleLeaderId).toBe(world.people.leader);
    const forgotten = await call(world, 'PATCH', `/imports/documents/${draft.id}/names`, 'office', {
      people: [{ name: NAMES.zhao }],
    });
    expect(forgotten.body.unknown.people).toEqual([NAMES.zhao]);

    const sections = draft.content.sections;
    sections[0].problems[0].owners = {
      leaders: [NAMES.zhang],
      owner: ['x'],
      deadline: { phrase: '', dueDate: '2024-13-01' },
    };
    const bad = await call(world, 'PUT', `/imports/documents/${draft.id}/structure`, 'office', { sections });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/owners\.owner is not an owner field/);
    expect(bad.body.message).toMatch(/owners\.deadline\.dueDate must be a date/);
  });

  it('writes nothing when the commit fails after the names to create were written: they go with the transaction', async () => {
    const inspectionId = await createInspection(world, { title: `方案回滚-${tag}` });
    const another = `县另设局${tag}`;
    const draft = await withOwners(await preview(inspectionId, PLAN), {
      '2': {
        problem: {
          leaders: [NAMES.zhang],
          leadDepartments: [another],
          deadline: { phrase: '长期坚持', kind: 'ongoing' },
        },
      },
    });
    await call(world, 'PATCH', `/imports/documents/${draft.id}/names`, 'office', {
      departments: [{ name: another, create: true }],
    });
    // Problem 3 is taken meanwhile: the commit fails inside its transaction, after the department was inserted.
    await createProblem(world, { inspection: inspectionId, number: 3 });
    const defaults = {
      leadDepartmentId: world.departments.other,
      responsibleLeaderId: world.people.leader,
      dueAt: '2099-06-30',
    };
    const failed = await call(world, 'POST', `/imports/documents/${draft.id}/commit`, 'office', defaults);
    expect(failed.status).toBe(409);
    expect(failed.body.message).toMatch(/problem number already used in this inspection: 3/);
    const [{ departments, problems }] = await world.dataSource.query(
      'SELECT (SELECT count(*) FROM department WHERE name = $1)::int AS departments, (SELECT count(*) FROM problem WHERE inspection_id = $2)::int AS problems',
      [another, inspectionId],
    );
    expect({ departments, problems }).toEqual({ departments: 0, problems: 1 });
    expect((await call(world, 'GET', `/imports/${draft.id}`, 'office')).body.committedAt).toBeNull();
  });

  const UPLOAD = [
    '二、整改措施',
    '（1）问题甲',
    `责任领导：${NAMES.zhang} 牵头单位：${NAMES.office} 配合单位：${NAMES.finance}、${NAMES.audit} 整改时限：2024年9月底前`,
    `一是措施甲一。二是措施甲二（责任领导：${NAMES.li}；牵头单位：${NAMES.finance}；整改时限：立行立改）。`,
  ].join('\n');
  // The parser reads owner lines once libs/documents has learnt them (issue 13, part 1).
  const parserReadsOwners = problemsOf(parseNotice(UPLOAD).sections[0] ?? { number: '', title: '' }).some(
    ({ problem }) => problem.owners || problem.measures.some((measure) => measure.owners),
  );

  (parserReadsOwners ? it : it.skip)(
    'imports a real upload with owner lines after a problem and after a measure',
    async () => {
      const inspectionId = await createInspection(world, { title: `方案上传-${tag}` });
      const draft = await preview(inspectionId, UPLOAD);
      const { departments: d, people: p } = world;
      expect(byKey(draft, 1, 1).assignment).toEqual({
        leadDepartmentId: d.office,
        cooperatingDepartmentIds: [d.finance, d.audit],
        responsibleLeaderId: p.zhang,
        coLeaderIds: [],
        dueAt: '2024-09-30',
        kind: 'deadline',
      });
      expect(byKey(draft, 1, 2).assignment).toMatchObject({
        leadDepartmentId: d.finance,
        responsibleLeaderId: p.li,
        kind: 'immediate',
      });
      expect(draft.missing).toEqual([]);
      const committed = await call(world, 'POST', `/imports/documents/${draft.id}/commit`, 'office', {});
      expect(committed).toMatchObject({ status: 201, body: { problems: 1, measures: 2 } });
      const list = await call(world, 'GET', `/measures?inspectionId=${inspectionId}&limit=100`, 'office');
      const measures = Object.fromEntries(list.body.items.map((item: any) => [item.number, item]));
      expect(measures[1]).toMatchObject({
        leadDepartmentId: d.office,
        responsibleLeaderId: p.zhang,
        dueAt: endOf('2024-09-30'),
        kind: 'deadline',
      });
      expect(measures[2]).toMatchObject({ leadDepartmentId: d.finance, responsibleLeaderId: p.li, kind: 'immediate' });
    },
  );
});
