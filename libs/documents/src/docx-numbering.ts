/**
 * Word's automatic numbering, written into the text. Offices number headings and items with Word
 * lists ("一、", "（一）", "1."), and mammoth's raw text keeps only the words: the notice parser then
 * sees no 一、 and finds no problems. This computes each numbered paragraph's label the way Word
 * shows it (the level's text, e.g. "%1、", its counters and number formats) and puts it in front of
 * the paragraph's first run as literal text, so any text extraction that follows sees it.
 */
import JSZip from 'jszip';
import { numberToChinese } from './chinese-numerals';

/** The little of the DOM used here (xmldom's own typings pull the browser's DOM into every program). */
interface XmlNode {
  nodeType: number;
  localName: string;
  namespaceURI: string | null;
  parentNode: XmlNode | null;
  firstChild: XmlNode | null;
  nextSibling: XmlNode | null;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string, name: string): string | null;
  setAttribute(name: string, value: string): void;
  appendChild(node: XmlNode): XmlNode;
  insertBefore(node: XmlNode, before: XmlNode | null): XmlNode;
}
interface XmlDocument {
  documentElement: XmlNode;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlNode>;
  createElementNS(namespace: string, name: string): XmlNode;
  createTextNode(text: string): XmlNode;
}
type Element = XmlNode;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xmldom = require('@xmldom/xmldom') as {
  DOMParser: new () => { parseFromString(source: string, type: string): XmlDocument };
  XMLSerializer: new () => { serializeToString(document: XmlDocument): string };
};
const { DOMParser, XMLSerializer } = xmldom;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  start: number;
  format: string;
  text: string;
}

function children(element: Element | null | undefined, name: string): Element[] {
  if (!element) return [];
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === W)
      found.push(node as Element);
  }
  return found;
}

const child = (element: Element | null | undefined, name: string) => children(element, name)[0] ?? null;
/** A w: attribute, whether the parser bound its namespace or kept the prefixed name. */
const attribute = (element: Element | null | undefined, name: string) =>
  element?.getAttributeNS(W, name) || element?.getAttribute(`w:${name}`) || null;
const value = (element: Element | null | undefined) => attribute(element, 'val');

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

function letters(count: number): string {
  // Word's letter lists: a … z, aa … zz, aaa …
  const letter = String.fromCharCode(97 + ((count - 1) % 26));
  return letter.repeat(Math.floor((count - 1) / 26) + 1);
}

function roman(count: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = count;
  let text = '';
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      text += symbol;
      rest -= amount;
    }
  }
  return text;
}

/** A counter in one of Word's number formats; formats this product's documents do not use fall back to digits. */
export function formatCounter(count: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return numberToChinese(count);
    case 'ideographTraditional':
      return count >= 1 && count <= 10 ? HEAVENLY_STEMS[count - 1] : String(count);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return count >= 1 && count <= 20 ? CIRCLED[count - 1] : String(count);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(count).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    case 'decimalZero':
      return String(count).padStart(2, '0');
    case 'lowerLetter':
      return letters(count);
    case 'upperLetter':
      return letters(count).toUpperCase();
    case 'lowerRoman':
      return roman(count);
    case 'upperRoman':
      return roman(count).toUpperCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(count);
  }
}

interface Numbering {
  /** The list definition a numbering instance uses: instances of one definition count together, as in Word. */
  definitionOf(numId: string): string | null;
  levelsOf(numId: string): Map<number, Level> | null;
  /** Levels this instance restarts (lvlOverride/startOverride), with the value they restart at. */
  overridesOf(numId: string): Map<number, number>;
}

function readLevels(numberingXml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  const root = new DOMParser().parseFromString(numberingXml, 'text/xml').documentElement;
  for (const definition of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const level of children(definition, 'lvl')) {
      levels.set(Number(attribute(level, 'ilvl') ?? 0), {
        start: Number(value(child(level, 'start')) ?? 1),
        format: value(child(level, 'numFmt')) ?? 'decimal',
        text: value(child(level, 'lvlText')) ?? '',
      });
    }
    abstract.set(attribute(definition, 'abstractNumId') ?? '', levels);
  }
  for (const num of children(root, 'num')) {
    const overrides = new Map<number, number>();
    for (const override of children(num, 'lvlOverride')) {
      const start = value(child(override, 'startOverride'));
      if (start !== null) overrides.set(Number(attribute(override, 'ilvl') ?? 0), Number(start));
    }
    nums.set(attribute(num, 'numId') ?? '', { abstractId: value(child(num, 'abstractNumId')) ?? '', overrides });
  }
  return {
    definitionOf: (numId) => nums.get(numId)?.abstractId ?? null,
    levelsOf: (numId) => abstract.get(nums.get(numId)?.abstractId ?? '') ?? null,
    overridesOf: (numId) => nums.get(numId)?.overrides ?? new Map(),
  };
}

