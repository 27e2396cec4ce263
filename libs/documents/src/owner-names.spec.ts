import { completeOwners, effectiveOwners, NameResolver, resolveOwners, slotsOf, viewOf } from './owner-assignment';
import { lookupKeys, matchName, nameKey } from './owner-names';

const departments = [
  { id: 'd1', name: '县委办公室' },
  { id: 'd2', name: '县财政局' },
  { id: 'd3', name: '县审计局(一)' },
];
const people = [
  { id: 'p1', name: '张三' },
  { id: 'p2', name: '李 四' },
  { id: 'p3', name: '王五' },
  { id: 'p4', name: '王五' },
  { id: 'p5', name: 'ＡＢＣ' },
];

describe('nameKey', () => {
  it('folds full-width characters and drops every whitespace', () => {
    expect(nameKey('县委　办公室 ')).toBe('县委办公室');
    expect(nameKey('县审计局（一）')).toBe('县审计局(一)');
    expect(nameKey('ＡＢＣ\t1')).toBe('ABC1');
  });
});

describe('matchName', () => {
  it('matches the exact spelling first', () => {
    expect(matchName('县财政局', departments)).toEqual({ status: 'matched', id: 'd2', name: '县财政局', exact: true });
  });

  it('then ignores spaces and full-width/half-width differences', () => {
    expect(matchName('县委 办公室', departments)).toMatchObject({ status: 'matched', id: 'd1', exact: false });
    expect(matchName('县审计局（一）', departments)).toMatchObject({ status: 'matched', id: 'd3', exact: false });
    expect(matchName('李四', people)).toMatchObject({ status: 'matched', id: 'p2', name: '李 四' });
    expect(matchName('ABC', people)).toMatchObject({ status: 'matched', id: 'p5' });
  });

  it('prefers an exact match over a loose one', () => {
    const both = [...departments, { id: 'd9', name: '县财政局 ' }];
    expect(matchName('县财政局', both)).toMatchObject({ id: 'd2', exact: true });
    expect(matchName('县财政局 ', both)).toMatchObject({ id: 'd9', exact: true });
  });

  it('calls two people of one name ambiguous instead of guessing', () => {
    expect(matchName('王五', people)).toEqual({
      status: 'ambiguous',
      candidates: [
        { id: 'p3', name: '王五' },
        { id: 'p4', name: '王五' },
      ],
    });
  });

  it('drops a bracketed title after a person’s name only when asked to', () => {
    expect(matchName('张三（副县长）', people, { titles: true })).toMatchObject({ status: 'matched', id: 'p1' });
    expect(matchName('张三（副县长）', people)).toEqual({ status: 'unknown' });
    expect(lookupKeys(['张三（副县长）', ' '], { titles: true })).toEqual(['张三(副县长)', '张三']);
  });

  it('answers unknown for a name nobody has, and for a blank one', () => {
    expect(matchName('县教育局', departments)).toEqual({ status: 'unknown' });
    expect(matchName('  ', departments)).toEqual({ status: 'unknown' });
  });
});

