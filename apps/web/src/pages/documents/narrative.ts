/** A narrative part (a title and its paragraphs) as the editors show it: one text, a paragraph a line. */
export interface NarrativePart {
  title: string;
  paragraphs: string[];
}

export function partText(part: NarrativePart): string {
  return part.paragraphs.join('\n');
}

/** The text back as the part's paragraphs (empty lines dropped), under its title. */
export function partOf(title: string, text: unknown): NarrativePart {
  return {
    title,
    paragraphs: String(text ?? '')
      .split('\n')
      .filter(Boolean),
  };
}
