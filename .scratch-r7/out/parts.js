var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// parts.ts
var fs4 = __toESM(require("node:fs"));

// ../../work/main/server/src/adapters/jieba.ts
var fs3 = __toESM(require("node:fs"));
var os = __toESM(require("node:os"));
var path2 = __toESM(require("node:path"));

// ../../work/main/server/src/core/segment/dictionaryFormat.ts
var DEFAULT_USER_FREQUENCY = 3e4;
var MAX_WORD_LENGTH = 32;
function parseDictionary(text) {
  const entries = [];
  const problems = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((raw, line) => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const fields = trimmed.split(/[ \t\u3000]+/);
    if (fields.length > 3) {
      problems.push({ line, messageId: "dictionary.tooManyFields", text: trimmed });
      return;
    }
    const [word] = fields;
    if ([...word].length > MAX_WORD_LENGTH || /[\0\uFFFD]/.test(word)) {
      problems.push({ line, messageId: "dictionary.wordTooLong", text: trimmed });
      return;
    }
    let freq = DEFAULT_USER_FREQUENCY;
    let tag = "n";
    if (fields.length === 3) {
      freq = Number(fields[1]);
      tag = fields[2];
      if (!Number.isInteger(freq) || freq < 1 || freq > 1e9) {
        problems.push({ line, messageId: "dictionary.badFrequency", text: trimmed });
        return;
      }
    } else if (fields.length === 2) {
      if (/^\d+$/.test(fields[1])) freq = Number(fields[1]);
      else tag = fields[1];
    }
    if (!/^[A-Za-z]{1,8}$/.test(tag)) {
      problems.push({ line, messageId: "dictionary.badTag", text: trimmed });
      return;
    }
    entries.push({ word, freq: Math.max(1, freq), tag });
  });
  return { entries, problems };
}
function formatDictionary(entries) {
  return entries.map((e) => `${e.word} ${e.freq} ${e.tag}`).join("\n") + "\n";
}

// ../../work/main/server/src/adapters/resources.ts
var fs = __toESM(require("node:fs"));
var path = __toESM(require("node:path"));
var cachedRoot;
function packageRoot() {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  while (!isPackageRoot(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  cachedRoot = isPackageRoot(dir) ? dir : path.join(__dirname, "..");
  return cachedRoot;
}
function dataPath(name) {
  return path.join(packageRoot(), "data", name);
}
function isPackageRoot(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).name === "policy-lens";
  } catch {
    return false;
  }
}

// ../../work/main/server/src/adapters/textFiles.ts
var fs2 = __toESM(require("node:fs"));
function readUserTextFile(filePath, maxBytes) {
  let stat;
  try {
    stat = fs2.statSync(filePath);
  } catch {
    return { ok: false, problem: { path: filePath, messageId: "file.missing" } };
  }
  if (!stat.isFile()) return { ok: false, problem: { path: filePath, messageId: "file.notAFile" } };
  if (stat.size > maxBytes) {
    return { ok: false, problem: { path: filePath, messageId: "file.tooLarge", detail: `${stat.size} > ${maxBytes}` } };
  }
  let bytes;
  try {
    bytes = fs2.readFileSync(filePath);
  } catch (error) {
    return { ok: false, problem: { path: filePath, messageId: "file.unreadable", detail: String(error) } };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: { path: filePath, messageId: "file.notText" } };
  }
}

