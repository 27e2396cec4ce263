/**
 * A section's heading tree turned into categories, groups and problems. The problem level is the
 * lowest heading level that carries measures; without markers anywhere, the lower of two heading
 * levels lists the measures; a section with no problem level keeps its text as narrative.
 */
import type { ParsedCategory, ParsedGroup, ParsedProblem, ParsedSection } from './document-model';
import type { Level } from './notice-lines';
import { makeProblem } from './notice-problem';
import { allText, hasMarkers, HeadingNode, nodesAt, numberLabel } from './notice-tree';

export function buildSection(raw: HeadingNode, documentHasMarkers: boolean, warnings: string[]): ParsedSection {
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
  const walk = (
    nodes: HeadingNode[],
    into: { categories?: ParsedCategory[]; groups?: ParsedGroup[]; problems?: ParsedProblem[] },
    depth: Level[],
  ) => {
    for (const node of nodes) {
      if (node.level === level) {
        (into.problems ??= []).push(toProblem(node));
      } else if (node.level < level) {
        if (node.level === 2) {
          const category: ParsedCategory = { number: node.number, title: stripStop(node.head) };
          (into.categories ??= []).push(category);
          walk(node.children, category, [...depth, 2]);
          if (node.lines.length)
            warnings.push(
              `text under (${node.number}) outside any problem was left out: "${node.lines.join('').slice(0, 30)}"`,
            );
        } else if (node.level === 3) {
          const group: ParsedGroup = { number: node.number, title: stripStop(node.head), problems: [] };
          (into.groups ??= []).push(group);
          walk(node.children, group as { problems?: ParsedProblem[] }, [...depth, 3]);
        }
      } else {
        warnings.push(
          `"${numberLabel(node)}${node.head.slice(0, 20)}" sits below the problem level outside any problem; left out`,
        );
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
