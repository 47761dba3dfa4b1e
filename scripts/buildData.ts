/**
 * Data built from the corpus copy in test/fixtures/corpus (run by `npm run build-data`):
 * - data/term-history.json: each glossary term's counts per government work report and Party
 *   Congress report (a test regenerates it and compares);
 * - proposals: the sentences that define, abbreviate or enumerate each term (`--propose`), and
 *   filling the `source` of entries that have none (`--apply`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadJieba } from '../server/src/adapters/jieba';
import { segmentParagraph } from '../server/src/core/segment/tokens';
import { mergeGlossaries } from '../server/src/core/terms/glossary';
import { validateGlossary } from '../server/src/core/terms/glossaryValidation';
import { findSourceCandidates, type CorpusDocument } from '../server/src/core/terms/provenance';
import { countTermHistory, type HistoryDocument, type TermHistoryData } from '../server/src/core/terms/termHistory';
import { TermMatcher, tokenBoundaries } from '../server/src/core/terms/termMatcher';
import type { Segmenter } from '../server/src/core/types';

export const ROOT = path.join(__dirname, '..');
export const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
export const HISTORY_FILE = path.join(ROOT, 'data', 'term-history.json');
const GLOSSARY_FILE = path.join(ROOT, 'data', 'glossary.json');

/** Zero-width characters the scraped reports carry. */
const INVISIBLE = /[\u200b\u200c\u200d\ufeff]/g;

let jieba: Segmenter | undefined;

/** Every corpus file by its path under test/fixtures/corpus, lines as written (sources cite them). */
export function readCorpus(): CorpusDocument[] {
  const names = [
    ...fs.readdirSync(CORPUS).filter((n) => n.endsWith('.txt')),
    ...fs.readdirSync(path.join(CORPUS, 'national')).filter((n) => n.endsWith('.txt')).map((n) => `national/${n}`),
  ].sort();
  return names.map((name) => ({ name, lines: fs.readFileSync(path.join(CORPUS, name), 'utf8').split('\n') }));
}

/** The national reports as history documents: gwr-YYYY and cpc-NN. */
export function historyDocuments(corpus: readonly CorpusDocument[]): HistoryDocument[] {
  const documents: HistoryDocument[] = [];
  for (const document of corpus) {
    const match = /^national\/(gwr|cpc)-(\d+)\.txt$/.exec(document.name);
    if (match) documents.push({ series: match[1] as 'gwr' | 'cpc', key: Number(match[2]), lines: document.lines.map((l) => l.replace(INVISIBLE, '')) });
  }
  return documents;
}

/** Term history of the built-in glossary over the corpus copy, matched as the editor matches (jieba tokens). */
function builtinMatcher(): { matcher: TermMatcher; segmenter: Segmenter } {
  jieba ??= loadJieba([]).segmenter;
  const glossary = mergeGlossaries([validateGlossary(JSON.parse(fs.readFileSync(GLOSSARY_FILE, 'utf8')), 'builtin').entries]);
  return { matcher: new TermMatcher(glossary), segmenter: jieba };
}

export function buildTermHistory(): TermHistoryData {
  const { matcher, segmenter } = builtinMatcher();
  return countTermHistory(historyDocuments(readCorpus()), (line) =>
    line.length === 0 ? [] : matcher.match(line, tokenBoundaries(segmentParagraph(segmenter, line), line.length)).filter((hit) => hit.match.role !== 'rejected').map((hit) => hit.match.entry.term),
  );
}

/** One term per line: diffs of the data file stay readable, and the file stays small. */
export function formatHistory(data: TermHistoryData): string {
  const terms = Object.entries(data.terms).map(([term, record]) => `    ${JSON.stringify(term)}: ${JSON.stringify(record)}`);
  return [
    '{',
    `  "version": ${data.version},`,
    `  "gwrYears": ${JSON.stringify(data.gwrYears)},`,
    `  "congresses": ${JSON.stringify(data.congresses)},`,
    '  "terms": {',
    terms.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

interface RawEntry {
  term: string;
  aliases?: string[];
  items?: string[];
  source?: unknown;
  origin?: string;
}

function main(argv: readonly string[]): void {
  const history = buildTermHistory();
  fs.writeFileSync(HISTORY_FILE, formatHistory(history));
  console.log(`data/term-history.json: ${Object.keys(history.terms).length} terms, ${history.gwrYears.length} government work reports, congresses ${history.congresses.join(', ')}`);
  if (!argv.includes('--propose') && !argv.includes('--apply')) return;
  const corpus = readCorpus();
  const raw = JSON.parse(fs.readFileSync(GLOSSARY_FILE, 'utf8')) as { terms: RawEntry[] };
  // A quote must show the entry itself as the editor finds it: not 碳达峰 inside 碳达峰碳中和.
  const { matcher, segmenter } = builtinMatcher();
  const showsEntry = (term: string, quote: string) => matcher.match(quote, tokenBoundaries(segmentParagraph(segmenter, quote), quote.length)).some((hit) => hit.match.entry.term === term);
  const proposals: Record<string, unknown> = {};
  let applied = 0;
  for (const entry of raw.terms) {
    const candidates = findSourceCandidates({ term: entry.term, aliases: entry.aliases ?? [], items: entry.items ?? [] }, corpus, 30)
      .filter((c) => c.kind === 'enumeration' || c.kind === 'definition' || showsEntry(entry.term, c.quote))
      .slice(0, 5);
    proposals[entry.term] = candidates;
    if (argv.includes('--apply') && !entry.source && candidates[0]) {
      const { document, line, quote, kind } = candidates[0];
      entry.source = { document, line, quote, kind };
      applied++;
    }
  }
  const out = path.join(ROOT, 'build', 'glossary-source-proposals.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(proposals, null, 1));
  console.log(`proposals: ${path.relative(ROOT, out)}`);
  if (argv.includes('--apply')) {
    fs.writeFileSync(GLOSSARY_FILE, JSON.stringify(raw, null, 2) + '\n');
    console.log(`applied ${applied} proposed sources to data/glossary.json`);
  }
}

if (require.main === module) main(process.argv.slice(2));
