import { LEDGER_COLUMNS, readLedger } from './ledger-format';

describe('the ledger columns (shared with the Word task list)', () => {
  it('are found by header or alias, and read a row', () => {
    const header = ['序号', '问题描述', '整改措施', '措施类型', '牵头领导', '责任单位', '配合单位', '时限'];
    const { rows, errors } = readLedger({
      name: '台账',
      rows: [
        { number: 1, cells: header },
        {
          number: 2,
          cells: ['3', '问题丙', '措施一', '限期整改', '张三', '办公室', '财政局、审计局', '2024年6月30日'],
        },
      ],
    });
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        problemNumber: 3,
        problem: '问题丙',
        measure: '措施一',
        kind: 'deadline',
        leader: '张三',
        leadDepartment: '办公室',
        cooperatingDepartments: ['财政局', '审计局'],
        dueAt: '2024-06-30T15:59:59.000Z',
      }),
    ]);
    expect(LEDGER_COLUMNS.map((column) => column.header)).toContain('问题序号');
  });

  it('ignores the columns only the export has (原定时限, 完成情况) and reads padded names as one', () => {
    const header = [
      '问题序号',
      '问题',
      '整改措施',
      '措施类型',
      '责任领导',
      '牵头部门',
      '配合部门',
      '整改时限',
      '原定时限',
      '完成情况',
    ];
    const { rows, errors } = readLedger({
      name: '台账',
      rows: [
        { number: 1, cells: header },
        {
          number: 2,
          cells: [
            '1',
            '问题甲',
            '措施一',
            '限期整改',
            '张三',
            '办公室',
            '财政 局、审计局',
            '2024-07-31',
            '2024-06-30',
            '未完成',
          ],
        },
      ],
    });
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ cooperatingDepartments: ['财政局', '审计局'], dueAt: '2024-07-31T15:59:59.000Z' });
  });
});
