/**
 * The credit lines of news articles reprinted in study compilations: datelines
 * (`新华社北京3月5日电 记者张三 李四`, `本报北京 3 月 12 日讯（记者黄俊毅）`), bylines
 * (`本报记者 柳 洁 李 景`) and photo credits (`新华社记者 李贺 摄`). Newspapers space
 * their parts on purpose, and a dateline starts a new article.
 */

/**
 * A dateline at the start of a paragraph: a news agency or paper and an optional place
 * (新华社北京, 本报, 人民日报上海), the date, 电 or 讯 (or 本报讯, 新华社电), then the reporters
 * (`记者张三 李四`, `（记者黄俊毅、王五）`, `通讯员 王五`), whose names are separated by a space or 、
 * only: a full-width space or a comma after a name starts the article text. Spaces may be ASCII,
 * full-width or no-break anywhere in it (`本报北京 3 月 12 日讯`). Written out as one literal
 * (the security test allows no pattern compiled at run time).
 */
const DATELINE =
  /^[ \u3000\u00a0]*[【（(]?[ \u3000\u00a0]*(?:(?:新华社|中新社|本报|人民日报|光明日报|经济日报|央视网|央视新闻|[\p{Script=Han}]{2,6}?(?:日报|晚报|社|报|网|台))[\p{Script=Han}]{0,8}?[ \u3000\u00a0]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000\u00a0]*月[ \u3000\u00a0]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000\u00a0]*日[ \u3000\u00a0]*(?:电|讯)|本报讯|新华社电)[ \u3000\u00a0]*[】）)]?(?:[ \u3000\u00a0]*[（(]?[ \u3000\u00a0]*(?:特约)?(?:记者|通讯员|实习生)[ \u3000\u00a0]*(?:[\p{Script=Han}·]{1,4}(?:[ 、]+[\p{Script=Han}·]{1,3}){0,5})[）)]?)?/u;

/** A line holding only a byline: `本报记者 柳 洁 李 景 钟华林 王金虎`. */
const BYLINE = /^[ \u3000]*(?:[\p{Script=Han}]{0,6}?(?:社|报|网|台))?(?:特约)?(?:记者|通讯员)[ \u3000]*[\p{Script=Han}·]{1,4}(?:[ \u3000、，,]+[\p{Script=Han}·]{1,4}){0,7}[ \u3000]*$/u;

/**
 * `新华社记者 李贺 摄`, `本报记者 某某 摄`, `张三 摄`, `（新华社发 王五 摄）`: names, then 摄, at the end or
 * before `）`/`。`. After a reporter's title the last name may touch 摄 (`本报记者 戴冰摄`, and a
 * two-character name spaced to the width of three, `本报全媒体记者 林 君摄`), and the paper may be
 * any (`宁夏日报记者`, `贵州日报天眼新闻记者`): the captions of the 2026 provincial reports as their
 * papers printed them. A site or paper and a name may stand alone (`人民网 李龙摄`), and Xinhua's
 * galleries write `新华社记者 刘彬/摄`. Matched backwards from each 摄 over a short window, so a long line costs
 * one look per 摄, not a scan from every offset.
 */
const PHOTO_CREDIT =
  /(?:(?:[\p{Script=Han}·]{0,10}?(?:日报|晚报|报|社|网|台|新闻|客户端))?(?:全媒体|融媒体)?(?:特约)?(?:记者|通讯员)[ \u3000]*(?:[\p{Script=Han}·]{1,4}[ \u3000、]+){0,5}[\p{Script=Han}·]{1,4}[ \u3000]*|(?:新华社|中新社|本报|人民日报)?(?:特约)?(?:记者|通讯员|发)?[ \u3000]*(?:[\p{Script=Han}·]{1,4}[ \u3000、]+){1,6}|[\p{Script=Han}]{1,8}(?:网|报|社|台|新闻|社发)[ \u3000]+[\p{Script=Han}·]{2,4})[/／]?(?:摄|供图)$/u;
/**
 * A reporter's credit ending a caption paragraph, without 摄: `……作政府工作报告。新甘肃·甘肃日报记者 盛学卿`.
 * Only after a sentence's end, so that `记者 张三` inside running text is not taken for one.
 */
const CLOSING_BYLINE = /[。！？][ \u3000]*((?:[\p{Script=Han}·]{0,10}?(?:日报|晚报|报|社|网|台|新闻|客户端))?(?:全媒体|融媒体)?(?:特约)?(?:记者|通讯员)[ \u3000]*[\p{Script=Han}·]{1,4}(?:[ \u3000、]+[\p{Script=Han}·]{1,4}){0,5})[ \u3000]*$/u;
/**
 * Where a newspaper printed an article, as people.cn writes it: `《 人民日报 》（ 2020年07月24日 01 版）`,
 * spaces and all.
 */