// ../../work/main/server/src/adapters/jieba.ts
var MAX_DICTIONARY_BYTES = 10 * 1024 * 1024;
function loadJieba(userDictionaryPaths) {
  const started = performance.now();
  const nodejieba = require("nodejieba");
  const problems = [];
  const entries = [];
  const builtin = readUserTextFile(dataPath("policy.dict.utf8"), MAX_DICTIONARY_BYTES);
  if (builtin.ok) entries.push(...parseDictionary(builtin.text).entries);
  else problems.push(builtin.problem);
  let userWords = 0;
  for (const file of userDictionaryPaths) {
    const read = readUserTextFile(file, MAX_DICTIONARY_BYTES);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseDictionary(read.text);
    entries.push(...parsed.entries);
    userWords += parsed.entries.length;
    for (const p of parsed.problems) problems.push({ path: file, messageId: p.messageId, line: p.line, detail: p.text });
  }
  const merged = path2.join(os.tmpdir(), `policy-lens-dict-${process.pid}-${Date.now()}.utf8`);
  fs3.writeFileSync(merged, formatDictionary(entries));
  try {
    nodejieba.load({ userDict: merged });
  } finally {
    fs3.rmSync(merged, { force: true });
  }
  return {
    segmenter: { cut: (text) => nodejieba.cut(text, true), tag: (text) => nodejieba.tag(text) },
    loadMs: performance.now() - started,
    userWords,
    problems
  };
}

// ../../work/main/server/src/core/outline/documentTitles.ts
var MAX_HEADLINE_LINES = 3;
var MIN_ARTICLE_OPENING = 40;
function findDocumentTitles(facts) {
  const titles = [];
  for (let i = 0; i < facts.count; i++) {
    const candidate = facts.candidates[i];
    if (!candidate) continue;
    if (candidate.type === "title") {
      if (candidate.certain || followsBody(facts, i) && precedesBody(facts, i)) titles.push([i]);
    } else if (candidate.type === "plain") {
      const headline = headlineAt(facts, i);
      if (headline) {
        titles.push(headline);
        i = headline[headline.length - 1];
      }
    }
  }
  return titles;
}
function followsBody(facts, line) {
  const previous = facts.previousNonBlank[line];
  return previous === -1 || facts.bodyEnding[previous] === 1;
}
function precedesBody(facts, line) {
  const next = facts.nextNonBlank[line];
  if (next === -1) return false;
  const type = facts.candidates[next]?.type;
  return type !== "plain" && type !== "title";
}
function headlineAt(facts, first) {
  if (!followsBody(facts, first)) return void 0;
  const lines = [first];
  let next = facts.nextNonBlank[first];
  while (next !== -1 && facts.candidates[next]?.type === "plain" && lines.length < MAX_HEADLINE_LINES) {
    lines.push(next);
    next = facts.nextNonBlank[next];
  }
  if (next === -1 || facts.candidates[next] !== null || facts.contentLength[next] < MIN_ARTICLE_OPENING) return void 0;
  const firstLine = facts.candidates[first];
  const oneLineHeadline = firstLine?.type === "plain" && firstLine.hasBreak;
  return lines.length >= 2 || oneLineHeadline ? lines : void 0;
}

// ../../work/main/server/src/core/outline/chineseNumerals.ts
var DIGITS = {
  \u96F6: 0,
  "\u3007": 0,
  \u4E00: 1,
  \u4E8C: 2,
  \u4E24: 2,
  \u4E09: 3,
  \u56DB: 4,
  \u4E94: 5,
  \u516D: 6,
  \u4E03: 7,
  \u516B: 8,
  \u4E5D: 9
};
var UNITS = { \u5341: 10, \u767E: 100, \u5343: 1e3 };
var CHINESE_NUMERAL_CHARS = "\u3007\u96F6\u4E00\u4E8C\u4E24\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341\u767E\u5343";
function parseChineseNumeral(numeral) {
  if (numeral.length === 0) return void 0;
  if (!/[十百千]/.test(numeral)) return parseDigitByDigit(numeral);
  let total = 0;
  let pending;
  let lastUnit = Infinity;
  let sawZero = false;
  for (const char of numeral) {
    const digit = DIGITS[char];
    if (digit !== void 0) {
      if (pending !== void 0) return void 0;
      if (digit === 0) {
        if (sawZero) return void 0;
        sawZero = true;
        continue;
      }
      pending = digit;
      continue;
    }
    const unit = UNITS[char];
    if (unit === void 0 || unit >= lastUnit) return void 0;
    if (pending === void 0 && !(unit === 10 && total === 0 && !sawZero)) return void 0;
    total += (pending ?? 1) * unit;
    pending = void 0;
    sawZero = false;
    lastUnit = unit;
  }
  if (pending !== void 0) {
    if (lastUnit > 10 && !sawZero) return void 0;
    total += pending;
  }
  return total;
}
function parseDigitByDigit(numeral) {
  let value = 0;
  for (const char of numeral) {
    const digit = DIGITS[char];
    if (digit === void 0) return void 0;
    value = value * 10 + digit;
  }
  if (numeral.length === 1 && (value === 0 || numeral === "\u4E24")) return void 0;
  return value;
}
function parseCircledNumber(char) {
  const code = char.codePointAt(0);
  if (code === void 0 || char.length !== 1) return void 0;
  if (code >= 9312 && code <= 9331) return code - 9312 + 1;
  if (code >= 12881 && code <= 12895) return code - 12881 + 21;
  if (code >= 12977 && code <= 12991) return code - 12977 + 36;
  return void 0;
}

