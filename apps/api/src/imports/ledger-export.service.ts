import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { MEASURE_KIND_LABELS, PROGRESS_LABELS, STAGE_LABELS } from '@rectiflow/domain';
import { LedgerExportRow, LedgerRepository } from '@rectiflow/persistence';
import { LEDGER_COLUMNS } from './ledger-format';

const COLOUR_LABELS: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

/**
 * The import's columns (整改时限 is the deadline in force: 调整后时限 once changed), then 原定时限 and the
 * live state of each measure. An import reads only its own columns, so an export re-imports as it is.
 */
const EXPORT_COLUMNS = [
  ...LEDGER_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width })),
  { header: '原定时限', key: 'originalDueAt', width: 14 },
  { header: '阶段', key: 'stage', width: 10 },
  { header: '完成情况', key: 'progress', width: 10 },
  { header: '红黄绿灯', key: 'colour', width: 10 },
  { header: '轮次', key: 'round', width: 8 },
  { header: '当前阶段时限', key: 'stageDueAt', width: 18 },
  { header: '佐证材料数', key: 'evidence', width: 12 },
  { header: '最新进展', key: 'latestProgress', width: 50 },
  { header: '销号时间', key: 'signedOffAt', width: 18 },
  { header: '办结时间', key: 'closedAt', width: 18 },
];

/** One exported line: labels in Chinese, days in China time. */
function exportRecord(row: LedgerExportRow): Record<string, unknown> {
  const day = (value: Date | null) =>
    value ? new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '';
  const label = (number: string | null, title: string | null, format: (n: string) => string) =>
    title ? `${number ? format(number) : ''}${title}` : '';
  return {
    problemNumber: row.problem_number,
    section: label(row.section_number, row.section_title, (n) => `${n}、`),
    category: label(row.category_number, row.category_title, (n) => `(${n})`),
    group: label(row.group_number, row.group_title, (n) => `${n}.`),
    problem: row.problem,
    measureNumber: row.measure_number,
    measure: row.measure,
    kind: MEASURE_KIND_LABELS[row.kind],
    leader: row.leader,
    leadDepartment: row.lead_department,
    cooperatingDepartments: row.cooperating,
    dueAt: row.kind === 'ongoing' ? '长期坚持' : day(row.due_at),
    // A 长期坚持 measure has no date deadline of its own (its stored one is the first report's).
    originalDueAt: row.kind === 'ongoing' ? '' : day(row.original_due_at),
    stage: STAGE_LABELS[row.stage],
    progress: row.progress ? PROGRESS_LABELS[row.progress] : '已作废',
    colour: COLOUR_LABELS[row.colour],
    round: row.round,
    stageDueAt: day(row.stage_due_at),
    evidence: row.evidence_count,
    latestProgress: row.latest_progress ?? '',
    signedOffAt: day(row.signed_off_at),
    closedAt: day(row.closed_at),
  };
}

/** The ledger's on-screen filters and who looks at it: the export then holds the rows the screen shows. */
export type LedgerNarrowing = Parameters<LedgerRepository['exportRows']>[1];

/** The live ledger (台账) as .xlsx and CSV. */
@Injectable()
export class LedgerExportService {
  constructor(private readonly ledger: LedgerRepository) {}

  /** One sheet per section, Chinese headers, filters on, header frozen. */
  async exportXlsx(inspectionId: string, narrowed?: LedgerNarrowing): Promise<Buffer> {
    const rows = await this.ledger.exportRows(inspectionId, narrowed);
    const workbook = new ExcelJS.Workbook();
    const bySection = new Map<string, LedgerExportRow[]>();
    for (const row of rows) {
      const name = row.section_title ? `${row.section_number ?? ''}、${row.section_title}` : '整改台账';
      bySection.set(name, [...(bySection.get(name) ?? []), row]);
    }
    if (bySection.size === 0) bySection.set('整改台账', []);
    const used = new Set<string>();
    for (const [name, sectionRows] of bySection) {
      let sheetName = name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31);
      for (let suffix = 2; used.has(sheetName); suffix += 1) sheetName = `${sheetName.slice(0, 28)}(${suffix})`;
      used.add(sheetName);
      const sheet = workbook.addWorksheet(sheetName);
      sheet.columns = EXPORT_COLUMNS;
      sectionRows.forEach((row) => sheet.addRow(exportRecord(row)));
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async exportCsv(inspectionId: string, narrowed?: LedgerNarrowing): Promise<string> {
    const rows = await this.ledger.exportRows(inspectionId, narrowed);
    const quote = (value: unknown) => {
      const text = value === null || value === undefined ? '' : String(value);
      // A leading = + - @ would run as a formula when Excel opens the file.
      const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const lines = [EXPORT_COLUMNS.map((column) => quote(column.header)).join(',')];
    for (const row of rows) {
      const record = exportRecord(row);
      lines.push(EXPORT_COLUMNS.map((column) => quote(record[column.key])).join(','));
    }
    return `\ufeff${lines.join('\r\n')}\r\n`;
  }
}
