/**
 * Parses the heading ladder of a rectification plan or progress notice into structure:
 * `一、` section, `(一)` category, `1.` group, `(1)` problem, and inside a problem the measures
 * marked `一是…二是…` (or `①②③`, or a lower numbered level). Pure: text in, JSON out, warnings
 * instead of exceptions, so a malformed document still gives a preview.
 *
 * The problem level is the lowest heading level that carries measures: `(1)` in the seed; where a
 * document has no `(1)` level its `1.` items are the problems; with neither `1.` nor `(一)`,
 * problems hang directly under the section. Sections without problems keep their text as narrative.
 */
import { chineseToNumber } from './chinese-numerals';
import {
  ContactBlock,
  countDocument,
  ParsedCategory,
  ParsedDocument,
  ParsedGroup,
  ParsedMeasure,
  ParsedProblem,
  ParsedSection,
  problemsOf,
} from './document-model';

type Level = 1 | 2 | 3 | 4;

interface HeadingNode {
  level: Level;
  number: string;
  head: string;
  lines: string[];
  children: HeadingNode[];
}

const CHINESE = '零〇一二两三四五六七八九十百';
const HEADINGS: { level: Level; pattern: RegExp }[] = [
  { level: 1, pattern: new RegExp(`^([${CHINESE}]{1,4})\\s*[、，,]\\s*(.*)$`) },
  { level: 2, pattern: new RegExp(`^\\(\\s*([${CHINESE}]{1,4})\\s*\\)\\s*[、.]?\\s*(.*)$`) },
  { level: 3, pattern: /^(\d{1,3})\s*(?:[.、](?!\d)|\s+(?=\D))\s*(.*)$/ },
  { level: 4, pattern: /^\(\s*(\d{1,3})\s*\)\s*[、.]?\s*(.*)$/ },
];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKER = new RegExp(`(?:^|(?<=[。；;：:，,！!？?\\s]))([${CHINESE}]{1,3})是|([${CIRCLED}])`, 'g');
const CLUTTER = new RegExp(
  [
    '^(首页|当前位置|您的位置|您现在的位置|位置[:：])',
    '^(索引号|发布机构|发文机关|发布日期|发布时间|成文日期|生成日期|公开方式|公开范围|主题分类|体裁分类|文号|发文字号|信息来源|来源|作者|责任编辑|编辑)\\s*[:：]',
    '(浏览次数|访问次数|阅读次数|点击数|浏览量|阅读量)\\s*[:：]?\\s*\\d*',
    '^(字号|【?\\s*字体)\\s*[:：]?\\s*[大中小]',
    '^[【\\[]?(打印|关闭|分享|收藏|返回顶部|打印本页|关闭窗口)',
    '\\s[>›»]\\s|[>›»]{1}.*[>›»]',
  ].join('|'),
);
const CLOSING_START = /^(欢迎.{0,20}(监督|意见)|如有.{0,10}(意见|建议)|联系电话|监督电话|举报电话)/;
const TITLE_HINT = /(整改|巡视|巡察|审计|督查).*(情况|进展|通报|公告|公示|方案|报告)|(情况|进展)的?(通报|公告|公示|报告)$/;