// ../../work/main/server/src/core/outline/sentence.ts
function isSpace(code) {
  return code === 32 || code === 9 || code === 12288 || code === 160 || code === 65279 || code === 11 || code === 12;
}
function contentStart(line) {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}
function contentEnd(line) {
  let i = line.length;
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--;
  return i;
}
var SENTENCE_FINAL = /[。！？!?]/g;
function firstSentenceEnd(line, from, to) {
  SENTENCE_FINAL.lastIndex = from;
  const match2 = SENTENCE_FINAL.exec(line);
  return match2 && match2.index < to ? match2.index : to;
}
var BODY_FINAL = new Set("\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:\u2026");
var CLOSERS = new Set("\u201D\u2019\u300D\u300F\uFF09)\u300B");
function endsLikeBody(line) {
  let i = contentEnd(line) - 1;
  while (i >= 0 && CLOSERS.has(line[i])) i--;
  return i >= 0 && BODY_FINAL.has(line[i]);
}
function isBlankLine(line) {
  return contentStart(line) === line.length;
}

// ../../work/main/server/src/core/outline/headingPatterns.ts
var N = CHINESE_NUMERAL_CHARS;
var LAW_MARKER = new RegExp(`\u7B2C([${N}]+|\\d{1,4})([\u7F16\u7AE0\u8282\u6761])`, "y");
var PAREN_MARKER = new RegExp(`([\uFF08(])([${N}]+|\\d{1,3})([\uFF09)])`, "y");
var ARABIC_DOT_MARKER = /(\d{1,3})([.．、])(?=[ \t\u3000]*[^\d\s.．、%％,，])/y;
var CJK_DUN_MARKER = new RegExp(`([${N}]+)([\u3001.\uFF0E])`, "y");
var LEAD_MARKER = /([一二三四五六七八九十]+)([是要])/y;
var DATELINE = /[—―]{1,2}\s*\d{1,5}\s*年\s*\d{1,2}\s*月/y;
var DASH_LEAD = /——(?=\S)/y;
var MARKDOWN = /(#{1,6})[ \t]+(?=\S)/y;
var TOC_ENTRY = /(?:[.·…‥⋯．_]{2,}|\t)[ \t\u3000]*\d+$/;
var DOCUMENT_SUFFIX = /(?:报告|条例|规定|办法|决定|决议|意见|通知|纲要|规划|方案|细则|公报|章程|通告|公告|批复)[》”"]*$|^中华人民共和国\S+法$/;
var DATE_ONLY = new RegExp(`^(?:\\d{4}|[${N}]{4})\\s*\u5E74\\s*(?:\\d{1,2}|[${N}]{1,3})\\s*\u6708\\s*(?:\\d{1,2}|[${N}]{1,3})\\s*\u65E5$`);
var COMMA_OR_SENTENCE = /[，。；！？,;!?]/;
var PART_LIKE = /^[\p{Script=Han}A-Za-z0-9０-９]{2,20}$/u;
var INNER_BREAK = /\S[ \u3000]+\S|[：:]/;
var MAX_STANDALONE_TITLE = 40;
var MAX_PLAIN = 50;
function classifyLine(line) {
  const start = contentStart(line);
  const end = contentEnd(line);
  if (start >= end) return null;
  if (isDigit(line.charCodeAt(end - 1)) && TOC_ENTRY.test(line.slice(start, end))) return null;
  const markdown = match(MARKDOWN, line, start);
  if (markdown) {
    const closing = /[ \t]+#+$/.exec(line.slice(start, end));
    const nameEnd = closing ? start + closing.index : end;
    return { type: "markdown", level: markdown[1].length, start, nameStart: start + markdown[0].length, end: nameEnd };
  }
  if (match(DATELINE, line, start)) return null;
  const dash = match(DASH_LEAD, line, start);
  if (dash) return heading("lead-dash", void 0, line, start, start + dash[0].length, end);
  return lawHeading(line, start, end) ?? parenHeading(line, start, end) ?? arabicDotHeading(line, start, end) ?? cjkDunHeading(line, start, end) ?? leadHeading(line, start, end) ?? circledHeading(line, start, end) ?? plainLine(line, start, end);
}
function isDigit(code) {
  return code >= 48 && code <= 57;
}
function match(pattern, line, at) {
  pattern.lastIndex = at;
  return pattern.exec(line);
}
function heading(family, marker2, line, start, textStart, end) {
  if (textStart >= end) return null;
  const sentenceEnd = family === "article" ? textStart : firstSentenceEnd(line, textStart, end);
  return { type: "heading", family, marker: marker2, start, nameEnd: withoutClausePunctuation(line, textStart, sentenceEnd), end, standalone: sentenceEnd === end };
}
function withoutClausePunctuation(line, from, to) {
  let end = to;
  while (end > from && /[；;，,：:、\s\u3000]/.test(line[end - 1])) end--;
  return end;
}
function marker(value, text, start, style) {
  return value === void 0 || value <= 0 ? void 0 : { value, text, start, end: start + text.length, style };
}
function numberValue(numeral) {
  return /^\d+$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
}
function lawHeading(line, start, end) {
  const m = match(LAW_MARKER, line, start);
  if (!m) return null;
  const unit = m[2];
  const found = marker(numberValue(m[1]), m[0], start, "ordinal");
  if (!found) return null;
  const family = unit === "\u6761" ? "article" : unit === "\u7AE0" ? "chapter" : unit === "\u8282" ? "jie" : "bian";
  if (family !== "article") {
    const title = line.slice(start, end);
    if (title.length > MAX_STANDALONE_TITLE || COMMA_OR_SENTENCE.test(title)) return null;
  }
  return heading(family, found, line, start, found.end, end) ?? (family === "article" ? null : bareTitle(family, found, end));
}
function bareTitle(family, found, end) {
  return { type: "heading", family, marker: found, start: found.start, nameEnd: end, end, standalone: true };
}
function parenHeading(line, start, end) {
  const m = match(PAREN_MARKER, line, start);
  if (!m) return null;
  const open = m[1] === "\uFF08";
  const close = m[3] === "\uFF09";
  const style = open && close ? "fullwidth-paren" : !open && !close ? "halfwidth-paren" : "mixed-paren";
  const arabic = /\d/.test(m[2]);
  const found = marker(numberValue(m[2]), m[0], start, style);
  if (!found) return null;
  return heading(arabic ? "arabic-paren" : "cjk-paren", found, line, start, found.end, end);
}
function arabicDotHeading(line, start, end) {
  const m = match(ARABIC_DOT_MARKER, line, start);
  if (!m) return null;
  const style = m[2] === "." ? "dot" : m[2] === "\uFF0E" ? "fullwidth-dot" : "comma";
  const found = marker(Number(m[1]), m[0], start, style);
  if (!found) return null;
  const rest = line.slice(found.end, end).trim();
  if (style !== "comma" && rest.length <= MAX_STANDALONE_TITLE && !COMMA_OR_SENTENCE.test(rest) && /报告[》”"]*$/.test(rest)) {
    return { type: "title", marker: found, start, end, certain: true };
  }
  return heading("arabic-dot", found, line, start, found.end, end);
}
function cjkDunHeading(line, start, end) {
  const m = match(CJK_DUN_MARKER, line, start);
  if (!m) return null;
  const style = m[2] === "\u3001" ? "comma" : m[2] === "." ? "dot" : "fullwidth-dot";
  const found = marker(parseChineseNumeral(m[1]), m[0], start, style);
  if (!found) return null;
  if (found.style === "comma" && parseChineseNumeral(line[found.end] ?? "") === found.value + 1) return null;
  return heading("cjk-dun", found, line, start, found.end, end);
}
function leadHeading(line, start, end) {
  const m = match(LEAD_MARKER, line, start);
  if (!m) return null;
  const found = marker(parseChineseNumeral(m[1]), m[0], start, "lead");
  if (!found) return null;
  return heading(m[2] === "\u662F" ? "lead-shi" : "lead-yao", found, line, start, found.end, end);
}
function circledHeading(line, start, end) {
  const value = parseCircledNumber(line[start]);
  if (value === void 0) return null;
  return heading("circled", marker(value, line[start], start, "circled"), line, start, start + 1, end);
}
function plainLine(line, start, end) {
  if (end - start > MAX_PLAIN) return null;
  const content = line.slice(start, end);
  if (COMMA_OR_SENTENCE.test(content) || /[：:]$/.test(content) || /^[（(].*[）)]$/.test(content)) return null;
  if (DATE_ONLY.test(content)) return null;
  if (content.length <= MAX_STANDALONE_TITLE && DOCUMENT_SUFFIX.test(content)) {
    return { type: "title", start, end, certain: false };
  }
  return { type: "plain", start, end, partLike: PART_LIKE.test(content), hasBreak: INNER_BREAK.test(content) };
}

// ../../work/main/server/src/core/outline/headingRanks.ts
var RANK = {
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
  lead: 100
};
function kindOfFamily(family) {
  switch (family) {
    case "cjk-dun":
      return "part";
    case "cjk-paren":
      return "section";
    case "arabic-dot":
      return "item";
    case "arabic-paren":
      return "subitem";
    case "circled":
      return "circled";
    case "bian":
    case "chapter":
    case "jie":
    case "article":
      return family;
    case "lead-shi":
    case "lead-yao":
    case "lead-dash":
      return "lead";
  }
}
function isEnumerationFamily(family) {
  return family === "cjk-paren" || family === "arabic-dot" || family === "arabic-paren" || family === "circled";
}
function rankOf(kind, family, markdownLevel = 1) {
  if (kind === "listItem") return family ? rankOf(kindOfFamily(family)) : RANK.section;
  if (kind === "markdown") return markdownLevel;
  return RANK[kind];
}

// ../../work/main/server/src/core/outline/lineFacts.ts
function collectLineFacts(paragraphs, classify) {
  const count = paragraphs.length;
  const candidates = new Array(count);
  const previousNonBlank = new Int32Array(count);
  const nextNonBlank = new Int32Array(count);
  const bodyEnding = new Uint8Array(count);
  const contentLength = new Int32Array(count);
  const blank = new Uint8Array(count);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const text = paragraphs[i].text;
    previousNonBlank[i] = previous;
    if (isBlankLine(text)) {
      blank[i] = 1;
      candidates[i] = null;
      continue;
    }
    candidates[i] = classify(text);
    bodyEnding[i] = endsLikeBody(text) ? 1 : 0;
    contentLength[i] = contentEnd(text) - contentStart(text);
    previous = i;
  }
  let next = -1;
  for (let i = count - 1; i >= 0; i--) {
    nextNonBlank[i] = next;
    if (!blank[i]) next = i;
  }
  return { count, candidates, previousNonBlank, nextNonBlank, bodyEnding, contentLength };
}

// ../../work/main/server/src/core/outline/treeBuilder.ts
var TreeBuilder = class {
  constructor(paragraphs, facts) {
    this.paragraphs = paragraphs;
    this.facts = facts;
  }
  paragraphs;
  facts;
  roots = [];
  stack = [];
  articlesOpen = 0;
  /** True while a law article is open: its `（一）` lines are list items. */
  inArticle() {
    return this.articlesOpen > 0;
  }
  /** Places a heading: closes the open headings it ends, then opens it under the innermost remaining one. */
  open(heading2) {
    this.closeFrom(heading2.rank, heading2.line);
    const lastParagraph = this.paragraphs[heading2.lastLine];
    const node = {
      kind: heading2.kind,
      depth: this.stack.length + 1,
      name: heading2.name,
      line: heading2.line,
      ...heading2.number ? { number: heading2.number } : {},
      selectionSpan: heading2.selectionSpan,
      span: { start: heading2.start, end: heading2.selectionSpan.end },
      children: []
    };
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.node.children : this.roots).push(node);
    this.stack.push({ node, rank: heading2.rank, ownEnd: lastParagraph.start + contentEnd(lastParagraph.text) });
    if (heading2.kind === "article") this.articlesOpen++;
  }
  /** Closes everything still open at the end of the text and returns the top-level nodes. */
  finish() {
    this.closeFrom(-Infinity, this.facts.count);
    return this.roots;
  }
  /** Closes the open headings of rank ≥ `rank`; they end at the last non-blank line before `line`. */
  closeFrom(rank, line) {
    if (this.stack.length === 0 || this.stack[this.stack.length - 1].rank < rank) return;
    const boundary = this.lastContentEndBefore(line);
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].rank >= rank) {
      const { node, ownEnd } = this.stack.pop();
      if (node.kind === "article") this.articlesOpen--;
      const lastChild = node.children[node.children.length - 1];
      node.span.end = node.kind === "listItem" ? Math.max(ownEnd, lastChild?.span.end ?? ownEnd) : Math.max(ownEnd, boundary);
    }
  }
  lastContentEndBefore(line) {
    const last = line < this.facts.count ? this.facts.previousNonBlank[line] : this.lastNonBlankLine();
    if (last === -1) return 0;
    const paragraph = this.paragraphs[last];
    return paragraph.start + contentEnd(paragraph.text);
  }
  lastNonBlankLine() {
    const lastLine = this.facts.count - 1;
    if (lastLine < 0) return -1;
    return this.facts.contentLength[lastLine] > 0 ? lastLine : this.facts.previousNonBlank[lastLine];
  }
};

