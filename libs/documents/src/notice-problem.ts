/**
 * One problem heading into a problem: title, preface, measures, and the owner fields written after
 * the problem (they apply to all its measures) or after one measure (to that one).
 */
import type { ParsedMeasure, ParsedOwners, ParsedProblem } from './document-model';
import type { HeadingNode } from './notice-tree';
import { combineOwners, hasOwners, mergeOwners, OwnerPiece } from './owner-fields';
import { gatherLines, gatherProblem, GatheredText, markedMeasures } from './problem-text';

export function makeProblem(node: HeadingNode, childrenAsMeasures: boolean, warnings: string[]): ParsedProblem {
  const gathered = gatherProblem(node);
  const { title, text: body } = gathered;
  const label = `problem (${node.number})`;
  if (!title) warnings.push(`${label} has no title`);
  const split = markedMeasures(gathered);
  let measures: ParsedMeasure[];
  let preface: string | undefined;
  const problemPieces: OwnerPiece[] = [...gathered.titlePieces];
  const ownPieces = new Map<number, OwnerPiece[]>();
  if (split) {
    measures = split.measures;
    preface = split.preface || undefined;
    for (const piece of gathered.pieces) {
      const measure = measureOfPiece(piece, split.starts, gathered);
      if (measure === null) problemPieces.push(piece);
      else ownPieces.set(measure, [...(ownPieces.get(measure) ?? []), piece]);
    }
    if (node.children.length)
      warnings.push(`${label} has numbered items besides its 一是/二是 measures; they were left out`);
  } else if (node.children.length && (childrenAsMeasures || !body)) {
    // Each numbered item is a measure on its own paragraph: the fields under it are its own.
    measures = node.children.map((child, index) => {
      const item = gatherLines([child.head, ...child.lines]);
      if (item.pieces.length) ownPieces.set(index, item.pieces);
      return { number: index + 1, text: item.text.trim() };
    });
    preface = body || undefined;
    problemPieces.push(...gathered.pieces);
  } else if (body) {
    measures = [{ number: 1, text: body }];
    problemPieces.push(...gathered.pieces);
    warnings.push(`${label} has no 一是/二是 markers; its text is taken as one measure`);
  } else {
    measures = [];
    problemPieces.push(...gathered.pieces);
    warnings.push(`${label} has no measures`);
  }
  const empty = measures.filter((measure) => !measure.text);
  if (empty.length)
    warnings.push(`${label} has empty measure(s): ${empty.map((measure) => measure.number).join(', ')}`);

  const problemOwners = combineOwners(problemPieces.map((piece) => piece.owners));
  warnUnknownDeadline(problemOwners, label, warnings);
  measures = measures.map((measure, index) => {
    const own = combineOwners((ownPieces.get(index) ?? []).map((piece) => piece.owners));
    warnUnknownDeadline(own, `${label} measure ${measure.number}`, warnings);
    const owners = mergeOwners(problemOwners, own);
    return hasOwners(owners) ? { ...measure, owners } : measure;
  });
  return {
    number: node.number,
    title,
    measures,
    ...(preface ? { preface } : {}),
    ...(hasOwners(problemOwners) ? { owners: problemOwners } : {}),
  };
}

/**
 * The measure (index) a piece of owner fields belongs to, or null for the whole problem. A bracket
 * belongs to the measure it follows; fields between two measures to the first; fields after the last
 * measure to it only when it stands on a line of its own (else they follow a paragraph of several
 * measures, and so the problem); fields before the first measure to the problem.
 */
function measureOfPiece(piece: OwnerPiece, starts: number[], gathered: GatheredText): number | null {
  let measure = -1;
  starts.forEach((start, index) => {
    if (start < piece.at) measure = index;
  });
  if (measure < 0) return null;
  if (piece.bracket || measure < starts.length - 1) return measure;
  // The last measure: its own when it opens a line (the measures before it are on earlier lines).
  return gathered.lineStarts.includes(starts[measure]) ? measure : null;
}

function warnUnknownDeadline(owners: ParsedOwners, label: string, warnings: string[]) {
  const deadline = owners.deadline;
  if (deadline && !deadline.kind)
    warnings.push(
      `${label}: 整改时限 "${deadline.phrase}" is not a date or a known phrase (立行立改, 长期坚持…); kept as written`,
    );
}