describe('owner assignment', () => {
  const resolver: NameResolver = {
    department: (name) => {
      const match = matchName(name, departments);
      if (match.status === 'matched') return { id: match.id };
      return name === '县新局' ? { create: true } : { unknown: true };
    },
    person: (name) => {
      const match = matchName(name, people, { titles: true });
      return match.status === 'matched' ? { id: match.id } : { unknown: true };
    },
  };

  it('lets the measure’s own fields win over the problem’s, field by field', () => {
    const problem = {
      owners: {
        leaders: ['张三'],
        leadDepartments: ['县委办公室'],
        cooperatingDepartments: ['县财政局'],
        deadline: { phrase: '2024年9月底前', dueDate: '2024-09-30', kind: 'deadline' as const },
      },
    };
    const measure = { owners: { leaders: ['李四'], deadline: { phrase: '立行立改', kind: 'immediate' as const } } };
    expect(effectiveOwners(problem, measure)).toEqual({
      leaders: ['李四'],
      leadDepartments: ['县委办公室'],
      cooperatingDepartments: ['县财政局'],
      deadline: { phrase: '立行立改', kind: 'immediate' },
    });
    expect(effectiveOwners({}, {})).toBeNull();
  });

  it('reads the first leader and lead department as responsible, the rest as co-leaders and cooperating', () => {
    expect(
      slotsOf({
        leaders: ['张三', '李四', '张三'],
        leadDepartments: ['县委办公室', '县财政局'],
        cooperatingDepartments: ['县审计局(一)', '县委办公室'],
        deadline: { phrase: '2024年9月底前', dueDate: '2024-09-30' },
      }),
    ).toEqual({
      leadDepartment: '县委办公室',
      cooperatingDepartments: ['县财政局', '县审计局(一)'],
      responsibleLeader: '张三',
      coLeaders: ['李四'],
      dueAt: '2024-09-30',
      kind: 'deadline',
    });
    expect(slotsOf({ deadline: { phrase: '长期坚持', kind: 'ongoing', dueDate: '2024-02-30' } })).toMatchObject({
      dueAt: null,
      kind: 'ongoing',
    });
  });

  it('resolves names to ids, keeps the unknown and the ones to create, and lets the office’s edits win', () => {
    const slots = slotsOf({
      leaders: ['张三', '赵六'],
      leadDepartments: ['县委 办公室'],
      cooperatingDepartments: ['县新局', '县教育局'],
    });
    const view = viewOf(resolveOwners(slots, {}, resolver));
    expect(view).toEqual({
      assignment: {
        leadDepartmentId: 'd1',
        cooperatingDepartmentIds: [],
        responsibleLeaderId: 'p1',
        coLeaderIds: [],
        dueAt: null,
        kind: null,
      },
      unknown: { departments: ['县教育局'], people: ['赵六'] },
      toCreate: { departments: ['县新局'], people: [] },
      missing: ['cooperatingDepartmentIds', 'coLeaderIds', 'dueAt'],
    });
    const edited = resolveOwners(
      slots,
      { cooperatingDepartmentIds: ['d2'], coLeaderIds: [], dueAt: '2025-01-31' },
      resolver,
    );
    expect(viewOf(edited)).toMatchObject({
      assignment: { cooperatingDepartmentIds: ['d2'], coLeaderIds: [], dueAt: '2025-01-31' },
      unknown: { departments: [], people: [] },
      missing: [],
    });
    expect(edited.edited).toEqual(['cooperatingDepartmentIds', 'coLeaderIds', 'dueAt']);
  });

  it('completes a measure with the defaults only where it has nothing, and the ids of created names', () => {
    const created = { departments: new Map([['县新局', 'new-d']]), people: new Map<string, string>() };
    const resolved = resolveOwners(slotsOf({ leadDepartments: ['县新局'] }), {}, resolver);
    expect(completeOwners(resolved, {}, created)).toEqual({ missing: ['responsibleLeaderId', 'dueAt'] });
    expect(
      completeOwners(resolved, { leadDepartmentId: 'd2', responsibleLeaderId: 'p1', dueAt: '2026-06-30' }, created),
    ).toEqual({
      owners: {
        leadDepartmentId: 'new-d',
        cooperatingDepartmentIds: [],
        responsibleLeaderId: 'p1',
        coLeaderIds: [],
        dueAt: '2026-06-30',
        kind: 'deadline',
      },
    });
    const unknownLead = resolveOwners(slotsOf({ leadDepartments: ['县教育局'] }), {}, resolver);
    expect(
      completeOwners(unknownLead, { leadDepartmentId: 'd2', responsibleLeaderId: 'p1', dueAt: '2026-06-30' }, created),
    ).toEqual({
      missing: ['leadDepartmentId'],
    });
  });

  it('needs no deadline for 立行立改 and 长期坚持, and gives them no default one', () => {
    const owners = { leaders: ['张三'], leadDepartments: ['县财政局'] };
    const none = { departments: new Map<string, string>(), people: new Map<string, string>() };
    const immediate = resolveOwners(
      slotsOf({ ...owners, deadline: { phrase: '立行立改', kind: 'immediate' } }),
      {},
      resolver,
    );
    expect(completeOwners(immediate, {}, none)).toMatchObject({ owners: { dueAt: null, kind: 'immediate' } });
    expect(completeOwners(immediate, { dueAt: '2099-06-30' }, none)).toMatchObject({ owners: { dueAt: null } });
    const ongoing = resolveOwners(
      slotsOf({ ...owners, deadline: { phrase: '长期坚持', kind: 'ongoing' } }),
      {},
      resolver,
    );
    expect(completeOwners(ongoing, {}, none)).toMatchObject({ owners: { dueAt: null, kind: 'ongoing' } });
    // Without a kind of its own a measure takes the default kind and the default deadline.
    const plain = resolveOwners(slotsOf(owners), {}, resolver);
    expect(completeOwners(plain, { kind: 'ongoing' }, none)).toMatchObject({
      owners: { dueAt: null, kind: 'ongoing' },
    });
    expect(completeOwners(plain, { kind: 'immediate', dueAt: '2026-02-01' }, none)).toMatchObject({
      owners: { dueAt: '2026-02-01', kind: 'immediate' },
    });
  });
});