// ../../work/main/server/src/core/outline/outline.ts
function buildOutline(text, paragraphs, options, classify = classifyLine) {
  const facts = collectLineFacts(paragraphs, classify);
  const titles = findDocumentTitles(facts);
  const builder = new TreeBuilder(paragraphs, facts);
  const regions = describeRegions(facts, titles);
  let nextTitle = 0;
  let region = 0;
  for (let line = 0; line < facts.count; line++) {
    if (nextTitle < titles.length && titles[nextTitle][0] === line) {
      const title = titles[nextTitle++];
      region++;
      builder.open(documentHeading(paragraphs, facts, title));
      line = title[title.length - 1];
      continue;
    }
    const candidate = facts.candidates[line];
    if (!candidate) continue;
    const heading2 = resolveHeading(candidate, line, {
      text,
      paragraphs,
      facts,
      options,
      region: regions[region],
      inArticle: builder.inArticle()
    });
    if (!heading2) continue;
    builder.open(heading2);
    line = heading2.lastLine;
  }
  return builder.finish();
}
function describeRegions(facts, titles) {
  const numberedParts = new Array(titles.length + 1).fill(false);
  let region = 0;
  for (let line = 0; line < facts.count; line++) {
    if (region < titles.length && titles[region][0] === line) region++;
    const candidate = facts.candidates[line];
    if (candidate?.type === "heading" && candidate.family === "cjk-dun") numberedParts[region] = true;
  }
  return numberedParts.map((numbered, index) => ({ titled: index > 0, numberedParts: numbered }));
}
function documentHeading(paragraphs, facts, title) {
  const first = paragraphs[title[0]];
  const last = paragraphs[title[title.length - 1]];
  const candidate = facts.candidates[title[0]];
  const marker2 = candidate?.type === "title" ? candidate.marker : void 0;
  const name = title.map((line) => trimmedText(paragraphs[line])).join(" ");
  const start = first.start + contentStart(first.text);
  return {
    kind: "document",
    start,
    rank: RANK.document,
    line: title[0],
    lastLine: title[title.length - 1],
    name,
    selectionSpan: { start, end: last.start + contentEnd(last.text) },
    number: marker2 && headingNumber(marker2, first.start)
  };
}
function resolveHeading(candidate, line, context) {
  const paragraph = context.paragraphs[line];
  switch (candidate.type) {
    case "heading":
      return numberedHeading(candidate, line, context);
    case "plain": {
      const { region, facts } = context;
      if (!candidate.partLike || !region.titled || region.numberedParts) return void 0;
      if (!followsBody(facts, line) || !precedesBody(facts, line)) return void 0;
      return simpleHeading("part", RANK.part, line, paragraph, candidate.start, candidate.end);
    }
    case "markdown":
      if (!context.options.markdown) return void 0;
      return simpleHeading("markdown", rankOf("markdown", void 0, candidate.level), line, paragraph, candidate.start, candidate.end, candidate.nameStart);
    case "title":
      return void 0;
  }
}
function numberedHeading(candidate, line, context) {
  const { family, marker: marker2 } = candidate;
  const kind = context.inArticle && isEnumerationFamily(family) ? "listItem" : kindOfFamily(family);
  if (kind === "lead" && !context.options.leadItems) return void 0;
  const paragraph = context.paragraphs[line];
  const base = paragraph.start;
  let name = context.text.slice(base + candidate.start, base + candidate.nameEnd);
  let selectionEnd = base + candidate.nameEnd;
  let lastLine = line;
  const continuation = wrappedContinuation(candidate, kind, line, context);
  if (continuation !== void 0) {
    const next = context.paragraphs[continuation];
    name += trimmedText(next);
    selectionEnd = next.start + contentEnd(next.text);
    lastLine = continuation;
  }
  return {
    kind,
    start: base + candidate.start,
    rank: rankOf(kind, family),
    line,
    lastLine,
    name,
    selectionSpan: { start: base + candidate.start, end: selectionEnd },
    number: marker2 && headingNumber(marker2, base)
  };
}
var MAX_WRAPPED_HEAD = 12;
var MAX_WRAPPED_TAIL = 16;
function wrappedContinuation(candidate, kind, line, context) {
  if (kind === "lead" || kind === "article" || kind === "listItem" || !candidate.standalone || !candidate.marker) return void 0;
  if (!context.region.numberedParts || candidate.end - candidate.marker.end > MAX_WRAPPED_HEAD) return void 0;
  const { facts } = context;
  const next = facts.nextNonBlank[line];
  if (next === -1) return void 0;
  const following = facts.candidates[next];
  if (following?.type !== "plain" || !following.partLike || facts.contentLength[next] > MAX_WRAPPED_TAIL) return void 0;
  return precedesBody(facts, next) ? next : void 0;
}
function simpleHeading(kind, rank, line, paragraph, start, end, nameStart = start) {
  return {
    kind,
    start: paragraph.start + start,
    rank,
    line,
    lastLine: line,
    name: paragraph.text.slice(nameStart, end),
    selectionSpan: { start: paragraph.start + nameStart, end: paragraph.start + end }
  };
}
function headingNumber(marker2, base) {
  return { value: marker2.value, text: marker2.text, span: { start: base + marker2.start, end: base + marker2.end }, style: marker2.style };
}
function trimmedText(paragraph) {
  return paragraph.text.slice(contentStart(paragraph.text), contentEnd(paragraph.text));
}

