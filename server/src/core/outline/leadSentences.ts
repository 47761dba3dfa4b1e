import type { LineFacts } from './lineFacts';
import type { TitleLines } from './documentTitles';

/** Fewest heading sentences that make a level of their own. */
const MIN_RUN = 3;

/**
 * Heading sentences `一要更大力度实施“四强”行动。…` … `八要…` that are the
 * second level of a part without a `（一）` level (Gansu, 002 lines 4503–4567;
 * Liaoning's 一要…五要 under `三、全面加强政府自身建设`). They are shown as
 * sections whatever `leadItems` says: without them such a part has no children.
 * A part qualifies when its only numbered lines below `一、` are `一要`, `二要`…
 * at the start of paragraphs, numbered 1…N (N ≥ 3) in order. Returns their lines.
 */
export function leadSentenceSections(facts: LineFacts, titles: readonly TitleLines[]): Set<number> {
  const promoted = new Set<number>();
  const titleStarts = new Set(titles.map((title) => title[0]));
  let inPart = false;
  let run: number[] = [];
  let blocked = false;
  const close = () => {
    if (inPart && !blocked && run.length >= MIN_RUN) run.forEach((line) => promoted.add(line));
    run = [];
    blocked = false;
  };
  for (let line = 0; line < facts.count; line++) {
    const candidate = facts.candidates[line];
    if (titleStarts.has(line)) {
      close();
      inPart = false;
      continue;
    }
    if (candidate?.type !== 'heading') continue;
    if (candidate.family === 'cjk-dun') {
      close();
      inPart = true;
    } else if (candidate.family === 'lead-yao') {
      if (candidate.marker?.value === run.length + 1) run.push(line);
      else blocked = true;
    } else if (candidate.family !== 'lead-shi' && candidate.family !== 'lead-dash') {
      blocked = true; // the part has a numbered level of its own (`（一）`, `1.`)
    }
  }
  close();
  return promoted;
}
