/** The body's lines as a tree of headings per section, each heading with the plain lines under it. */
import { classify, Level } from './notice-lines';
import { gatherProblem, markedMeasures } from './problem-text';

export interface HeadingNode {
  level: Level;
  number: string;
  head: string;
  lines: string[];
  children: HeadingNode[];
}

/** One node per `一、` section; a heading before any section opens an untitled one (with a warning). */
export function headingTree(body: string[], warnings: string[]): HeadingNode[] {
  const root: HeadingNode = { level: 1, number: '', head: '', lines: [], children: [] };
  const sections: HeadingNode[] = [];
  const stack: HeadingNode[] = [];
  let current: HeadingNode | null = null;
  for (const line of body) {
    const heading = classify(line);
    if (!heading) {
      (current ?? root).lines.push(line);
      continue;
    }
    const node: HeadingNode = {
      level: heading.level,
      number: heading.number,
      head: heading.rest,
      lines: [],
      children: [],
    };
    if (heading.level === 1) {
      sections.push(node);
      stack.length = 0;
      stack.push(node);
    } else {
      while (stack.length && stack[stack.length - 1].level >= heading.level) stack.pop();
      if (stack.length === 0) {
        const implicit: HeadingNode = { level: 1, number: '', head: '', lines: [], children: [] };
        sections.push(implicit);
        stack.push(implicit);
        warnings.push(`"${line.slice(0, 20)}" comes before any 一、 section; it is placed in an untitled section`);
      }
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    }
    current = node;
  }
  if (sections.length === 0 && root.lines.length) sections.push({ ...root, children: [] });
  return sections;
}

/** Whether the node's text after its title carries 一是/① measure markers (read as its problem would be). */
export function hasMarkers(node: HeadingNode): boolean {
  return markedMeasures(gatherProblem(node)) !== null;
}

export function nodesAt(nodes: HeadingNode[], level: Level): HeadingNode[] {
  return nodes.flatMap((node) => [...(node.level === level ? [node] : []), ...nodesAt(node.children, level)]);
}

/** The node's whole text with its children's numbers, for a section kept as narrative. */
export function allText(node: HeadingNode): string {
  const own = node.head && node.level !== 1 ? `${node.head}\n` : '';
  return (
    own +
    node.lines.join('\n') +
    node.children.map((child) => `\n${child.number ? numberLabel(child) : ''}${allText(child)}`).join('')
  );
}

export function numberLabel(node: HeadingNode): string {
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