/** Paragraph styles that carry numbering (headings are often numbered through their style). */
function readStyleNumbering(stylesXml: string | null): Map<string, { numId: string; level: number }> {
  const numbered = new Map<string, { numId: string; level: number }>();
  if (!stylesXml) return numbered;
  const root = new DOMParser().parseFromString(stylesXml, 'text/xml').documentElement;
  for (const style of children(root, 'style')) {
    const numPr = child(child(style, 'pPr'), 'numPr');
    const numId = value(child(numPr, 'numId'));
    if (numId)
      numbered.set(attribute(style, 'styleId') ?? '', { numId, level: Number(value(child(numPr, 'ilvl')) ?? 0) });
  }
  return numbered;
}

/** Inside the part of an mc:AlternateContent that a reader shows only if it does not understand the other. */
function inAlternative(element: Element): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) {
    if (node.nodeType === 1 && (node as Element).localName === 'Choice') return true;
  }
  return false;
}

/** The same .docx with every automatically numbered paragraph's label written in as text; unchanged when nothing is numbered. */
export async function writeNumberingAsText(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const documentFile = zip.file('word/document.xml');
  const numberingXml = (await zip.file('word/numbering.xml')?.async('string')) ?? null;
  if (!documentFile || !numberingXml) return bytes;
  const numbering = readLevels(numberingXml);
  const styleNumbering = readStyleNumbering((await zip.file('word/styles.xml')?.async('string')) ?? null);
  const document = new DOMParser().parseFromString(await documentFile.async('string'), 'text/xml');
  const counters = new Map<string, number[]>();
  const startedInstances = new Set<string>();
  let labelled = 0;
  const paragraphs = document.getElementsByTagNameNS(W, 'p');
  for (let index = 0; index < paragraphs.length; index += 1) {
    const paragraph = paragraphs[index];
    if (inAlternative(paragraph)) continue;
    const properties = child(paragraph, 'pPr');
    const numPr = child(properties, 'numPr');
    const styled = styleNumbering.get(value(child(properties, 'pStyle')) ?? '');
    const numId = value(child(numPr, 'numId')) ?? styled?.numId ?? null;
    // numId 0 switches numbering off for a paragraph whose style would number it.
    if (!numId || numId === '0') continue;
    const level = Number(value(child(numPr, 'ilvl')) ?? styled?.level ?? 0);
    const levels = numbering.levelsOf(numId);
    const definition = levels?.get(level);
    const definitionId = numbering.definitionOf(numId);
    if (!levels || !definition || definitionId === null) continue;
    const counts = counters.get(definitionId) ?? [];
    counters.set(definitionId, counts);
    const overrides = numbering.overridesOf(numId);
    if (!startedInstances.has(numId)) {
      // An instance that overrides a level's start restarts that level when it is first used.
      startedInstances.add(numId);
      for (const at of overrides.keys()) counts.length = Math.min(counts.length, at);
    }
    const startOf = (at: number) => overrides.get(at) ?? levels.get(at)?.start ?? 1;
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level] + 1;
    // A new item at this level restarts every deeper level.
    counts.length = level + 1;
    const label = definition.text.replace(/%(\d)/g, (_, which: string) => {
      const at = Number(which) - 1;
      return formatCounter(counts[at] ?? startOf(at), levels.get(at)?.format ?? 'decimal');
    });
    if (!label || definition.format === 'bullet') continue;
    const run = document.createElementNS(W, 'w:r');
    const text = document.createElementNS(W, 'w:t');
    text.setAttribute('xml:space', 'preserve');
    text.appendChild(document.createTextNode(label));
    run.appendChild(text);
    paragraph.insertBefore(run, properties ? properties.nextSibling : paragraph.firstChild);
    labelled += 1;
  }
  if (labelled === 0) return bytes;
  zip.file('word/document.xml', new XMLSerializer().serializeToString(document));
  return zip.generateAsync({ type: 'nodebuffer' });
}
