/** The empty ledger (台账) an office downloads to fill in: the import's columns, one example row and how to fill it. */
import ExcelJS from 'exceljs';
import { MEASURE_KIND_LABELS } from '@rectiflow/domain';
import { LEDGER_COLUMNS } from './ledger-format';

export async function ledgerTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('整改台账');
  sheet.columns = LEDGER_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  sheet.addRow({
    problemNumber: 9,
    section: '二、坚持问题导向,全面推进整改任务落地落细',
    category: '(一)贯彻党中央及省、市委重大决策部署,落实高质量发展标杆方面',
    group: '3.持续推进高质量发展',
    problem: '优化招引机制,加强项目监管,实现投资、税收双提升',
    measureNumber: 1,
    measure: '强化项目入园审查,严格执行拿地门槛,全面提升项目质量,增加项目资金到位率。',
    kind: '限期整改',
    leader: '张三',
    leadDepartment: '投资合作中心',
    cooperatingDepartments: '经济发展局、财政局',
    dueAt: '2024-06-30',
  });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const kinds = `"${Object.values(MEASURE_KIND_LABELS).join(',')}"`;
  for (let row = 2; row <= 1000; row += 1)
    sheet.getCell(row, 8).dataValidation = { type: 'list', allowBlank: false, formulae: [kinds] };
  const help = workbook.addWorksheet('填表说明');
  [
    '每行一项整改措施;同一问题的多项措施填写相同的问题序号和问题。',
    '措施类型:立行立改、限期整改、长期坚持。',
    '整改时限:日期,如 2024-06-30 或 2024年6月30日;长期坚持可填“长期坚持”。',
    '责任领导、牵头部门、配合部门填写系统中的姓名和部门名称;多个配合部门用顿号分隔。',
    '再次导入同一台账会更新已有问题和措施,不会重复创建。',
  ].forEach((line) => help.addRow([line]));
  help.getColumn(1).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
