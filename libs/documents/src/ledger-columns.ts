/**
 * The columns of a ledger (台账) or task list (任务清单) and the header names offices give them: the
 * Excel ledger import and the Word task-list table both find their columns by these names.
 */
export const LEDGER_COLUMNS = [
  { key: 'problemNumber', header: '问题序号', aliases: ['问题编号', '序号'], required: true, width: 10 },
  { key: 'section', header: '所属部分', aliases: [], required: false, width: 24 },
  { key: 'category', header: '所属类别', aliases: ['问题类别'], required: false, width: 24 },
  { key: 'group', header: '所属组别', aliases: [], required: false, width: 24 },
  { key: 'problem', header: '问题', aliases: ['问题描述', '存在问题', '反馈问题'], required: true, width: 36 },
  { key: 'measureNumber', header: '措施序号', aliases: ['措施编号'], required: false, width: 10 },
  { key: 'measure', header: '整改措施', aliases: ['措施'], required: true, width: 60 },
  { key: 'kind', header: '措施类型', aliases: ['整改类型'], required: true, width: 12 },
  { key: 'leader', header: '责任领导', aliases: ['分管领导', '牵头领导'], required: true, width: 14 },
  {
    key: 'leadDepartment',
    header: '牵头部门',
    aliases: ['牵头单位', '责任部门', '责任单位'],
    required: true,
    width: 18,
  },
  { key: 'cooperatingDepartments', header: '配合部门', aliases: ['配合单位'], required: false, width: 24 },
  { key: 'dueAt', header: '整改时限', aliases: ['完成时限', '整改期限', '时限'], required: true, width: 14 },
] as const;

export type LedgerKey = (typeof LEDGER_COLUMNS)[number]['key'];

/** Whether a header cell (spaces removed) names the column. */
export function namesColumn(column: (typeof LEDGER_COLUMNS)[number], header: string): boolean {
  return header === column.header || (column.aliases as readonly string[]).includes(header);
}