// ../../work/main/server/src/core/text/paragraphs.ts
function splitParagraphs(text) {
  const paragraphs = [];
  let start = 0;
  let line = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    paragraphs.push({ line: line++, start, end: i, text: text.slice(start, i) });
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  paragraphs.push({ line, start, end: length, text: text.slice(start, length) });
  return paragraphs;
}

// ../../work/main/server/src/core/terms/localDefinitions.ts
var ABBREVIATION = /[（(]以下(?:简称|称)[“"]?([^”"）)，。；]{1,24})[”"]?[）)]/g;
var IS_DEFINED_AS = /(?:^|[，。；：])[“"]?([\p{Script=Han}A-Za-z0-9]{2,16}?)[”"]?，?(?:是指|系指|指的是)/gu;
function findLocalDefinitions(paragraphs) {
  const definitions = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    if (!text.includes("\u7B80\u79F0") && !text.includes("\u4EE5\u4E0B\u79F0") && !/是指|系指|指的是/.test(text)) continue;
    for (const pattern of [ABBREVIATION, IS_DEFINED_AS]) {
      for (const match2 of text.matchAll(pattern)) {
        const term = match2[1].includes("\u6240\u79F0") ? match2[1].slice(match2[1].lastIndexOf("\u6240\u79F0") + 2) : match2[1];
        if (term.length < 2) continue;
        const termStart = match2.index + match2[0].lastIndexOf(term);
        const sentence = sentenceAround(text, termStart);
        definitions.push({
          term,
          sentence: { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end },
          termSpan: { start: paragraph.start + termStart, end: paragraph.start + termStart + term.length },
          line: paragraph.line
        });
      }
    }
  }
  return definitions;
}
function sentenceAround(text, offset) {
  let start = offset;
  while (start > 0 && !/[。！？；]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && !/[。！？；]/.test(text[end])) end++;
  if (end < text.length) end++;
  return { start, end };
}

