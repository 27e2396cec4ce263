/** The progress notice as a Word document (the `docx` package), in the layout of official notices. */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { NoticeBlock, noticeBlocks, NoticeContent } from './notice-render';

export const BODY_FONT = '仿宋_GB2312';
export const HEADING_FONT = '黑体';
export const TITLE_FONT = '方正小标宋简体';
export const SIZE = 32; // 三号 = 16 pt, in half-points

/** One block of a notice in the 公文 layout (the formal papers reuse it). */
export function noticeParagraph(block: NoticeBlock): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: block.text, font: TITLE_FONT, size: 44 })],
      });
    case 'section':
      return new Paragraph({
        heading: HeadingLevel.HEADING_1,
        indent: { firstLine: 640 },
        children: [new TextRun({ text: block.text, font: HEADING_FONT, size: SIZE })],
      });
    case 'category':
      return new Paragraph({
        heading: HeadingLevel.HEADING_2,
        indent: { firstLine: 640 },
        children: [new TextRun({ text: block.text, font: '楷体_GB2312', size: SIZE, bold: true })],
      });
    case 'group':
      return new Paragraph({
        heading: HeadingLevel.HEADING_3,
        indent: { firstLine: 640 },
        children: [new TextRun({ text: block.text, font: BODY_FONT, size: SIZE, bold: true })],
      });
    case 'signature':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: block.text, font: BODY_FONT, size: SIZE })],
      });
    default:
      return new Paragraph({
        indent: { firstLine: 640 },
        spacing: { line: 560 },
        children: [new TextRun({ text: block.text, font: BODY_FONT, size: SIZE })],
      });
  }
}

export async function renderNoticeDocx(content: NoticeContent): Promise<Buffer> {
  const document = new Document({
    creator: 'Rectiflow',
    title: content.title,
    sections: [{ properties: {}, children: noticeBlocks(content).map(noticeParagraph) }],
  });
  return Packer.toBuffer(document);
}
