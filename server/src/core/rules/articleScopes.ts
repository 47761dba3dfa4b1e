import { startsArticle } from '../text/newsCredits';
import type { Finding, Paragraph } from '../types';
import { paragraphsByDocument } from './documentScopes';
import type { DocumentFacts } from './rule';

/**
 * The articles of a file: each document of a compilation (see documentScopes), cut again
 * where a news article starts (a dateline or a byline line) or an attachment (`附件2`). Study compilations reprint a
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
  return startsArticle(paragraph.text) || (paragraph.text.length <= MAX_ATTACHMENT_LABEL && ATTACHMENT_LABEL.test(paragraph.text));
}

/**
 * `附件2` alone on its line, or `附件一：香港特别行政区行政长官的产生办法` with its number and title: an official
 * document's attachment or a law's annex starts, a document of its own (GB/T 9704 puts the label
 * above the attachment's title). `附件：1.…` (no number before the colon) lists the attachments in the body: no label. The State Council's reply on 巴东县
 * (2004) attaches the survey whose description the reply repeats: no copy-paste left-over.
 */
/** Longer than any attachment label with its title (and short enough that ATTACHMENT_LABEL's overlapping spaces cost nothing). */
const MAX_ATTACHMENT_LABEL = 64;
const ATTACHMENT_LABEL = /^[ \t\u3000]*附件[ \t\u3000]*(?:[0-9０-９一二三四五六七八九十]{1,3}[ \t\u3000]*(?:[：:\s][ \t\u3000]*[^，。；,;\s][^，。；,;]{1,40})?|[：:]?)[ \t\u3000]*$/;
