/**
 * The tables of a .docx as grids of cell text, read by mammoth (as the document's text is): a cell
 * merged down (vMerge, which mammoth turns into a rowSpan) repeats on every row it spans, marked as
 * continued, and a cell merged across (gridSpan) takes its first column.
 */
import mammoth from 'mammoth';

/** The little of mammoth's document tree used here. */
interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
  colSpan?: number;
  rowSpan?: number;
}

export interface TableRow {
  /** cells[i] is the text of grid column i (paragraphs separated by \n). */
  cells: string[];
  /** continued[i]: the cell is the lower part of a cell merged down from a row above. */
  continued: boolean[];
}

export interface DocxTable {
  /** The paragraphs before the table (after the previous one), for a title. */
  before: string[];
  rows: TableRow[];
}

/** Text as mammoth's raw text writes it: runs joined, tabs kept, a line per paragraph. */
function textOf(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  const inner = (element.children ?? []).map(textOf).join('');
  return element.type === 'paragraph' ? `${inner}\n` : inner;
}

function grid(table: MammothElement): TableRow[] {
  const rows: TableRow[] = [];
  // Per grid column, a cell from above still spanning down, and for how many more rows.
  const spanning = new Map<number, { text: string; rows: number }>();
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: string[] = [];
    const continued: boolean[] = [];
    const queue = (row.children ?? []).filter((cell) => cell.type === 'tableCell');
    let column = 0;
    while (queue.length || [...spanning.keys()].some((at) => at >= column)) {
      const above = spanning.get(column);
      if (above) {
        cells[column] = above.text;
        continued[column] = true;
        if (--above.rows === 0) spanning.delete(column);
        column += 1;
        continue;
      }
      const cell = queue.shift();
      if (!cell) {
        column += 1;
        continue;
      }
      const text = textOf(cell).trim();
      cells[column] = text;
      continued[column] = false;
      if ((cell.rowSpan ?? 1) > 1) spanning.set(column, { text, rows: (cell.rowSpan ?? 1) - 1 });
      for (let extra = 1; extra < (cell.colSpan ?? 1); extra += 1) {
        cells[column + extra] = '';
        continued[column + extra] = false;
      }
      column += cell.colSpan ?? 1;
    }
    rows.push({ cells: Array.from(cells, (text) => text ?? ''), continued: Array.from(continued, Boolean) });
  }
  return rows;
}

/** Every top-level table of the document, in order, with the paragraphs before each. */
export async function docxTables(docx: Buffer): Promise<DocxTable[]> {
  let body: MammothElement | null = null;
  await mammoth.convertToHtml(
    { buffer: docx },
    {
      transformDocument: (document: MammothElement) => {
        body = document;
        // Only the tree is wanted: nothing left for the HTML writer to do.
        return { ...document, children: [] };
      },
    },
  );
  const tables: DocxTable[] = [];
  let before: string[] = [];
  for (const element of (body as MammothElement | null)?.children ?? []) {
    if (element.type === 'table') {
      tables.push({ before, rows: grid(element) });
      before = [];
    } else {
      const text = textOf(element).trim();
      if (text) before.push(...text.split('\n'));
    }
  }
  return tables;
}
