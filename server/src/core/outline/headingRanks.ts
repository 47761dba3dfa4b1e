import type { MarkerFamily } from './headingPatterns';
import type { HeadingKind } from './types';

/**
 * How large a unit each heading is: a heading closes every open heading of
 * the same or a larger rank number. Documents are largest; laws divide into
 * 编 > 章 > 节 > 条; reports follow GB/T 9704 (一、 >（一）> 1. >（1）> ①);
 * lead items (`一是`, `——`) are the smallest, so any numbered heading ends them.
 */
export const RANK = {
  document: 0,
  bian: 10,
  chapter: 20,
  jie: 30,
  article: 40,
  part: 50,
  section: 60,
  item: 70,
  subitem: 80,
  circled: 90,
  lead: 100,
} as const;

/** The heading kind a marker family denotes outside law articles. */
export function kindOfFamily(family: MarkerFamily): HeadingKind {
  switch (family) {
    case 'cjk-dun':
      return 'part';
    case 'cjk-paren':
      return 'section';
    case 'arabic-dot':
      return 'item';
    case 'arabic-paren':
      return 'subitem';
    case 'circled':
      return 'circled';
    case 'bian':
    case 'chapter':
    case 'jie':
    case 'article':
      return family;
    case 'lead-shi':
    case 'lead-yao':
    case 'lead-dash':
      return 'lead';
  }
}

/** Families that become list items inside a law article: `第十三条 下列…：（一）…；（二）…`. */
export function isEnumerationFamily(family: MarkerFamily): boolean {
  return family === 'cjk-paren' || family === 'arabic-dot' || family === 'arabic-paren' || family === 'circled';
}

/**
 * Rank of a heading kind. List items keep the rank of their marker's level;
 * Markdown `#`…`######` take ranks 1–6: inside documents, above every numbered level.
 */
export function rankOf(kind: HeadingKind, family?: MarkerFamily, markdownLevel = 1): number {
  if (kind === 'listItem') return family ? rankOf(kindOfFamily(family)) : RANK.section;
  if (kind === 'markdown' || kind === 'styled') return markdownLevel;
  return RANK[kind];
}
