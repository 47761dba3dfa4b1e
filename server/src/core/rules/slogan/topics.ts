/**
 * The paragraph's own topic is no slogan: a paragraph about 冰雪运动 says
 * 冰雪运动, one led by `积极推进新型城镇化。` says 新型城镇化. A topic is
 * announced by the headings above the paragraph or by a short lead sentence,
 * the bold first sentence of the work reports' paragraphs.
 */

/** Longest first sentence still read as a lead (`大力发展绿色低碳经济。` is 11). */
const MAX_LEAD = 30;
const SENTENCE_END = /[。！？；：]/;
/** A number opening a paragraph: `（三）`, `3.`, `一是`. */
const MARKER = /^\s*(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+[、是要]|\d+[.．、])/;

/**
 * The paragraph's lead sentence when it is short enough to be one, else ''.
 * After a number (`（五）准确把握…`) the first sentence is a heading, whatever its length.
 */
export function leadSentence(text: string): string {
  const body = text.replace(MARKER, '');
  const end = body.search(SENTENCE_END);
  const lead = end < 0 ? body : body.slice(0, end);
  return lead.length <= MAX_LEAD || body.length < text.length ? lead : '';
}

/** True when `phrase` (or its core formula `core`) is what `topic` text is about. */
export function isTopic(phrase: string, core: string, topic: string): boolean {
  return topic.length > 0 && (topic.includes(phrase) || (core.length > 0 && topic.includes(core)));
}
