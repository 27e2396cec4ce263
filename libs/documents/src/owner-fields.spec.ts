import { bracketOwners, mergeOwners, splitNames, takeOwnerPieces } from './owner-fields';

describe('owner names', () => {
  it('splits 、 ， , and spaces in order, trimmed, keeping names as written', () => {
    expect(splitNames('张三、李四')).toEqual(['张三', '李四']);
    expect(splitNames('张三，李四,王五')).toEqual(['张三', '李四', '王五']);
    expect(splitNames(' 张三  李四 ')).toEqual(['张三', '李四']);
    expect(splitNames('县委办公室')).toEqual(['县委办公室']);
  });

  it('reads a space inside a name as padding unless every piece is a name of its own', () => {
    expect(splitNames('财政 局')).toEqual(['财政局']);
    expect(splitNames('赵 六')).toEqual(['赵六']);
    expect(splitNames('赵　六、王 五')).toEqual(['赵六', '王五']);
    expect(splitNames('张三 李 四')).toEqual(['张三', '李四']);
    expect(splitNames('欧阳 明 李四')).toEqual(['欧阳明', '李四']);
    expect(splitNames('财政局 人社 局')).toEqual(['财政局', '人社局']);
    expect(splitNames('张三 (副县长)')).toEqual(['张三(副县长)']);
  });

  it('splits on ；; and /, never on 和 or 及, which department names hold', () => {
    expect(splitNames('财政局；人社局;发改委/审计局')).toEqual(['财政局', '人社局', '发改委', '审计局']);
    expect(splitNames('住房和城乡建设局、自然资源及规划局')).toEqual(['住房和城乡建设局', '自然资源及规划局']);
  });

  it('reads padded names in owner lines and brackets as one name', () => {
    expect(takeOwnerPieces('责任领导：赵 六 牵头部门：财政 局 配合部门：人社局、发改 委').pieces[0].owners).toEqual({
      leaders: ['赵六'],
      leadDepartments: ['财政局'],
      cooperatingDepartments: ['人社局', '发改委'],
    });
    expect(bracketOwners('责任领导:赵 六;牵头单位:财政 局')).toEqual({
      leaders: ['赵六'],
      leadDepartments: ['财政局'],
    });
  });

  it('does not split inside brackets', () => {
    expect(splitNames('张三(常务副主任、党组书记)、李四')).toEqual(['张三(常务副主任、党组书记)', '李四']);
  });
});

describe('owner fields', () => {
  it('reads several fields on one line, separated by spaces or ；/;, with either colon', () => {
    const expected = {
      leaders: ['张三'],
      leadDepartments: ['办公室'],
      deadline: { phrase: '2024年9月底前', dueDate: '2024-09-30', kind: 'deadline' },
    };
    expect(takeOwnerPieces('责任领导：张三 牵头单位：办公室 整改时限：2024年9月底前').pieces[0].owners).toEqual(
      expected,
    );
    expect(takeOwnerPieces('责任领导:张三;牵头单位:办公室；整改时限：2024年9月底前。').pieces[0].owners).toEqual(
      expected,
    );
  });

  it('maps every label to its field', () => {
    expect(
      bracketOwners(
        '牵头领导:甲;分管领导:乙;牵头部门:丙;责任单位:丁;责任部门:戊;配合单位:己;配合部门:庚;完成时限:立行立改;时限:长期坚持',
      ),
    ).toEqual({
      leaders: ['甲', '乙'],
      leadDepartments: ['丙', '丁', '戊'],
      cooperatingDepartments: ['己', '庚'],
      deadline: { phrase: '长期坚持', kind: 'ongoing' },
    });
  });

  it('takes brackets and runs out of a line, with where they stood', () => {
    expect(takeOwnerPieces('一是建立台账(责任领导:张三;牵头单位:办公室)二是开展检查。')).toEqual({
      text: '一是建立台账二是开展检查。',
      pieces: [{ owners: { leaders: ['张三'], leadDepartments: ['办公室'] }, at: 6, bracket: true }],
    });
    expect(takeOwnerPieces('一是建立台账。责任领导：张三。二是开展检查。')).toEqual({
      text: '一是建立台账。二是开展检查。',
      pieces: [{ owners: { leaders: ['张三'] }, at: 7, bracket: false }],
    });
  });

  it('leaves text that only mentions a label alone', () => {
    const line = '明确责任领导和牵头部门,切实加以整改(见附件)。';
    expect(takeOwnerPieces(line)).toEqual({ text: line, pieces: [] });
  });

  it("merges field by field, the measure's own winning", () => {
    expect(
      mergeOwners(
        { leaders: ['张三'], leadDepartments: ['办公室'], deadline: { phrase: '立行立改', kind: 'immediate' } },
        { leaders: ['李四'] },
      ),
    ).toEqual({ leaders: ['李四'], leadDepartments: ['办公室'], deadline: { phrase: '立行立改', kind: 'immediate' } });
  });
});
