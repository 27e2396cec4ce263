/**
 * What surrounds the heading ladder: the preamble before the first section (title and opening, page
 * clutter of a copied web page dropped) and the closing after the content (call for supervision,
 * contacts, signer, date).
 */
import type { ContactBlock } from './document-model';
import { classify } from './notice-lines';

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
const TITLE_HINT =
  /(整改|巡视|巡察|审计|督查).*(情况|进展|通报|公告|公示|方案|报告)|(情况|进展)的?(通报|公告|公示|报告)$/;

/** A line that reads as the document's title (整改…方案, …情况的通报), not a sentence. */
export const isTitleLine = (line: string) => TITLE_HINT.test(line) && line.length <= 80 && !/[。]$/.test(line);

/** Everything before the first heading: the title and the preamble; `body` is the rest. */
export function readPreamble(
  lines: string[],
  warnings: string[],
): { title: string | null; preamble: string | null; body: string[] } {
  // A stray (1)/(一) before the first 一、 still belongs to the body (it is warned about when the tree is built).
  const firstSection = lines.findIndex((line) => classify(line) !== null);
  const before = firstSection < 0 ? [] : lines.slice(0, firstSection);
  let body = firstSection < 0 ? lines : lines.slice(firstSection);
  const kept = before.filter((line) => !CLUTTER.test(line) && !(line.length < 6 && !/[。，,]/.test(line)));
  const titleIndex = kept.findIndex(isTitleLine);
  const title = titleIndex >= 0 ? kept[titleIndex] : null;
  const preambleLines =
    titleIndex >= 0 ? kept.slice(titleIndex + 1) : kept.filter((line) => line.length >= 20 || /[。]$/.test(line));
  const preamble = preambleLines.length ? preambleLines.join('\n') : null;
  if (firstSection < 0 && lines.length) {
    warnings.push('no 一、 section heading found; everything is read as one section');
    body = lines;
  }
  return { title, preamble, body };
}

export interface Closing {
  /** The body without the closing lines. */
  body: string[];
  lines: string[];
  contact: ContactBlock;
  signer: string | null;
  date: string | null;
}

/** The call for supervision, contacts, signature and date after the content. */
export function readClosing(lines: string[]): Closing {
  let closingIndex = lines.findIndex((line, index) => index > 0 && CLOSING_START.test(line));
  if (closingIndex < 0) closingIndex = lines.length;
  const closingLines = lines.slice(closingIndex);
  const contact: ContactBlock = {};
  for (const line of closingLines) {
    const value = line
      .replace(/^[^:：]*[:：]\s*/, '')
      .replace(/[;；。]\s*$/, '')
      .trim();
    if (/^(联系电话|监督电话|举报电话|电话)/.test(line)) contact.phone = value;
    else if (/^(通信地址|通讯地址|地址)/.test(line)) contact.address = value;
    else if (/^邮\s*编/.test(line)) contact.postcode = value;
    else if (/^(电子邮箱|电子信箱|邮箱|E-?mail)/i.test(line)) contact.email = value;
  }
  const dateLine = [...closingLines].reverse().find((line) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line)) ?? null;
  const signerIndex = dateLine ? closingLines.lastIndexOf(dateLine) - 1 : closingLines.length - 1;
  const signerLine = signerIndex >= 0 ? closingLines[signerIndex] : undefined;
  const signer = signerLine && !/[:：。;；]/.test(signerLine) && signerLine.length <= 40 ? signerLine : null;
  return { body: lines.slice(0, closingIndex), lines: closingLines, contact, signer, date: dateLine };
}
