import { startsArticle } from '../text/newsCredits';
import type { Finding, Paragraph } from '../types';
import { paragraphsByDocument } from './documentScopes';
import type { DocumentFacts } from './rule';

/**
 * The articles of a file: each document of a compilation (see documentScopes), cut again
 * where a news article starts (a dateline or a byline line). Study compilations reprint a
 * report and then news articles that quote it; a sentence an article shares with the report
 * or with another article is a quotation, not a copy-paste left-over.
 */
export function articles(facts: DocumentFacts): Paragraph[][] {
  const pieces: Paragraph[][] = [];
  for (const paragraphs of paragraphsByDocument(facts)) {
    let current: Paragraph[] = [];
    for (const paragraph of paragraphs) {
      if (current.length > 0 && facts.memo('startsArticle', paragraph, isArticleStart)) {
        pieces.push(current);
        current = [];
      }
      current.push(paragraph);
    }
    if (current.length > 0) pieces.push(current);
  }
  return pieces;
}

/** Runs a check on each article, reusing the findings of every article an edit left alone. */
export function checkPerArticle(facts: DocumentFacts, namespace: string, check: (paragraphs: readonly Paragraph[]) => Finding[]): Finding[] {
  const findings: Finding[] = [];
  for (const paragraphs of articles(facts)) {
    findings.push(...facts.memoScope(namespace, paragraphs, () => check(paragraphs)));
  }
  return findings;
}

function isArticleStart(paragraph: Paragraph): boolean {
  return startsArticle(paragraph.text);
}
