import { CHINESE_NUMERAL_CHARS } from '../outline/chineseNumerals';
import type { Paragraph } from '../types';

/** `第十二条　…`, `第一百二十条之五 …`, `第3条 …`: a paragraph that opens an article of a law or regulation. */
const ARTICLE_START = new RegExp(`^[\\s\\u3000]*第(?:[${CHINESE_NUMERAL_CHARS}]{1,8}|\\d{1,4})条(?:之[${CHINESE_NUMERAL_CHARS}]{1,3})?(?=[\\s\\u3000]|$)`);

/** Fewer articles than this: a report that cites an article, not a law. */
const MIN_ARTICLES = 3;

export function startsLegalArticle(text: string): boolean {
  return ARTICLE_START.test(text);
}

/** True when the paragraphs hold the articles (第X条) of a law, a regulation or a judicial interpretation. */
export function holdsLegalArticles(paragraphs: readonly Paragraph[], startsArticle: (paragraph: Paragraph) => boolean): boolean {
  let count = 0;
  for (const paragraph of paragraphs) if (startsArticle(paragraph) && ++count >= MIN_ARTICLES) return true;
  return false;
}