/** Full-width forms, Markdown decoration and stray spaces removed, one logical line per entry. */
export function normaliseLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\u00a0|\u3000/g, ' ')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/．/g, '.')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*#{1,6}\s*/, '')
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*[-*+]\s+/, '')
        .replace(/\*\*|__/g, '')
        .replace(/\\([\\`*_[\]<>#|])/g, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0 && !/^[-*_=]{3,}$/.test(line));
}

function classify(line: string): { level: Level; number: string; rest: string } | null {
  for (const { level, pattern } of HEADINGS) {
    const match = pattern.exec(line);
    if (!match) continue;
    // "1 " followed by a space only counts as a heading when text follows (Markdown lists); "2024年" never does.
    if (level === 1 && chineseToNumber(match[1]) === null) continue;
    return { level, number: match[1], rest: match[2].trim() };
  }
  return null;
}

function splitOnFirstStop(text: string): { title: string; rest: string } {
  const stop = text.search(/[。]/);
  if (stop < 0) return { title: text.replace(/[：:；;，,]\s*$/, '').trim(), rest: '' };
  return { title: text.slice(0, stop).trim(), rest: text.slice(stop + 1).trim() };
}

function markerValue(match: RegExpExecArray): { kind: 'chinese' | 'circled'; value: number } | null {
  if (match[1]) {
    const value = chineseToNumber(match[1]);
    return value === null ? null : { kind: 'chinese', value };
  }
  return { kind: 'circled', value: CIRCLED.indexOf(match[2]) + 1 };
}

/** Splits `一是…二是…` (or `①…②…`) into measures, accepting markers only in sequence. */
export function splitMeasures(text: string): { preface: string; measures: ParsedMeasure[] } | null {
  const found: { index: number; length: number }[] = [];
  let kind: 'chinese' | 'circled' | null = null;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
    const marker = markerValue(match);
    if (!marker) continue;
    if (kind === null) {
      if (marker.value !== 1) continue;
      kind = marker.kind;
    }
    if (marker.kind === kind && marker.value === found.length + 1) found.push({ index: match.index, length: match[0].length });
  }
  if (found.length === 0) return null;
  const measures = found.map((marker, index) => ({
    number: index + 1,
    text: text.slice(marker.index + marker.length, index + 1 < found.length ? found[index + 1].index : undefined).trim(),
  }));
  return { preface: text.slice(0, found[0].index).trim(), measures };
}

function bodyOf(node: HeadingNode): string {
  return [node.head, ...node.lines].join('');
}

function hasMarkers(node: HeadingNode): boolean {
  return splitMeasures(splitOnFirstStop(bodyOf(node)).rest) !== null;
}

function nodesAt(nodes: HeadingNode[], level: Level): HeadingNode[] {
  return nodes.flatMap((node) => [...(node.level === level ? [node] : []), ...nodesAt(node.children, level)]);
}

function allText(node: HeadingNode): string {
  const own = node.head && node.level !== 1 ? `${node.head}\n` : '';
  return own + node.lines.join('\n') + node.children.map((child) => `\n${child.number ? numberLabel(child) : ''}${allText(child)}`).join('');
}

function numberLabel(node: HeadingNode): string {
  switch (node.level) {
    case 1:
      return `${node.number}、`;
    case 2:
      return `(${node.number})`;
    case 3:
      return `${node.number}.`;
    case 4:
      return `(${node.number})`;
  }
}

export function parseNotice(text: string): ParsedDocument {
  const warnings: string[] = [];
  const lines = normaliseLines(text ?? '');
  if (lines.length === 0) warnings.push('the document is empty');

  // 1. Preamble: everything before the first section heading; page clutter dropped.
  // A stray (1)/(一) before the first 一、 still belongs to the body (it is warned about below).
  const firstSection = lines.findIndex((line) => classify(line) !== null);
  const before = firstSection < 0 ? [] : lines.slice(0, firstSection);
  let body = firstSection < 0 ? lines : lines.slice(firstSection);
  const kept = before.filter((line) => !CLUTTER.test(line) && !(line.length < 6 && !/[。，,]/.test(line)));
  const titleIndex = kept.findIndex((line) => TITLE_HINT.test(line) && line.length <= 80 && !/[。]$/.test(line));
  const title = titleIndex >= 0 ? kept[titleIndex] : null;
  const preambleLines = titleIndex >= 0 ? kept.slice(titleIndex + 1) : kept.filter((line) => line.length >= 20 || /[。]$/.test(line));
  const preamble = preambleLines.length ? preambleLines.join('\n') : null;
  if (firstSection < 0 && lines.length) {
    warnings.push('no 一、 section heading found; everything is read as one section');
    body = lines;
  }

  // 2. Closing: the call for supervision, contacts, signature and date after the content.
  let closingIndex = body.findIndex((line, index) => index > 0 && CLOSING_START.test(line));
  if (closingIndex < 0) closingIndex = body.length;
  const closingLines = body.slice(closingIndex);
  body = body.slice(0, closingIndex);
  const contact: ContactBlock = {};
  for (const line of closingLines) {
    const value = line.replace(/^[^:：]*[:：]\s*/, '').replace(/[;；。]\s*$/, '').trim();
    if (/^(联系电话|监督电话|举报电话|电话)/.test(line)) contact.phone = value;
    else if (/^(通信地址|通讯地址|地址)/.test(line)) contact.address = value;
    else if (/^邮\s*编/.test(line)) contact.postcode = value;
    else if (/^(电子邮箱|电子信箱|邮箱|E-?mail)/i.test(line)) contact.email = value;
  }
  const dateLine = [...closingLines].reverse().find((line) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line)) ?? null;
  const signerIndex = dateLine ? closingLines.lastIndexOf(dateLine) - 1 : closingLines.length - 1;
  const signerLine = signerIndex >= 0 ? closingLines[signerIndex] : undefined;
  const signer = signerLine && !/[:：。;；]/.test(signerLine) && signerLine.length <= 40 ? signerLine : null;

  // 3. A tree of headings per section, with the plain lines under each.
  const root: HeadingNode = { level: 1, number: '', head: '', lines: [], children: [] };
  const sectionsRaw: HeadingNode[] = [];
  const stack: HeadingNode[] = [];
  let current: HeadingNode | null = null;
  for (const line of body) {
    const heading = classify(line);
    if (!heading) {
      (current ?? root).lines.push(line);
      continue;
    }
    const node: HeadingNode = { level: heading.level, number: heading.number, head: heading.rest, lines: [], children: [] };
    if (heading.level === 1) {
      sectionsRaw.push(node);
      stack.length = 0;
      stack.push(node);
    } else {
      while (stack.length && stack[stack.length - 1].level >= heading.level) stack.pop();
      if (stack.length === 0) {
        const implicit: HeadingNode = { level: 1, number: '', head: '', lines: [], children: [] };
        sectionsRaw.push(implicit);
        stack.push(implicit);
        warnings.push(`"${line.slice(0, 20)}" comes before any 一、 section; it is placed in an untitled section`);
      }
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    }
    current = node;
  }
  if (sectionsRaw.length === 0 && root.lines.length) sectionsRaw.push({ ...root, children: [] });

  // 4. Does the document mark measures anywhere (一是/①)? Then sections without markers are narrative.
  const documentHasMarkers = sectionsRaw.some((section) => [2, 3, 4].some((level) => nodesAt(section.children, level as Level).some(hasMarkers)));

  const sections: ParsedSection[] = sectionsRaw.map((raw) => buildSection(raw, documentHasMarkers, warnings));
  checkNumbering(sections, warnings);
  return {
    title,
    preamble,
    sections,
    closing: closingLines.length ? closingLines.join('\n') : null,
    contact,
    signer,
    date: dateLine,
    warnings,
    counts: countDocument(sections),
  };
}

function buildSection(raw: HeadingNode, documentHasMarkers: boolean, warnings: string[]): ParsedSection {
  const section: ParsedSection = { number: raw.number, title: raw.head };
  const label = raw.number ? `section ${raw.number}、` : 'the untitled section';
  if (!raw.head && raw.number) warnings.push(`${label} has no title`);
  if (raw.children.length === 0 && raw.lines.length === 0) {
    warnings.push(`${label} is empty`);
    section.narrative = '';
    return section;
  }
  const markedLevels = ([2, 3, 4] as Level[]).filter((level) => nodesAt(raw.children, level).some(hasMarkers));
  let problemLevel: Level | null = markedLevels.length ? markedLevels[markedLevels.length - 1] : null;
  let childrenAsMeasures = false;
  if (problemLevel === null && !documentHasMarkers) {
    // No 一是 markers anywhere: with two heading levels the lower one lists the measures.
    const levels = ([2, 3, 4] as Level[]).filter((level) => nodesAt(raw.children, level).length > 0);
    if (levels.length >= 2) {
      problemLevel = levels[levels.length - 2];
      childrenAsMeasures = true;
    }
  }
  if (problemLevel === null) {
    section.narrative = allText(raw).trim();
    return section;
  }
  const level = problemLevel;
  const toProblem = (node: HeadingNode): ParsedProblem => makeProblem(node, childrenAsMeasures, warnings);
  const walk = (nodes: HeadingNode[], into: { categories?: ParsedCategory[]; groups?: ParsedGroup[]; problems?: ParsedProblem[] }, depth: Level[]) => {
    for (const node of nodes) {
      if (node.level === level) {
        (into.problems ??= []).push(toProblem(node));
      } else if (node.level < level) {
        if (node.level === 2) {
          const category: ParsedCategory = { number: node.number, title: stripStop(node.head) };
          (into.categories ??= []).push(category);
          walk(node.children, category, [...depth, 2]);
          if (node.lines.length) warnings.push(`text under (${node.number}) outside any problem was left out: "${node.lines.join('').slice(0, 30)}"`);
        } else if (node.level === 3) {
          const group: ParsedGroup = { number: node.number, title: stripStop(node.head), problems: [] };
          (into.groups ??= []).push(group);
          walk(node.children, group as { problems?: ParsedProblem[] }, [...depth, 3]);
        }
      } else {
        warnings.push(`"${numberLabel(node)}${node.head.slice(0, 20)}" sits below the problem level outside any problem; left out`);
      }
    }
  };
  walk(raw.children, section, []);
  if (raw.lines.length) section.narrative = raw.lines.join('\n');
  return section;
}

function stripStop(text: string): string {
  return text.replace(/[。：:；;]\s*$/, '').trim();
}

function makeProblem(node: HeadingNode, childrenAsMeasures: boolean, warnings: string[]): ParsedProblem {
  const { title, rest } = splitOnFirstStop(node.head);
  const body = [rest, ...node.lines].filter(Boolean).join('');
  const label = `problem (${node.number})`;
  if (!title) warnings.push(`${label} has no title`);
  const split = splitMeasures(body);
  let measures: ParsedMeasure[];
  let preface: string | undefined;
  if (split) {
    measures = split.measures;
    preface = split.preface || undefined;
    if (node.children.length) warnings.push(`${label} has numbered items besides its 一是/二是 measures; they were left out`);
  } else if (node.children.length && (childrenAsMeasures || !body)) {
    measures = node.children.map((child, index) => ({ number: index + 1, text: [child.head, ...child.lines].join('').trim() }));
    preface = body || undefined;
  } else if (body) {
    measures = [{ number: 1, text: body }];
    warnings.push(`${label} has no 一是/二是 markers; its text is taken as one measure`);
  } else {
    measures = [];
    warnings.push(`${label} has no measures`);
  }
  const empty = measures.filter((measure) => !measure.text);
  if (empty.length) warnings.push(`${label} has empty measure(s): ${empty.map((measure) => measure.number).join(', ')}`);
  return { number: node.number, title, measures, ...(preface ? { preface } : {}) };
}

function checkNumbering(sections: ParsedSection[], warnings: string[]) {
  const numbers = sections.flatMap((section) => problemsOf(section).map((placed) => Number(placed.problem.number)));
  const seen = new Set<number>();
  for (const number of numbers) {
    if (seen.has(number)) warnings.push(`problem number (${number}) appears more than once`);
    seen.add(number);
  }
  for (let index = 1; index < numbers.length; index += 1) {
    const previous = numbers[index - 1];
    const current = numbers[index];
    // Numbering either runs on through the document or restarts at 1 under a new heading.
    if (current !== previous + 1 && current !== 1 && current !== previous) {
      warnings.push(`problem numbers jump from (${previous}) to (${current})`);
    }
  }
}