const PAPER_CITATION = /《[ \u3000]*[\p{Script=Han}]{2,10}[ \u3000]*》[ \u3000]*[（(][ \u3000]*\d{4}[ \u3000]*年[ \u3000]*\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日[ \u3000]*(?:第[ \u3000]*)?(?:\d{1,2}[ \u3000]*版[ \u3000]*)?[）)]/gu;
/**
 * A speaker's title and name set apart by a space, the byline of a speech
 * (`中华人民共和国主席 习近平`, also run on into the speech's first line by a copied page, after the
 * date line's `）`): never a stray space to remove next to a leader's name. Only at the start of
 * the text or after a sentence or bracket ends: `各级党委书记 要切实扛起…` keeps its finding.
 */
const TITLE_AND_NAME = /(?:^|(?<=[。！？）)]))[\p{Script=Han}]{0,12}?(?:主席|总书记|总理|委员长|书记|省长|市长|县长|区长|部长|主任)[ \u3000]+(?=[\p{Script=Han}])/gu;
/** Longer than any CLOSING_BYLINE. */
const BYLINE_WINDOW = 64;
const PHOTO_MARK = /摄|供图/g;
const CREDIT_WINDOW = 48;

/** Where a dateline and its reporters end at the start of `text` (0 when there is none). */
export function datelineEnd(text: string): number {
  const match = DATELINE.exec(text);
  return match ? match.index + match[0].length : 0;
}

/** True when the paragraph starts a news article: a dateline, or a line with nothing but a byline. */
export function startsArticle(text: string): boolean {
  return datelineEnd(text) > 0 || BYLINE.test(text);
}

/**
 * Ranges of `text` whose spaces are part of a credit: the dateline at its start (and the
 * space after it), a byline line, photo credits. Offsets are UTF-16, end exclusive.
 */
export function creditRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  if (BYLINE.test(text)) return [[0, text.length]];
  const end = datelineEnd(text);
  if (end > 0) ranges.push([0, end + (/^[ \u3000\u00a0]+/.exec(text.slice(end))?.[0].length ?? 0)]);
  for (const mark of text.matchAll(PHOTO_MARK)) {
    const end = mark.index + mark[0].length;
    // At the end of the caption, or anywhere after a slash (`新华社记者 谢环驰/摄`, run on into the text of a copied page).
    const slashed = mark[0] === '摄' && (text[mark.index - 1] === '/' || text[mark.index - 1] === '／');
    if (!slashed && !/^[ \u3000]*(?:[）)。]|$)/.test(text.slice(end, end + 8))) continue;
    const from = Math.max(0, end - CREDIT_WINDOW);
    const match = PHOTO_CREDIT.exec(text.slice(from, end));
    if (!match) continue;
    const start = from + match.index;
    // The spaces that set the credit apart from the caption belong to it.
    const before = /[ \u3000\u00a0]*$/.exec(text.slice(Math.max(0, start - 16), start))![0].length;
    ranges.push([start - before, end]);
  }
  for (const citation of text.matchAll(PAPER_CITATION)) ranges.push([citation.index, citation.index + citation[0].length]);
  for (const byline of text.matchAll(TITLE_AND_NAME)) ranges.push([byline.index, byline.index + byline[0].length]);
  const from = Math.max(0, text.length - BYLINE_WINDOW);
  const closing = CLOSING_BYLINE.exec(text.slice(from));
  if (closing) {
    const start = from + closing.index + 1;
    ranges.push([start, text.length]);
  }
  return ranges;
}

/**
 * True when the paragraph is a photo caption: it ends with a photo credit (`同学们一边听讲解一边参观。人民网 李龙摄`).
 * Web articles repeat one caption under several photos.
 */
export function endsWithPhotoCredit(text: string): boolean {
  const end = text.trimEnd().length;
  if (end === 0) return false;
  const last = text.charCodeAt(end - 1);
  // 摄 or 图 (供图), optionally inside （…）.
  const mark = last === 0xff09 || last === 0x29 ? end - 1 : end;
  const before = text.slice(Math.max(0, mark - 2), mark);
  if (!before.endsWith('摄') && before !== '供图') return false;
  return PHOTO_CREDIT.test(text.slice(Math.max(0, mark - CREDIT_WINDOW), mark));
}

/**
 * Where news articles start inside a paragraph: a dateline after the end of a sentence or of a
 * bracket (`……习近平2020年8月30日（新华社北京8月31日电）新华社北京8月31日电在密云水库……`, a letter and the
 * report on it flattened into one line by a copy from a web page). Offsets of the datelines.
 */
export function inlineDatelines(text: string): number[] {
  if (!text.includes('日电') && !text.includes('日讯')) return NO_DATELINES;
  const found: number[] = [];
  for (const match of text.matchAll(INLINE_DATELINE)) found.push(match.index + match[1].length);
  return found;
}

const NO_DATELINES: number[] = [];
const INLINE_DATELINE = /([。！？）)」”])[（(]?(?:新华社|中新社|本报|人民日报)[\p{Script=Han}]{0,8}?\d{1,2}月\d{1,2}日[电讯]/gu;