// ../../work/main/server/src/core/segment/tokens.ts
var LONE_SURROGATE_OR_NUL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g;
function cleanForNative(text) {
  return text.replace(LONE_SURROGATE_OR_NUL, "\uFFFD");
}
function piecesToTokens(text, pieces, tags) {
  const tokens = [];
  let offset = 0;
  for (let i = 0; i < pieces.length; i++) {
    const end = offset + pieces[i].length;
    if (end > text.length) return void 0;
    tokens.push(tags ? { text: text.slice(offset, end), start: offset, end, tag: tags[i] } : { text: text.slice(offset, end), start: offset, end });
    offset = end;
  }
  return offset === text.length ? tokens : void 0;
}
function segmentParagraph(segmenter, text) {
  if (text.length === 0) return [];
  const clean = cleanForNative(text);
  if (segmenter.tag) {
    const tagged = segmenter.tag(clean);
    const tokens = piecesToTokens(text, tagged.map((t) => t.word), tagged.map((t) => t.tag));
    if (tokens) return tokens;
  }
  return piecesToTokens(text, segmenter.cut(clean)) ?? codePointTokens(text);
}
function codePointTokens(text) {
  const tokens = [];
  let offset = 0;
  for (const char of text) {
    tokens.push({ text: char, start: offset, end: offset + char.length });
    offset += char.length;
  }
  return tokens;
}

// parts.ts
var corpus = fs4.readFileSync("/work/main/test/fixtures/002_8dfe99efc033ddf8.txt", "utf8");
var jieba = loadJieba([]).segmenter;
for (const n of process.argv.slice(2).map(Number)) {
  const text = corpus.replace(/\n/g, "").slice(0, n);
  let t = performance.now();
  const ps = splitParagraphs(text);
  buildOutline(text, ps, { markdown: false, leadItems: false });
  const o = performance.now() - t;
  t = performance.now();
  findLocalDefinitions(ps);
  const l = performance.now() - t;
  t = performance.now();
  segmentParagraph(jieba, text);
  console.log(n, "outline", o.toFixed(0), "localdefs", l.toFixed(0), "jieba", (performance.now() - t).toFixed(0));
}
