/**
 * A heading's text with its owner fields taken out: the title, and the lines under it joined into
 * one text (as the measures are split from it) with where each line started and where each owner
 * line or bracket stood, so the fields can be given to the measure they follow.
 */
import type { HeadingNode } from './notice-tree';
import { splitMeasures, splitOnFirstStop } from './notice-measures';
import { OwnerPiece, takeOwnerPieces } from './owner-fields';

export interface GatheredText {
  title: string;
  /** Fields written in the title itself (`(1)标题(责任领导:张三)。`). */
  titlePieces: OwnerPiece[];
  /** The lines after the title, joined, without their owner fields. */
  text: string;
  /** Where each line begins in `text`. */
  lineStarts: number[];
  /** Owner fields with their place in `text`. */
  pieces: OwnerPiece[];
}

/** Lines joined without their owner fields; positions are in the joined text. */
export function gatherLines(lines: string[]): Pick<GatheredText, 'text' | 'lineStarts' | 'pieces'> {
  let text = '';
  const lineStarts: number[] = [];
  const pieces: OwnerPiece[] = [];
  for (const line of lines) {
    const taken = takeOwnerPieces(line);
    for (const piece of taken.pieces) pieces.push({ ...piece, at: text.length + piece.at });
    if (!taken.text) continue;
    lineStarts.push(text.length);
    text += taken.text;
  }
  return { text, lineStarts, pieces };
}

/** A problem heading: its title up to the first 。, then the rest of that line and the lines under it. */
export function gatherProblem(node: HeadingNode): GatheredText {
  const { title, rest } = splitOnFirstStop(node.head);
  const titled = takeOwnerPieces(title);
  return {
    title: titled.pieces.length ? titled.text.replace(/[：:；;，,]\s*$/, '').trim() : title,
    titlePieces: titled.pieces,
    ...gatherLines([rest, ...node.lines].filter(Boolean)),
  };
}

/** Where a marker may stand whatever precedes it: a line's start, and where a bracket was taken out. */
export function markerBoundaries(gathered: Pick<GatheredText, 'lineStarts' | 'pieces'>): number[] {
  return [...gathered.lineStarts, ...gathered.pieces.filter((piece) => piece.bracket).map((piece) => piece.at)];
}

/** The problem's 一是/二是 measures, or null when it has no markers. */
export function markedMeasures(gathered: GatheredText) {
  return splitMeasures(gathered.text, markerBoundaries(gathered));
}
