/**
 * Writes the public progress notice (整改进展情况) in the seed's shape: opening paragraph, part 一
 * (overall work, with figures), the problem sections down to each problem with its measures'
 * progress as 一是…二是…, part 三, the call for public supervision with contacts, signer and date.
 * Plain text and Markdown here; .docx in notice-docx.ts. Parsing the output gives the same structure.
 */
import { numberToChinese } from './chinese-numerals';
import { ContactBlock, ParsedSection, problemsOf } from './document-model';

export interface NarrativePart {
  title: string;
  paragraphs: string[];
}

export interface NoticeContent {
  title: string;
  opening: string;
  part1: NarrativePart;
  /** The problem sections (numbered after part 一), built from live data. */
  sections: ParsedSection[];
  part3: NarrativePart;
  closingCall: string;
  contact: ContactBlock;
  signer: string;
  date: string;
}

export interface NoticeBlock {
  kind: 'title' | 'section' | 'category' | 'group' | 'paragraph' | 'signature';
  text: string;
}

/** Ends a sentence so the next 一是/二是 marker is read as a new measure. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return /[。！？!?；;]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/** A problem title must not contain 。, which ends the title when the notice is read back. */
export function titleText(text: string): string {
  return text
    .replace(/[。]/g, ',')
    .replace(/[,，;；：:]+$/, '')
    .trim();
}

export function noticeBlocks(content: NoticeContent): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  if (content.title) blocks.push({ kind: 'title', text: content.title });
  if (content.opening) blocks.push({ kind: 'paragraph', text: content.opening.trim() });
  let sectionIndex = 0;
  const narrative = (part: NarrativePart) => {
    sectionIndex += 1;
    blocks.push({ kind: 'section', text: `${numberToChinese(sectionIndex)}、${part.title}` });
    for (const paragraph of part.paragraphs)
      if (paragraph.trim()) blocks.push({ kind: 'paragraph', text: paragraph.trim() });
  };
  narrative(content.part1);
  for (const section of content.sections) {
    sectionIndex += 1;
    blocks.push({ kind: 'section', text: `${numberToChinese(sectionIndex)}、${section.title}` });
    let category: string | null = null;
    let group: string | null = null;
    for (const placed of problemsOf(section)) {
      const categoryKey = placed.category ? `${placed.category.number}|${placed.category.title}` : null;
      if (categoryKey && categoryKey !== category) {
        blocks.push({ kind: 'category', text: `(${placed.category!.number})${placed.category!.title}` });
        group = null;
      }
      category = categoryKey;
      const groupKey = placed.group ? `${categoryKey}|${placed.group.number}|${placed.group.title}` : null;
      if (groupKey && groupKey !== group)
        blocks.push({ kind: 'group', text: `${placed.group!.number}.${placed.group!.title}` });
      group = groupKey;
      const measures = placed.problem.measures
        .map((measure, index) => `${numberToChinese(index + 1)}是${sentence(measure.text)}`)
        .join('');
      blocks.push({
        kind: 'paragraph',
        text: `(${placed.problem.number})${titleText(placed.problem.title)}。${measures}`,
      });
    }
  }
  narrative(content.part3);
  if (content.closingCall) blocks.push({ kind: 'paragraph', text: content.closingCall });
  const contact = content.contact;
  const lines = [
    contact.phone ? `联系电话:${contact.phone};` : null,
    contact.address ? `通信地址:${contact.address};` : null,
    contact.postcode ? `邮 编:${contact.postcode};` : null,
    contact.email ? `电子邮箱:${contact.email}。` : null,
  ].filter((line): line is string => line !== null);
  for (const line of lines) blocks.push({ kind: 'paragraph', text: line });
  if (content.signer) blocks.push({ kind: 'signature', text: content.signer });
  if (content.date) blocks.push({ kind: 'signature', text: content.date });
  return blocks;
}

export function renderNoticeText(content: NoticeContent): string {
  return `${noticeBlocks(content)
    .map((block) => block.text)
    .join('\n')}\n`;
}

/** Markdown: headings for the ladder; user text escaped so it cannot inject markup. */
export function renderNoticeMarkdown(content: NoticeContent): string {
  const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const prefix: Record<NoticeBlock['kind'], string> = {
    title: '# ',
    section: '## ',
    category: '### ',
    group: '#### ',
    paragraph: '',
    signature: '',
  };
  return `${noticeBlocks(content)
    .map((block) => `${prefix[block.kind]}${escape(block.text)}`)
    .join('\n\n')}\n`;
}

/** Chinese date as notices write it: 2025年7月25日 (China time). */
export function chineseDate(date: Date): string {
  const china = new Date(date.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}
