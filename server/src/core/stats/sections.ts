import type { OutlineNode } from '../outline/types';
import type { Paragraph } from '../types';

/**
 * The units repetition density is judged and reported in, one definition for
 * the `slogan.repeated` section check, the Term Report and the heading hover:
 * the parts (`一、`) and chapters (`第X章`) of each document, and documents
 * without parts as a whole. With `openings`, a document's text before its
 * first part (title, preface, greeting) is a unit too, named after it.
 */
export function sectionUnits(outline: readonly OutlineNode[], options: { readonly openings: boolean }): { node: OutlineNode; opening: boolean }[] {
  const units: { node: OutlineNode; opening: boolean }[] = [];
  const isPart = (node: OutlineNode) => node.kind === 'part' || node.kind === 'chapter';
  const visit = (node: OutlineNode) => {
    if (isPart(node)) {
      units.push({ node, opening: false });
    } else if (node.kind === 'document') {
      const parts = node.children.filter(isPart);
      if (parts.length === 0) {
        units.push({ node, opening: false });
        return;
      }
      if (options.openings) units.push({ node, opening: true });
      parts.forEach((part) => units.push({ node: part, opening: false }));
    } else {
      node.children.forEach(visit);
    }
  };
  outline.forEach(visit);
  return units;
}

/** The characters densities are measured against: the paragraphs' text, line breaks not counted. */
export function charactersOf(paragraphs: readonly Pick<Paragraph, 'text'>[]): number {
  let characters = 0;
  for (const paragraph of paragraphs) characters += paragraph.text.length;
  return characters;
}

/** Occurrences per 1 000 characters, rounded to two decimals (0 for a unit without text). */
export function perThousand(count: number, characters: number): number {
  return characters > 0 ? Math.round((count * 1000_00) / characters) / 100 : 0;
}
