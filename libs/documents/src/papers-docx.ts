/**
 * The formal papers (整改报告, 销号审批表, 三张清单, 督办单) as Word documents in the notice's 公文
 * layout: the notice's own blocks (title, headings, body paragraphs, signature lines) plus the
 * few a paper needs besides — a centred document number, an addressee line without indent, and
 * tables (a cell's lines become its paragraphs, so mammoth reads them back one a line).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { BODY_FONT, noticeParagraph, SIZE } from './notice-docx';
import type { NoticeBlock } from './notice-render';

export interface PaperTable {
  kind: 'table';
  /** The first row, in bold and repeated on every page. */
  header?: string[];
  rows: string[][];
  /** Relative column widths (default equal). */
  widths?: number[];
}

/** A line of a paper: one of the notice's blocks, a document number or addressee line, or a table. */
export type PaperBlock = NoticeBlock | { kind: 'number' | 'addressee'; text: string } | PaperTable;

const TABLE_SIZE = 24; // 小四 = 12 pt
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(text: string, bold: boolean, width: number): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, font: BODY_FONT, size: TABLE_SIZE, bold })],
        }),
    ),
  });
}

function table(block: PaperTable): Table {
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((row) => row.length), 1);
  const weights = block.widths ?? Array.from({ length: columns }, () => 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => Math.round((weight / total) * 100));
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: Array.from({ length: columns }, (_, at) => cell(cells[at] ?? '', header, widths[at] ?? 1)),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(block.header ? [row(block.header, true)] : []), ...block.rows.map((cells) => row(cells, false))],
  });
}

function element(block: PaperBlock): Paragraph | Table {
  switch (block.kind) {
    case 'table':
      return table(block);
    case 'number':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: block.text, font: BODY_FONT, size: SIZE })],
      });
    case 'addressee':
      return new Paragraph({ children: [new TextRun({ text: block.text, font: BODY_FONT, size: SIZE })] });
    default:
      return noticeParagraph(block);
  }
}

export async function renderPaperDocx(title: string, blocks: PaperBlock[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  blocks.forEach((block, at) => {
    children.push(element(block));
    // Word runs two adjacent tables together: a blank line keeps them apart.
    if (block.kind === 'table' && blocks[at + 1]?.kind === 'table') children.push(new Paragraph({}));
  });
  const document = new Document({ creator: 'Rectiflow', title, sections: [{ properties: {}, children }] });
  return Packer.toBuffer(document);
}

/** The paper as plain text: a line per block, a table's rows with their cells joined by tabs. */
export function paperText(blocks: PaperBlock[]): string {
  const lines = blocks.flatMap((block) =>
    block.kind === 'table'
      ? [...(block.header ? [block.header] : []), ...block.rows].map((row) => row.join('\t').replace(/\n/g, ' '))
      : [block.text],
  );
  return `${lines.join('\n')}\n`;
}
