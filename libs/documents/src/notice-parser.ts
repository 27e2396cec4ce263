/**
 * Parses the heading ladder of a rectification plan or progress notice into structure:
 * `一、` section, `(一)` category, `1.` group, `(1)` problem, and inside a problem the measures
 * marked `一是…二是…` (or `①②③`, or a lower numbered level). Pure: text in, JSON out, warnings
 * instead of exceptions, so a malformed document still gives a preview.
 *
 * The problem level is the lowest heading level that carries measures: `(1)` in the seed; where a
 * document has no `(1)` level its `1.` items are the problems; with neither `1.` nor `(一)`,
 * problems hang directly under the section. Sections without problems keep their text as narrative.
 *
 * The steps live in their own files: lines and headings (notice-lines), measure markers
 * (notice-measures), preamble and closing (notice-frame), the heading tree (notice-tree) and the
 * sections built from it (notice-sections).
 */
import { countDocument, ParsedDocument, ParsedSection, problemsOf } from './document-model';
import { readClosing, readPreamble } from './notice-frame';
import { Level, normaliseLines } from './notice-lines';
import { buildSection } from './notice-sections';
import { hasMarkers, headingTree, nodesAt } from './notice-tree';

export { normaliseLines } from './notice-lines';
export { splitMeasures } from './notice-measures';

export function parseNotice(text: string): ParsedDocument {
  const warnings: string[] = [];
  const lines = normaliseLines(text ?? '');
  if (lines.length === 0) warnings.push('the document is empty');

  // 1. Preamble: everything before the first section heading; page clutter dropped.
  const { title, preamble, body: content } = readPreamble(lines, warnings);

  // 2. Closing: the call for supervision, contacts, signature and date after the content.
  const closing = readClosing(content);

  // 3. A tree of headings per section, with the plain lines under each.
  const sectionsRaw = headingTree(closing.body, warnings);

  // 4. Does the document mark measures anywhere (一是/①)? Then sections without markers are narrative.
  const documentHasMarkers = sectionsRaw.some((section) =>
    [2, 3, 4].some((level) => nodesAt(section.children, level as Level).some(hasMarkers)),
  );

  const sections: ParsedSection[] = sectionsRaw.map((raw) => buildSection(raw, documentHasMarkers, warnings));
  checkNumbering(sections, warnings);
  return {
    title,
    preamble,
    sections,
    closing: closing.lines.length ? closing.lines.join('\n') : null,
    contact: closing.contact,
    signer: closing.signer,
    date: closing.date,
    warnings,
    counts: countDocument(sections),
  };
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
