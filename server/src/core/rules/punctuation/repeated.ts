import { proofFinding, replace } from '../proofreading';
import type { Finding } from '../../types';
import type { ParagraphInput, Rule } from '../rule';
import { firstMatch, nextMatch } from '../../text/matches';

/** Two or more point marks in a row (`，，`, `。，`, `、；`). */
const RUN = /[，。、；：！？]{2,}/g;

/**
 * `punctuation.repeated`: doubled or mixed point marks, a typing slip. Not:
 * `？！`, `！！`, `？？` (GB/T 15834-2011 4.2, 4.3 allow stacking question and
 * exclamation marks), and `。。。` (an ellipsis in the wrong form, see
 * `punctuation.ellipsis`). A doubled mark is fixed to one; a mixed run is
 * left to the writer, who knows which mark was meant.
 */
export const punctuationRepeatedRule: Rule = {
  id: 'punctuation.repeated',
  defaultSeverity: 'warning',
  needsTokens: false,
  // Reads neither tokens nor glossary terms: runs while jieba cuts.
  textOnly: true,
  cost: 'light',
  example: '`，，` → `，`',
  description: {
    en: 'Doubled or mixed punctuation marks (，，  。，), GB/T 15834-2011.',
    zh: '标点符号重复或连用（，，  。，），依据 GB/T 15834—2011。',
  },
  options: [],
  messages: {
    doubled: {
      en: '"{found}": the mark is doubled, write one (GB/T 15834-2011).',
      zh: '“{found}”：标点重复，应只用一个（GB/T 15834—2011）。',
    },
    mixed: {
      en: '"{found}": two different marks in a row, keep the one that is meant (GB/T 15834-2011).',
      zh: '“{found}”：不同的点号连用，应只保留其一（GB/T 15834—2011）。',
    },
  },
  checkParagraph({ paragraph }: ParagraphInput): Finding[] {
    const text = paragraph.text;
    const findings: Finding[] = [];
    for (let match = firstMatch(RUN, text); match; match = nextMatch(RUN, text, match)) {
      const run = match[0];
      const start = match.index;
      if (/^[！？]+$/.test(run) || /^。{3,}$/.test(run)) continue;
      const doubled = new Set(run).size === 1;
      findings.push(proofFinding('punctuation.repeated', doubled ? 'doubled' : 'mixed', start, start + run.length, { found: run }, doubled ? replace(start, start + run.length, run[0]) : undefined));
    }
    return findings;
  },
};
