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

// rules.ts
var fs5 = __toESM(require("node:fs"));

// ../../work/main/test/helpers/analyzeText.ts
var fs4 = __toESM(require("node:fs"));
var path3 = __toESM(require("node:path"));

// ../../work/main/server/src/adapters/jieba.ts
var fs3 = __toESM(require("node:fs"));
var os = __toESM(require("node:os"));
var path2 = __toESM(require("node:path"));

// ../../work/main/server/src/core/segment/dictionaryFormat.ts
var DEFAULT_USER_FREQUENCY = 3e4;
var MAX_WORD_LENGTH = 32;
function parseDictionary(text2) {
  const entries = [];
  const problems = [];
  const lines = text2.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
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
    segmenter: { cut: (text2) => nodejieba.cut(text2, true), tag: (text2) => nodejieba.tag(text2) },
    loadMs: performance.now() - started,
    userWords,
    problems
  };
}

// ../../work/main/server/src/core/memo.ts
var BoundedMemo = class {
  constructor(capacity) {
    this.capacity = capacity;
  }
  capacity;
  #entries = /* @__PURE__ */ new Map();
  get size() {
    return this.#entries.size;
  }
  get(key) {
    return this.#entries.get(key);
  }
  has(key) {
    return this.#entries.has(key);
  }
  set(key, value) {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const drop = Math.ceil(this.capacity / 10);
      let n2 = 0;
      for (const oldest of this.#entries.keys()) {
        this.#entries.delete(oldest);
        if (++n2 >= drop) break;
      }
    }
  }
  /** Returns the cached value or computes and stores it. */
  getOrCompute(key, compute) {
    const cached = this.#entries.get(key);
    if (cached !== void 0) return cached;
    const value = compute();
    this.set(key, value);
    return value;
  }
  clear() {
    this.#entries.clear();
  }
};

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
var DIGIT_CHARS = ["\u96F6", "\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u4E03", "\u516B", "\u4E5D"];
function formatChineseNumeral(value) {
  if (!Number.isInteger(value) || value <= 0 || value >= 1e4) return String(value);
  const places = [
    [1e3, "\u5343"],
    [100, "\u767E"],
    [10, "\u5341"]
  ];
  let result = "";
  let rest = value;
  let needZero = false;
  for (const [size, unit] of places) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit === 0) {
      if (result) needZero = true;
      continue;
    }
    if (needZero) result += "\u96F6";
    needZero = false;
    result += size === 10 && digit === 1 && result === "" ? unit : DIGIT_CHARS[digit] + unit;
  }
  if (rest > 0) result += (needZero && result ? "\u96F6" : "") + DIGIT_CHARS[rest];
  return result;
}
function parseCircledNumber(char) {
  const code = char.codePointAt(0);
  if (code === void 0 || char.length !== 1) return void 0;
  if (code >= 9312 && code <= 9331) return code - 9312 + 1;
  if (code >= 12881 && code <= 12895) return code - 12881 + 21;
  if (code >= 12977 && code <= 12991) return code - 12977 + 36;
  return void 0;
}
function formatCircledNumber(value) {
  if (value >= 1 && value <= 20) return String.fromCharCode(9312 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCharCode(12881 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCharCode(12977 + value - 36);
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
function marker(value, text2, start, style) {
  return value === void 0 || value <= 0 ? void 0 : { value, text: text2, start, end: start + text2.length, style };
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

// ../../work/main/server/src/core/analysis.ts
var LIGHT_RULES = /* @__PURE__ */ new Set(["outline.numbering", "punctuation.width"]);
var AnalysisCaches = class {
  #lineClasses = new BoundedMemo(2e5);
  #memos = /* @__PURE__ */ new Map();
  /** A per-paragraph memo for document checks (see DocumentFacts.memo). */
  memo(namespace, text2, compute) {
    let memo = this.#memos.get(namespace);
    if (!memo) {
      if (this.#memos.size >= 64) this.#memos.delete(this.#memos.keys().next().value);
      this.#memos.set(namespace, memo = new BoundedMemo(1e5));
    }
    return memo.getOrCompute(text2, compute);
  }
  /** `classifyLine` remembered by line text, so an edit re-classifies only the edited line. */
  classifyLine = (line) => this.#lineClasses.getOrCompute(line, () => classifyLine(line));
};
function ruleConfig(rule, config) {
  const configured = config.rules.get(rule.id);
  const options = {};
  for (const option of rule.options) options[option.name] = configured?.options[option.name] ?? option.default;
  return { severity: configured?.severity ?? rule.defaultSeverity, options };
}
function analyze(facts2, rules, config, caches) {
  const findings = [];
  for (const rule of rules) {
    const { severity, options } = ruleConfig(rule, config);
    if (severity === "off") continue;
    if (!config.heavyRules && !LIGHT_RULES.has(rule.id)) continue;
    const optionsKey = JSON.stringify(options);
    if (rule.checkParagraph) {
      for (const paragraph of facts2.paragraphs) {
        if (paragraph.text.length === 0) continue;
        const found = paragraphFindings(rule, paragraph, facts2, options, `${rule.id}\0${optionsKey}\0${config.cacheKey}`, caches);
        for (const finding of found ?? []) findings.push({ ...shift(finding, paragraph.start), severity });
      }
    }
    if (rule.checkDocument) {
      if (rule.needsTokens && facts2.paragraphs.some((p) => p.text.length > 0 && !facts2.tokensOf(p))) continue;
      for (const finding of rule.checkDocument(facts2, options)) findings.push({ ...finding, severity });
    }
  }
  return findings;
}
function paragraphFindings(rule, paragraph, facts2, options, namespace, caches) {
  const tokens = rule.needsTokens ? facts2.tokensOf(paragraph) : void 0;
  if (rule.needsTokens && !tokens) return void 0;
  return caches.memo(namespace, paragraph.text, () => rule.checkParagraph(
    { paragraph: { ...paragraph, start: 0, end: paragraph.text.length }, tokens, terms: facts2.termHits(paragraph), ignored: facts2.ignored },
    options
  ));
}
function shift(finding, base) {
  if (base === 0) return finding;
  const move = (span) => ({ start: span.start + base, end: span.end + base });
  return {
    ...finding,
    span: move(finding.span),
    related: finding.related?.map(move),
    fix: finding.fix?.map((edit) => ({ span: move(edit.span), newText: edit.newText }))
  };
}

// ../../work/main/server/src/core/outline/documentTitles.ts
var MAX_HEADLINE_LINES = 3;
var MIN_ARTICLE_OPENING = 40;
function findDocumentTitles(facts2) {
  const titles = [];
  for (let i = 0; i < facts2.count; i++) {
    const candidate = facts2.candidates[i];
    if (!candidate) continue;
    if (candidate.type === "title") {
      if (candidate.certain || followsBody(facts2, i) && precedesBody(facts2, i)) titles.push([i]);
    } else if (candidate.type === "plain") {
      const headline = headlineAt(facts2, i);
      if (headline) {
        titles.push(headline);
        i = headline[headline.length - 1];
      }
    }
  }
  return titles;
}
function followsBody(facts2, line) {
  const previous = facts2.previousNonBlank[line];
  return previous === -1 || facts2.bodyEnding[previous] === 1;
}
function precedesBody(facts2, line) {
  const next = facts2.nextNonBlank[line];
  if (next === -1) return false;
  const type = facts2.candidates[next]?.type;
  return type !== "plain" && type !== "title";
}
function headlineAt(facts2, first) {
  if (!followsBody(facts2, first)) return void 0;
  const lines = [first];
  let next = facts2.nextNonBlank[first];
  while (next !== -1 && facts2.candidates[next]?.type === "plain" && lines.length < MAX_HEADLINE_LINES) {
    lines.push(next);
    next = facts2.nextNonBlank[next];
  }
  if (next === -1 || facts2.candidates[next] !== null || facts2.contentLength[next] < MIN_ARTICLE_OPENING) return void 0;
  const firstLine = facts2.candidates[first];
  const oneLineHeadline = firstLine?.type === "plain" && firstLine.hasBreak;
  return lines.length >= 2 || oneLineHeadline ? lines : void 0;
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
    const text2 = paragraphs[i].text;
    previousNonBlank[i] = previous;
    if (isBlankLine(text2)) {
      blank[i] = 1;
      candidates[i] = null;
      continue;
    }
    candidates[i] = classify(text2);
    bodyEnding[i] = endsLikeBody(text2) ? 1 : 0;
    contentLength[i] = contentEnd(text2) - contentStart(text2);
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
  constructor(paragraphs, facts2) {
    this.paragraphs = paragraphs;
    this.facts = facts2;
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
function buildOutline(text2, paragraphs, options, classify = classifyLine) {
  const facts2 = collectLineFacts(paragraphs, classify);
  const titles = findDocumentTitles(facts2);
  const builder = new TreeBuilder(paragraphs, facts2);
  const regions = describeRegions(facts2, titles);
  let nextTitle = 0;
  let region = 0;
  for (let line = 0; line < facts2.count; line++) {
    if (nextTitle < titles.length && titles[nextTitle][0] === line) {
      const title = titles[nextTitle++];
      region++;
      builder.open(documentHeading(paragraphs, facts2, title));
      line = title[title.length - 1];
      continue;
    }
    const candidate = facts2.candidates[line];
    if (!candidate) continue;
    const heading2 = resolveHeading(candidate, line, {
      text: text2,
      paragraphs,
      facts: facts2,
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
function describeRegions(facts2, titles) {
  const numberedParts = new Array(titles.length + 1).fill(false);
  let region = 0;
  for (let line = 0; line < facts2.count; line++) {
    if (region < titles.length && titles[region][0] === line) region++;
    const candidate = facts2.candidates[line];
    if (candidate?.type === "heading" && candidate.family === "cjk-dun") numberedParts[region] = true;
  }
  return numberedParts.map((numbered, index) => ({ titled: index > 0, numberedParts: numbered }));
}
function documentHeading(paragraphs, facts2, title) {
  const first = paragraphs[title[0]];
  const last = paragraphs[title[title.length - 1]];
  const candidate = facts2.candidates[title[0]];
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
      const { region, facts: facts2 } = context;
      if (!candidate.partLike || !region.titled || region.numberedParts) return void 0;
      if (!followsBody(facts2, line) || !precedesBody(facts2, line)) return void 0;
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
  const { facts: facts2 } = context;
  const next = facts2.nextNonBlank[line];
  if (next === -1) return void 0;
  const following = facts2.candidates[next];
  if (following?.type !== "plain" || !following.partLike || facts2.contentLength[next] > MAX_WRAPPED_TAIL) return void 0;
  return precedesBody(facts2, next) ? next : void 0;
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

// ../../work/main/server/src/core/outline/markerText.ts
var NUMERAL = new RegExp(`\\d+|[${CHINESE_NUMERAL_CHARS}]+|[\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf]`);
function numeralSystemOf(marker2) {
  const numeral = NUMERAL.exec(marker2)?.[0] ?? "";
  if (/^\d/.test(numeral)) return "arabic";
  if (/^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/.test(numeral)) return "circled";
  return "chinese";
}
function formatNumeralLike(marker2, value) {
  switch (numeralSystemOf(marker2)) {
    case "arabic":
      return String(value);
    case "circled":
      return formatCircledNumber(value) ?? String(value);
    case "chinese":
      return formatChineseNumeral(value);
  }
}
function renumberMarker(marker2, value) {
  return marker2.replace(NUMERAL, formatNumeralLike(marker2, value));
}
function rebracketMarker(marker2, width) {
  return width === "fullwidth" ? marker2.replace(/^\(/, "\uFF08").replace(/\)$/, "\uFF09") : marker2.replace(/^（/, "(").replace(/）$/, ")");
}
var MARKER_PUNCTUATION = { dot: ".", "fullwidth-dot": "\uFF0E", comma: "\u3001" };
function repunctuateMarker(marker2, style) {
  const punctuation = MARKER_PUNCTUATION[style];
  return punctuation === void 0 ? marker2 : marker2.replace(/[.．、]$/, punctuation);
}

// ../../work/main/server/src/core/rules/numbering.ts
var numberingRule = {
  id: "outline.numbering",
  defaultSeverity: "warning",
  needsTokens: false,
  description: {
    en: "Heading numbers that skip, repeat, mix bracket widths or punctuation, or break the GB/T 9704 level order.",
    zh: "\u6807\u9898\u5E8F\u53F7\u8DF3\u53F7\u3001\u91CD\u53F7\u3001\u62EC\u53F7\u5168\u534A\u89D2\u6216\u5E8F\u53F7\u6807\u70B9\u4E0D\u7EDF\u4E00\uFF0C\u6216\u5C42\u7EA7\u987A\u5E8F\u4E0D\u7B26\u5408 GB/T 9704\u3002"
  },
  options: [],
  messages: {
    skipped: { en: "Numbering skips: expected {expected}, found {found}.", zh: "\u5E8F\u53F7\u4E0D\u8FDE\u7EED\uFF1A\u6B64\u5904\u5E94\u4E3A\u201C{expected}\u201D\uFF0C\u5B9E\u4E3A\u201C{found}\u201D\u3002" },
    duplicate: { en: "Number {number} is used again.", zh: "\u5E8F\u53F7\u201C{number}\u201D\u91CD\u590D\u3002" },
    bracketWidth: {
      en: "Bracket width differs from the rest of the document: {found} should be {expected}.",
      zh: "\u62EC\u53F7\u5168\u534A\u89D2\u4E0E\u5168\u6587\u4E0D\u4E00\u81F4\uFF1A\u201C{found}\u201D\u5E94\u4E3A\u201C{expected}\u201D\u3002"
    },
    punctuation: {
      en: "Marker punctuation differs from the rest of the document: {found} should be {expected}.",
      zh: "\u5E8F\u53F7\u6807\u70B9\u4E0E\u5168\u6587\u4E0D\u4E00\u81F4\uFF1A\u201C{found}\u201D\u5E94\u4E3A\u201C{expected}\u201D\u3002"
    },
    levelOrder: {
      en: "Heading level out of order: {found} follows the lower level {previous} (GB/T 9704: \u4E00\u3001 \u2192 \uFF08\u4E00\uFF09 \u2192 1. \u2192 \uFF081\uFF09 \u2192 \u2460).",
      zh: "\u6807\u9898\u5C42\u7EA7\u6B21\u5E8F\u98A0\u5012\uFF1A\u201C{found}\u201D\u51FA\u73B0\u5728\u4E0B\u7EA7\u5E8F\u53F7\u201C{previous}\u201D\u4E4B\u540E\uFF08GB/T 9704\uFF1A\u4E00\u3001\u2192\uFF08\u4E00\uFF09\u2192 1. \u2192\uFF081\uFF09\u2192 \u2460\uFF09\u3002"
    }
  },
  checkDocument(facts2) {
    return checkNumbering(facts2.text, facts2.outline);
  }
};
var CODE = "outline.numbering";
function checkNumbering(text2, outline) {
  const findings = [];
  checkChildren(text2, outline, { start: 0, end: text2.length }, findings);
  for (const scope of documentScopes(text2, outline)) {
    const nodes = scope.headings.flatMap(preOrder);
    for (const kind of ["bian", "chapter", "article"]) {
      checkRun(text2, nodes.filter((node) => node.kind === kind && node.number), scope.span, findings);
    }
    checkBracketWidth(nodes, findings);
    checkPunctuation(nodes, findings);
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}
function documentScopes(text2, outline) {
  const loose = outline.filter((node) => node.kind !== "document");
  const documents = outline.filter((node) => node.kind === "document").map((node) => ({ headings: node.children, span: node.span }));
  return loose.length > 0 ? [{ headings: loose, span: { start: 0, end: text2.length } }, ...documents] : documents;
}
function preOrder(node) {
  return [node, ...node.children.flatMap(preOrder)];
}
function checkChildren(text2, children, parentSpan, findings) {
  for (const run of siblingRuns(children)) checkRun(text2, run, parentSpan, findings);
  checkLevelOrder(children, findings);
  for (const child of children) checkChildren(text2, child.children, child.span, findings);
}
function siblingRuns(children) {
  const runs = /* @__PURE__ */ new Map();
  for (const child of children) {
    const family = runFamily(child);
    if (!family) continue;
    let familyRuns = runs.get(family);
    if (!familyRuns) runs.set(family, familyRuns = [[]]);
    if (child.kind === "lead" && child.number.value === 1 && familyRuns[familyRuns.length - 1].length > 0) familyRuns.push([]);
    familyRuns[familyRuns.length - 1].push(child);
  }
  return [...runs.values()].flat();
}
function runFamily(node) {
  if (!node.number) return void 0;
  switch (node.kind) {
    case "bian":
    case "chapter":
    case "article":
      return void 0;
    // numbered through the whole document, see checkNumbering
    case "lead":
      return `lead:${node.number.text.slice(-1)}`;
    case "listItem":
      return `listItem:${numeralSystemOf(node.number.text)}:${/^[（(]/.test(node.number.text) ? "paren" : "plain"}`;
    default:
      return node.kind;
  }
}
function checkRun(text2, run, parentSpan, findings) {
  let previous;
  let previousValue = 0;
  for (let index = 0; index < run.length; index++) {
    const node = run[index];
    const number = node.number;
    const expected = previousValue + 1;
    if (number.value === expected) {
      previous = node;
      previousValue = number.value;
      continue;
    }
    const related = previous ? [previous.number.span] : void 0;
    if (number.value > expected) {
      const gapStart = previous ? previous.selectionSpan.end : parentSpan.start;
      const fix = renumberingIsCertain(text2, run, node, gapStart) ? renumberFrom(run, index, expected) : void 0;
      findings.push({
        code: CODE,
        messageId: "skipped",
        span: number.span,
        args: { expected: formatNumeralLike(number.text, expected), found: formatNumeralLike(number.text, number.value) },
        ...related ? { related } : {},
        ...fix ? { fix } : {}
      });
      previous = node;
      previousValue = number.value;
      continue;
    }
    const next = run[index + 1];
    const certain = number.value === previousValue && next?.number.value === number.value + 2;
    findings.push({
      code: CODE,
      messageId: "duplicate",
      span: number.span,
      args: { number: formatNumeralLike(number.text, number.value) },
      ...related ? { related } : {},
      ...certain ? { fix: [{ span: number.span, newText: renumberMarker(number.text, number.value + 1) }] } : {}
    });
    previous = node;
    previousValue = certain ? number.value + 1 : Math.max(previousValue, number.value);
  }
}
function renumberFrom(run, from, firstValue) {
  return run.slice(from).map((node, offset) => ({ span: node.number.span, newText: renumberMarker(node.number.text, firstValue + offset) }));
}
function renumberingIsCertain(text2, run, node, gapStart) {
  if (node.kind === "document" || node.kind === "lead" || node.kind === "article" || node.kind === "listItem") return false;
  if (!run.every((sibling) => isStandalone(text2, sibling))) return false;
  return !hasHeadingLikeLine(text2, gapStart, node.span.start);
}
function isStandalone(text2, node) {
  const lineEnd = endOfLine(text2, node.selectionSpan.end);
  return text2.slice(node.selectionSpan.end, lineEnd).trim() === "";
}
function endOfLine(text2, offset) {
  let end = offset;
  while (end < text2.length && text2[end] !== "\n" && text2[end] !== "\r") end++;
  return end;
}
function hasHeadingLikeLine(text2, from, to) {
  const lines = text2.slice(endOfLine(text2, from), to).split(/\r\n|\n|\r/);
  return lines.some((line) => {
    const content = line.trim();
    return content.length > 0 && content.length <= 50 && !/[。！？!?；;：:，,]/.test(content);
  });
}
function checkBracketWidth(nodes, findings) {
  const bracketed = nodes.filter((node) => node.number && /paren$/.test(node.number.style));
  for (const system of ["chinese", "arabic"]) {
    const group = bracketed.filter((node) => numeralSystemOf(node.number.text) === system);
    const width = majority(group.map((node) => node.number.style), ["fullwidth-paren", "halfwidth-paren"]);
    if (!width) continue;
    for (const node of group) {
      const number = node.number;
      if (number.style === width) continue;
      const expected = rebracketMarker(number.text, width === "fullwidth-paren" ? "fullwidth" : "halfwidth");
      findings.push({
        code: CODE,
        messageId: "bracketWidth",
        span: number.span,
        args: { found: number.text, expected },
        fix: [{ span: number.span, newText: expected }]
      });
    }
  }
}
function checkPunctuation(nodes, findings) {
  const groups = { chinese: [], arabic: [] };
  for (const node of nodes) {
    if (!node.number || MARKER_PUNCTUATION[node.number.style] === void 0 || node.kind === "document") continue;
    groups[numeralSystemOf(node.number.text) === "arabic" ? "arabic" : "chinese"].push(node);
  }
  for (const group of Object.values(groups)) {
    const style = majority(
      group.map((node) => node.number.style),
      Object.keys(MARKER_PUNCTUATION)
    );
    if (!style) continue;
    for (const node of group) {
      const number = node.number;
      if (number.style === style) continue;
      const expected = repunctuateMarker(number.text, style);
      findings.push({
        code: CODE,
        messageId: "punctuation",
        span: number.span,
        args: { found: number.text, expected },
        fix: [{ span: number.span, newText: expected }]
      });
    }
  }
}
function majority(styles, candidates) {
  const counts = /* @__PURE__ */ new Map();
  for (const style of styles) counts.set(style, (counts.get(style) ?? 0) + 1);
  if (counts.size < 2) return void 0;
  const ranked = candidates.map((style) => [style, counts.get(style) ?? 0]).sort((a, b) => b[1] - a[1]);
  return ranked[0][1] > ranked[1][1] ? ranked[0][0] : void 0;
}
var REPORT_LEVEL = { part: 1, section: 2, item: 3, subitem: 4, circled: 5 };
function checkLevelOrder(children, findings) {
  let previous;
  for (const child of children) {
    const level = REPORT_LEVEL[child.kind];
    if (level === void 0 || !child.number) continue;
    if (previous && REPORT_LEVEL[previous.kind] > level) {
      findings.push({
        code: CODE,
        messageId: "levelOrder",
        span: child.number.span,
        args: { found: child.number.text, previous: previous.number.text },
        related: [previous.number.span]
      });
    }
    previous = child;
  }
}

// ../../work/main/server/src/core/text/chars.ts
var HAN = /\p{Script=Han}/u;
var CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2014\u2026\u201c\u201d\u2018\u2019《》]/;
function isHan(char) {
  return char !== void 0 && HAN.test(char);
}
function isCjkPunctuation(char) {
  return char !== void 0 && CJK_PUNCTUATION.test(char);
}
function charAt(text2, offset, before = false) {
  if (before) {
    if (offset <= 0) return void 0;
    const low = text2.charCodeAt(offset - 1);
    if (low >= 56320 && low <= 57343 && offset >= 2) {
      const high = text2.charCodeAt(offset - 2);
      if (high >= 55296 && high <= 56319) return text2.slice(offset - 2, offset);
    }
    return text2[offset - 1];
  }
  if (offset >= text2.length) return void 0;
  return String.fromCodePoint(text2.codePointAt(offset));
}

// ../../work/main/server/src/core/rules/punctuationWidth.ts
var FULL_WIDTH = { ",": "\uFF0C", ";": "\uFF1B", ":": "\uFF1A", "(": "\uFF08", ")": "\uFF09", "?": "\uFF1F", "!": "\uFF01" };
var HALF_WIDTH = /[,;:()?!]/g;
var SPACES = /[ \u3000\u00a0]+/g;
var NUMBER_UNIT = /[年月日%％]/;
var LAW_MARKER_SPACE = /^\s*第[一二三四五六七八九十百千零〇两\d]+[条章节编]$/;
var punctuationWidthRule = {
  id: "punctuation.width",
  defaultSeverity: "warning",
  needsTokens: false,
  description: {
    en: "Half-width punctuation and stray spaces inside Chinese text.",
    zh: "\u4E2D\u6587\u6587\u672C\u4E2D\u7684\u534A\u89D2\u6807\u70B9\u548C\u591A\u4F59\u7A7A\u683C\u3002"
  },
  options: [
    {
      name: "checkSpaces",
      type: "boolean",
      default: true,
      description: { en: "Also flag spaces between Chinese characters and before \u5E74/\u6708/\u65E5/%.", zh: "\u540C\u65F6\u68C0\u67E5\u6C49\u5B57\u4E4B\u95F4\u53CA\u6570\u5B57\u4E0E\u5E74\u3001\u6708\u3001\u65E5\u3001% \u4E4B\u95F4\u7684\u7A7A\u683C\u3002" }
    }
  ],
  messages: {
    halfWidth: { en: 'Half-width "{char}" in Chinese text: use "{replacement}".', zh: "\u4E2D\u6587\u8BED\u5883\u4E2D\u4F7F\u7528\u4E86\u534A\u89D2\u201C{char}\u201D\uFF0C\u5E94\u4E3A\u201C{replacement}\u201D\u3002" },
    space: { en: "Stray space inside Chinese text (often left by PDF copying).", zh: "\u4E2D\u6587\u6587\u5B57\u4E4B\u95F4\u6709\u591A\u4F59\u7A7A\u683C\uFF08\u5E38\u89C1\u4E8E PDF \u590D\u5236\uFF09\u3002" },
    letterSpaced: { en: "Letter-spaced Chinese text (often left by PDF copying): remove the spaces.", zh: "\u6C49\u5B57\u4E4B\u95F4\u9010\u5B57\u52A0\u4E86\u7A7A\u683C\uFF08\u5E38\u89C1\u4E8E PDF \u590D\u5236\uFF09\uFF0C\u5E94\u5220\u9664\u3002" },
    numberUnitSpace: { en: 'Stray space between a number and "{unit}".', zh: "\u6570\u5B57\u4E0E\u201C{unit}\u201D\u4E4B\u95F4\u6709\u591A\u4F59\u7A7A\u683C\u3002" }
  },
  checkParagraph({ paragraph }, options) {
    const text2 = paragraph.text;
    const findings = [];
    for (const match2 of text2.matchAll(HALF_WIDTH)) {
      const at = match2.index;
      if (!inChineseContext(text2, at, match2[0])) continue;
      const replacement = FULL_WIDTH[match2[0]];
      findings.push({
        code: "punctuation.width",
        messageId: "halfWidth",
        span: { start: at, end: at + 1 },
        args: { char: match2[0], replacement },
        fix: [{ span: { start: at, end: at + 1 }, newText: replacement }]
      });
    }
    if (options.checkSpaces !== false && isProse(text2)) findings.push(...strayspaces(text2));
    return findings;
  }
};
function inChineseContext(text2, at, char) {
  const before = charAt(text2, at, true);
  const after = charAt(text2, at + 1);
  const chineseBefore = isHan(before) || isCjkPunctuation(before);
  const chineseAfter = isHan(after) || isCjkPunctuation(after);
  if (char === "(") return chineseAfter && (chineseBefore || before === void 0);
  if (char === ")") return chineseBefore && (chineseAfter || after === void 0 || /[,;:?!]/.test(after));
  if (chineseBefore) return after === void 0 || !/[0-9A-Za-z]/.test(after);
  return /[0-9%％)]/.test(before ?? "") && isHan(after);
}
function isProse(text2) {
  return text2.length >= 20 && (text2.includes("\u3002") || /[。！？；，：…]\s*$/.test(text2));
}
function quotedRanges(text2) {
  const ranges = [];
  for (const match2 of text2.matchAll(/“[^“”]{1,40}”/g)) ranges.push([match2.index, match2.index + match2[0].length]);
  return ranges;
}
function strayspaces(text2) {
  const findings = [];
  const quoted = quotedRanges(text2);
  for (const match2 of text2.matchAll(SPACES)) {
    const start = match2.index;
    const end = start + match2[0].length;
    if (start === 0 || end === text2.length) continue;
    if (quoted.some(([from, to]) => start > from && end < to)) continue;
    const before = charAt(text2, start, true);
    const after = charAt(text2, end);
    if (LAW_MARKER_SPACE.test(text2.slice(0, start))) continue;
    const chinese = (c) => isHan(c) || isCjkPunctuation(c);
    let messageId;
    let args = {};
    if (/[0-9]/.test(before ?? "") && NUMBER_UNIT.test(after ?? "")) {
      messageId = "numberUnitSpace";
      args = { unit: after };
    } else if (chinese(before) && chinese(after)) {
      messageId = "space";
    }
    if (!messageId) continue;
    const previous = findings.at(-1);
    if (messageId === "space" && previous && previous.messageId !== "numberUnitSpace" && start - previous.span.end <= 2) {
      findings[findings.length - 1] = {
        ...previous,
        messageId: "letterSpaced",
        span: { start: previous.span.start, end },
        fix: [...previous.fix, { span: { start, end }, newText: "" }]
      };
      continue;
    }
    findings.push({
      code: "punctuation.width",
      messageId,
      span: { start, end },
      args,
      fix: [{ span: { start, end }, newText: "" }]
    });
  }
  return findings;
}

// ../../work/main/server/src/core/rules/documentScopes.ts
function documentScopes2(text2, outline) {
  const documents = outline.filter((node) => node.kind === "document");
  if (documents.length === 0) return [{ start: 0, end: text2.length }];
  const scopes = [];
  if (documents[0].span.start > 0) scopes.push({ start: 0, end: documents[0].span.start });
  documents.forEach((node, i) => scopes.push({ start: node.span.start, end: i + 1 < documents.length ? documents[i + 1].span.start : text2.length }));
  return scopes;
}
function paragraphsBySpan(paragraphs, spans) {
  const groups = spans.map(() => []);
  let s = 0;
  for (const paragraph of paragraphs) {
    while (s < spans.length && paragraph.start >= spans[s].end) s++;
    if (s >= spans.length) break;
    if (paragraph.text.length > 0 && paragraph.end > spans[s].start) groups[s].push(paragraph);
  }
  return groups;
}

// ../../work/main/server/src/core/rules/sentenceDuplicated.ts
var SENTENCE = /[^。！？!?\r\n]+[。！？!?]/g;
var sentenceDuplicatedRule = {
  id: "sentence.duplicated",
  defaultSeverity: "warning",
  needsTokens: false,
  description: { en: "A sentence that appears twice in the same document.", zh: "\u540C\u4E00\u6587\u7A3F\u4E2D\u91CD\u590D\u51FA\u73B0\u7684\u53E5\u5B50\u3002" },
  options: [
    { name: "minLength", type: "number", default: 12, minimum: 4, maximum: 200, description: { en: "Shortest sentence (characters) compared.", zh: "\u53C2\u4E0E\u6BD4\u8F83\u7684\u6700\u77ED\u53E5\u5B50\uFF08\u5B57\u6570\uFF09\u3002" } }
  ],
  messages: {
    duplicate: { en: "This sentence already appears on line {line}.", zh: "\u6B64\u53E5\u4E0E\u7B2C {line} \u884C\u91CD\u590D\u3002" }
  },
  checkDocument(facts2, options) {
    const minLength = options.minLength;
    const findings = [];
    const scopes = documentScopes2(facts2.text, facts2.outline);
    for (const paragraphs of paragraphsBySpan(facts2.paragraphs, scopes)) {
      const first = /* @__PURE__ */ new Map();
      for (const paragraph of paragraphs) {
        for (const sentence of facts2.memo(`sentences/${minLength}`, paragraph, () => sentencesOf(paragraph.text, minLength))) {
          const span = { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end };
          const original = first.get(sentence.key);
          if (!original) {
            first.set(sentence.key, span);
            continue;
          }
          findings.push({
            code: "sentence.duplicated",
            messageId: "duplicate",
            span,
            args: { line: lineOf(facts2.paragraphs, original.start) + 1 },
            related: [original]
          });
        }
      }
    }
    return findings;
  }
};
function sentencesOf(text2, minLength) {
  const sentences = [];
  if (text2.length < minLength) return sentences;
  for (const match2 of text2.matchAll(SENTENCE)) {
    const raw = match2[0];
    const key = raw.replace(/\s+/g, "");
    if ([...key].length < minLength) continue;
    const leading = raw.length - raw.trimStart().length;
    sentences.push({ key, start: match2.index + leading, end: match2.index + raw.length });
  }
  return sentences;
}
function lineOf(paragraphs, offset) {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (paragraphs[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

// ../../work/main/server/src/core/rules/phrases.ts
var FUNCTION_WORDS = /* @__PURE__ */ new Set([
  "\u7684",
  "\u5730",
  "\u5F97",
  "\u4E4B",
  "\u548C",
  "\u4E0E",
  "\u53CA",
  "\u4EE5\u53CA",
  "\u6216",
  "\u6216\u8005",
  "\u662F",
  "\u5728",
  "\u4E86",
  "\u7740",
  "\u8FC7",
  "\u4E3A",
  "\u5BF9",
  "\u628A",
  "\u88AB",
  "\u5C06",
  "\u4ECE",
  "\u5411",
  "\u4E8E",
  "\u4EE5",
  "\u7B49",
  "\u8981",
  "\u4E5F",
  "\u90FD",
  "\u800C",
  "\u5E76",
  "\u4E14",
  "\u66F4",
  "\u66F4\u52A0",
  "\u5F88",
  "\u8BA9",
  "\u4F7F",
  "\u5176",
  "\u8FD9",
  "\u90A3",
  "\u5404",
  "\u6BCF"
]);
var HAN_ONLY = /^\p{Script=Han}+$/u;
var NOUN_LIKE = /^(n|vn|an|l|i|j|eng)/;
function phraseOccurrences(tokens, terms, minLength, maxTokens) {
  const occurrences = /* @__PURE__ */ new Map();
  const add = (phrase, span) => {
    const list = occurrences.get(phrase);
    if (!list) occurrences.set(phrase, [span]);
    else if (list[list.length - 1].end <= span.start) list.push(span);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i]) || FUNCTION_WORDS.has(tokens[i].text)) continue;
    let phrase = "";
    for (let j = i; j < tokens.length && j < i + maxTokens && isWord(tokens[j]); j++) {
      phrase += tokens[j].text;
      const tag = tokens[j].tag;
      if (phrase.length >= minLength && !FUNCTION_WORDS.has(tokens[j].text) && (tag === void 0 || NOUN_LIKE.test(tag))) {
        add(phrase, { start: tokens[i].start, end: tokens[j].end });
      }
    }
  }
  for (const hit of terms) {
    if (hit.end - hit.start >= minLength && !occurrences.get(hit.form)?.some((s) => s.start === hit.start)) add(hit.form, hit);
  }
  for (const list of occurrences.values()) list.sort((a, b) => a.start - b.start);
  return occurrences;
}
function isWord(token) {
  return HAN_ONLY.test(token.text);
}
var CLAUSE_BREAK = /[，。；：！？、,;:!?“”（）()\s]/;
function isParallelFrame(text2, spans) {
  const opens = spans.every((s) => s.start === 0 || CLAUSE_BREAK.test(text2[s.start - 1]));
  const closes = spans.every((s) => s.end === text2.length || CLAUSE_BREAK.test(text2[s.end]));
  return opens || closes;
}
function overlaps(a, b) {
  return a.start < b.end && b.start < a.end;
}

// ../../work/main/server/src/core/rules/sloganRepeated.ts
var CODE2 = "slogan.repeated";
var sloganRepeatedRule = {
  id: CODE2,
  defaultSeverity: "information",
  needsTokens: true,
  description: {
    en: "The same phrase or slogan repeated too often in a paragraph or a section.",
    zh: "\u540C\u4E00\u77ED\u8BED\u6216\u63D0\u6CD5\u5728\u4E00\u6BB5\u6216\u4E00\u8282\u4E2D\u91CD\u590D\u8FC7\u591A\u3002"
  },
  options: [
    { name: "minLength", type: "number", default: 4, minimum: 2, maximum: 20, description: { en: "Shortest phrase (characters) counted within a paragraph.", zh: "\u6BB5\u5185\u8BA1\u6570\u7684\u6700\u77ED\u77ED\u8BED\uFF08\u5B57\u6570\uFF09\u3002" } },
    { name: "minCount", type: "number", default: 3, minimum: 2, maximum: 50, description: { en: "Occurrences in one paragraph from which a phrase is reported.", zh: "\u540C\u4E00\u6BB5\u5185\u51FA\u73B0\u591A\u5C11\u6B21\u5373\u63D0\u793A\u3002" } },
    { name: "flagParallelFrames", type: "boolean", default: false, description: { en: "Also report parallel frames such as \u5FC5\u987B\u59CB\u7EC8\u575A\u6301\u2026 repeated at the start of clauses.", zh: "\u540C\u65F6\u63D0\u793A\u6392\u6BD4\u53E5\u5F0F\uFF08\u5982\u5206\u53E5\u5F00\u5934\u91CD\u590D\u7684\u201C\u5FC5\u987B\u59CB\u7EC8\u575A\u6301\u2026\u2026\u201D\uFF09\u3002" } },
    { name: "sectionDensity", type: "number", default: 3, minimum: 0.1, maximum: 100, description: { en: "Occurrences of one glossary slogan or term per 1 000 characters of a section from which it is reported.", zh: "\u540C\u4E00\u672F\u8BED\u6216\u63D0\u6CD5\u5728\u4E00\u8282\u4E2D\u6BCF\u5343\u5B57\u51FA\u73B0\u591A\u5C11\u6B21\u5373\u63D0\u793A\u3002" } },
    { name: "sectionMinCount", type: "number", default: 8, minimum: 2, maximum: 500, description: { en: "Fewest occurrences in a section before its density is judged.", zh: "\u4E00\u8282\u4E2D\u81F3\u5C11\u51FA\u73B0\u591A\u5C11\u6B21\u624D\u5224\u65AD\u5BC6\u5EA6\u3002" } }
  ],
  messages: {
    paragraph: { en: '"{phrase}" occurs {count} times in this paragraph.', zh: "\u201C{phrase}\u201D\u5728\u672C\u6BB5\u51FA\u73B0 {count} \u6B21\u3002" },
    section: {
      en: '"{phrase}" occurs {count} times in this section ({density} per 1 000 characters).',
      zh: "\u201C{phrase}\u201D\u5728\u672C\u8282\u51FA\u73B0 {count} \u6B21\uFF08\u6BCF\u5343\u5B57 {density} \u6B21\uFF09\u3002"
    }
  },
  checkDocument(facts2, options) {
    return [...checkParagraphs(facts2, options), ...checkSections(facts2, options)];
  }
};
function checkParagraphs(facts2, options) {
  const articles = lawSpans(facts2.outline, facts2.text.length);
  const namespace = `slogan.repeated/${JSON.stringify(options)}/${[...facts2.ignored].join("")}`;
  const findings = [];
  let a = 0;
  for (const paragraph of facts2.paragraphs) {
    if (paragraph.text.length < options.minLength * options.minCount) continue;
    while (a < articles.length && articles[a].end <= paragraph.start) a++;
    if (a < articles.length && articles[a].start <= paragraph.start) continue;
    const tokens = facts2.tokensOf(paragraph);
    if (!tokens) continue;
    const found = facts2.memo(
      namespace,
      paragraph,
      () => checkParagraph({ paragraph: { ...paragraph, start: 0, end: paragraph.text.length }, tokens, terms: facts2.termHits(paragraph), ignored: facts2.ignored }, options)
    );
    for (const finding of found) findings.push(shifted(finding, paragraph.start));
  }
  return findings;
}
function shifted(finding, base) {
  const move = (span) => ({ start: span.start + base, end: span.end + base });
  return { ...finding, span: move(finding.span), related: finding.related?.map(move) };
}
function lawSpans(outline, length) {
  const hasArticles = (node) => node.kind === "article" || node.children.some(hasArticles);
  const documents = outline.filter((node) => node.kind === "document");
  if (documents.length === 0) return outline.some(hasArticles) ? [{ start: 0, end: length }] : [];
  return documents.filter(hasArticles).map((node) => node.span);
}
function checkParagraph({ paragraph, tokens, terms, ignored }, options) {
  if (!tokens) return [];
  const minLength = options.minLength;
  const minCount = options.minCount;
  const text2 = paragraph.text;
  const formulas = terms.filter((t2) => t2.match.entry.kind === "slogan" && t2.end - t2.start > minLength);
  const candidates = [];
  const frames = [];
  for (const [phrase, all] of phraseOccurrences(tokens, terms, minLength, 8)) {
    if (all.length < minCount || ignored.has(phrase)) continue;
    const spans = all.filter((s) => !formulas.some((f) => f.form !== phrase && f.start <= s.start && s.end <= f.end));
    if (spans.length < minCount) continue;
    if (!options.flagParallelFrames && isParallelFrame(text2, spans)) {
      frames.push(...spans);
      continue;
    }
    candidates.push({ phrase, spans });
  }
  const free = candidates.filter((c) => !c.spans.every((s) => frames.some((f) => f.start <= s.start && s.end <= f.end)));
  candidates.length = 0;
  candidates.push(...free);
  candidates.sort((a, b) => b.spans.length - a.spans.length || b.phrase.length - a.phrase.length || a.spans[0].start - b.spans[0].start);
  const accepted = [];
  for (const candidate of candidates) {
    if (accepted.some((a) => a.spans.some((s) => candidate.spans.some((c) => overlaps(s, c))))) continue;
    accepted.push(candidate);
  }
  const findings = [];
  for (const { phrase, spans } of accepted) {
    spans.slice(minCount - 1).forEach((span) => {
      findings.push({
        code: CODE2,
        messageId: "paragraph",
        span,
        args: { phrase, count: spans.length },
        related: spans.filter((s) => s !== span),
        ignoreKey: phrase
      });
    });
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}
function checkSections(facts2, options) {
  const density = options.sectionDensity;
  const minCount = options.sectionMinCount;
  const findings = [];
  const laws = lawSpans(facts2.outline, facts2.text.length);
  const found = sectionsOf(facts2.outline).filter((node) => !laws.some((law) => law.start <= node.span.start && node.span.end <= law.end));
  const sections = found.length > 0 ? found.map((node) => node.span) : laws.length > 0 ? [] : [{ start: 0, end: facts2.text.length }];
  const groups = paragraphsBySpan(facts2.paragraphs, sections);
  for (const paragraphs of groups) {
    const occurrences = /* @__PURE__ */ new Map();
    let characters = 0;
    for (const paragraph of paragraphs) {
      characters += paragraph.text.length;
      for (const hit of facts2.termHits(paragraph)) {
        if (hit.end - hit.start < 4 || facts2.ignored.has(hit.match.entry.term)) continue;
        const list = occurrences.get(hit.match.entry.term) ?? [];
        list.push({ start: paragraph.start + hit.start, end: paragraph.start + hit.end });
        occurrences.set(hit.match.entry.term, list);
      }
    }
    for (const [phrase, spans] of occurrences) {
      const perThousand = spans.length * 1e3 / Math.max(characters, 1);
      if (spans.length < minCount || perThousand < density) continue;
      const last = spans[spans.length - 1];
      findings.push({
        code: CODE2,
        messageId: "section",
        span: last,
        args: { phrase, count: spans.length, density: perThousand.toFixed(1) },
        related: spans.slice(0, -1),
        ignoreKey: phrase
      });
    }
  }
  return findings;
}
function sectionsOf(outline) {
  const sections = [];
  const visit = (node) => {
    if (node.kind === "part" || node.kind === "chapter") sections.push(node);
    else if (node.kind === "document") {
      const parts = node.children.filter((c) => c.kind === "part" || c.kind === "chapter");
      if (parts.length === 0) sections.push(node);
      else parts.forEach((p) => sections.push(p));
    } else node.children.forEach(visit);
  };
  outline.forEach(visit);
  return sections;
}

// ../../work/main/server/src/core/rules/termInconsistent.ts
var CODE3 = "term.inconsistent";
var MAX_QUOTABLE = 6;
var termInconsistentRule = {
  id: CODE3,
  defaultSeverity: "information",
  needsTokens: false,
  description: {
    en: "The same term or symbol written two different (correct) ways in one document.",
    zh: "\u540C\u4E00\u6587\u7A3F\u4E2D\u540C\u4E00\u672F\u8BED\u6216\u7B26\u53F7\u5B58\u5728\u4E24\u79CD\u5199\u6CD5\u3002"
  },
  options: [],
  messages: {
    quotedMinority: {
      en: '"{term}" is in quotes here but without them {majority} times elsewhere in this document.',
      zh: "\u201C{term}\u201D\u6B64\u5904\u52A0\u4E86\u5F15\u53F7\uFF0C\u800C\u672C\u6587\u5176\u4F59 {majority} \u5904\u5747\u672A\u52A0\u5F15\u53F7\u3002"
    },
    bareMinority: {
      en: '"{term}" is without quotes here but in quotes {majority} times elsewhere in this document.',
      zh: "\u201C{term}\u201D\u6B64\u5904\u672A\u52A0\u5F15\u53F7\uFF0C\u800C\u672C\u6587\u5176\u4F59 {majority} \u5904\u5747\u52A0\u5F15\u53F7\u3002"
    },
    variant: { en: '"{found}" is written "{majorityText}" {majority} times elsewhere in this document.', zh: "\u201C{found}\u201D\u5728\u672C\u6587\u5176\u4F59 {majority} \u5904\u5199\u4F5C\u201C{majorityText}\u201D\u3002" },
    symbol: { en: '"{found}" is written "{majorityText}" {majority} times elsewhere in this document.', zh: "\u201C{found}\u201D\u5728\u672C\u6587\u5176\u4F59 {majority} \u5904\u5199\u4F5C\u201C{majorityText}\u201D\u3002" }
  },
  checkDocument(facts2) {
    const findings = [];
    const scopes = documentScopes2(facts2.text, facts2.outline);
    for (const paragraphs of paragraphsBySpan(facts2.paragraphs, scopes)) {
      const quoted = /* @__PURE__ */ new Map();
      const variants = /* @__PURE__ */ new Map();
      const percent = { "%": [], "\uFF05": [] };
      for (const paragraph of paragraphs) {
        const uses = facts2.memo("term.inconsistent", paragraph, () => usesIn(paragraph.text, facts2.termHits(paragraph)));
        const base = paragraph.start;
        for (const use of uses.forms) {
          const span = { start: base + use.start, end: base + use.end };
          if (use.role !== "alias") {
            let forms = variants.get(use.term);
            if (!forms) variants.set(use.term, forms = /* @__PURE__ */ new Map());
            const spans = forms.get(use.form);
            if (spans) spans.push(span);
            else forms.set(use.form, [span]);
          }
          if (use.quoting === "inside") continue;
          const entry = quoted.get(use.form) ?? { quoted: [], bare: [] };
          if (use.quoting === "exact") {
            entry.quoted.push({
              span: { start: span.start - 1, end: span.end + 1 },
              toOther: [
                { span: { start: span.start - 1, end: span.start }, newText: "" },
                { span: { start: span.end, end: span.end + 1 }, newText: "" }
              ]
            });
          } else {
            entry.bare.push({
              span,
              toOther: [
                { span: { start: span.start, end: span.start }, newText: "\u201C" },
                { span: { start: span.end, end: span.end }, newText: "\u201D" }
              ]
            });
          }
          quoted.set(use.form, entry);
        }
        for (const p of uses.percents) percent[p.symbol].push({ start: base + p.at, end: base + p.at + 1 });
      }
      for (const [term, uses] of quoted) {
        const { minority, majority: majority2, minorityIsQuoted } = split(uses.quoted, uses.bare);
        for (const use of minority) {
          findings.push({
            code: CODE3,
            messageId: minorityIsQuoted ? "quotedMinority" : "bareMinority",
            span: use.span,
            args: { term, majority: majority2.length },
            related: majority2.slice(0, 20).map((m) => m.span),
            fix: use.toOther
          });
        }
      }
      for (const forms of variants.values()) {
        if (forms.size < 2) continue;
        const ranked = [...forms].sort((a, b) => b[1].length - a[1].length);
        const [majorityText, majoritySpans] = ranked[0];
        if (ranked[1][1].length === majoritySpans.length) continue;
        for (const [found, spans] of ranked.slice(1)) {
          for (const span of spans) {
            findings.push({
              code: CODE3,
              messageId: "variant",
              span,
              args: { found, majorityText, majority: majoritySpans.length },
              related: majoritySpans.slice(0, 20),
              fix: [{ span, newText: majorityText }]
            });
          }
        }
      }
      const [rare, common] = percent["%"].length >= percent["\uFF05"].length ? ["\uFF05", "%"] : ["%", "\uFF05"];
      if (percent[rare].length > 0 && percent[rare].length < percent[common].length) {
        for (const span of percent[rare]) {
          findings.push({
            code: CODE3,
            messageId: "symbol",
            span,
            args: { found: rare, majorityText: common, majority: percent[common].length },
            fix: [{ span, newText: common }]
          });
        }
      }
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  }
};
function usesIn(text2, hits) {
  const quotes = quoteRegions(text2);
  const forms = [];
  for (const hit of hits) {
    if (hit.match.role === "rejected") continue;
    const region = quotes.find((q) => q.start <= hit.start - 1 && hit.end + 1 <= q.end);
    const exact = region !== void 0 && region.start === hit.start - 1 && region.end === hit.end + 1;
    const quoting = hit.form.length > MAX_QUOTABLE ? "inside" : exact ? "exact" : region ? "inside" : "bare";
    forms.push({ term: hit.match.entry.term, form: hit.form, role: hit.match.role, start: hit.start, end: hit.end, quoting });
  }
  const percents = [];
  for (const match2 of text2.matchAll(/\d[%％]/g)) percents.push({ symbol: match2[0].slice(1), at: match2.index + 1 });
  return { forms, percents };
}
function split(quoted, bare) {
  if (quoted.length === 0 || bare.length === 0 || quoted.length === bare.length) return { minority: [], majority: [], minorityIsQuoted: false };
  return quoted.length < bare.length ? { minority: quoted, majority: bare, minorityIsQuoted: true } : { minority: bare, majority: quoted, minorityIsQuoted: false };
}
function quoteRegions(text2) {
  const regions = [];
  for (const match2 of text2.matchAll(/“[^“”]*”/g)) regions.push({ start: match2.index, end: match2.index + match2[0].length });
  return regions;
}

// ../../work/main/server/src/core/rules/termVariant.ts
var termVariantRule = {
  id: "term.variant",
  defaultSeverity: "warning",
  needsTokens: false,
  description: {
    en: "Wrong spellings of policy terms and fixed expressions listed in the glossary.",
    zh: "\u672F\u8BED\u8868\u6240\u5217\u653F\u7B56\u672F\u8BED\u548C\u56FA\u5B9A\u8868\u8FF0\u7684\u9519\u8BEF\u5199\u6CD5\u3002"
  },
  options: [],
  messages: {
    rejected: { en: '"{found}" is a wrong form of "{canonical}".', zh: "\u201C{found}\u201D\u4E3A\u9519\u8BEF\u5199\u6CD5\uFF0C\u5E94\u4E3A\u201C{canonical}\u201D\u3002" }
  },
  checkParagraph({ terms }) {
    return terms.filter((hit) => hit.match.role === "rejected").map((hit) => ({
      code: "term.variant",
      messageId: "rejected",
      span: { start: hit.start, end: hit.end },
      args: { found: hit.form, canonical: hit.match.entry.term },
      fix: [{ span: { start: hit.start, end: hit.end }, newText: hit.match.entry.term }]
    }));
  }
};

// ../../work/main/server/src/core/rules/registry.ts
var RULES = [
  numberingRule,
  sloganRepeatedRule,
  sentenceDuplicatedRule,
  termVariantRule,
  termInconsistentRule,
  punctuationWidthRule
];

// ../../work/main/server/src/core/segment/tokens.ts
var LONE_SURROGATE_OR_NUL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g;
function cleanForNative(text2) {
  return text2.replace(LONE_SURROGATE_OR_NUL, "\uFFFD");
}
function piecesToTokens(text2, pieces, tags) {
  const tokens = [];
  let offset = 0;
  for (let i = 0; i < pieces.length; i++) {
    const end = offset + pieces[i].length;
    if (end > text2.length) return void 0;
    tokens.push(tags ? { text: text2.slice(offset, end), start: offset, end, tag: tags[i] } : { text: text2.slice(offset, end), start: offset, end });
    offset = end;
  }
  return offset === text2.length ? tokens : void 0;
}
function segmentParagraph(segmenter, text2) {
  if (text2.length === 0) return [];
  const clean = cleanForNative(text2);
  if (segmenter.tag) {
    const tagged = segmenter.tag(clean);
    const tokens = piecesToTokens(text2, tagged.map((t2) => t2.word), tagged.map((t2) => t2.tag));
    if (tokens) return tokens;
  }
  return piecesToTokens(text2, segmenter.cut(clean)) ?? codePointTokens(text2);
}
function codePointTokens(text2) {
  const tokens = [];
  let offset = 0;
  for (const char of text2) {
    tokens.push({ text: char, start: offset, end: offset + char.length });
    offset += char.length;
  }
  return tokens;
}

// ../../work/main/server/src/core/terms/glossary.ts
var CATEGORIES = [
  "\u53D1\u5C55\u7406\u5FF5",
  "\u6218\u7565",
  "\u65B9\u9488\u653F\u7B56",
  "\u5DE5\u7A0B\u4E0E\u884C\u52A8",
  "\u673A\u6784\u4E0E\u4F1A\u8BAE",
  "\u6570\u5B57\u7B80\u79F0",
  "\u6539\u9769\u4E3E\u63AA",
  "\u6C11\u751F\u4FDD\u969C",
  "\u751F\u6001\u73AF\u4FDD",
  "\u79D1\u6280\u4EA7\u4E1A",
  "\u533A\u57DF\u534F\u8C03",
  "\u6CD5\u5F8B\u672F\u8BED",
  "\u515A\u5EFA\u4E0E\u6CBB\u7406"
];
function mergeGlossaries(layers) {
  const byTerm = /* @__PURE__ */ new Map();
  for (const layer of layers) for (const entry of layer) byTerm.set(entry.term, entry);
  const entries = [...byTerm.values()];
  const forms = /* @__PURE__ */ new Map();
  const add = (form, entry, role) => {
    if (form.length > 0) forms.set(form, { entry, role });
  };
  for (const entry of entries) {
    entry.variants.rejected.forEach((f) => add(f, entry, "rejected"));
    entry.variants.accepted.forEach((f) => add(f, entry, "accepted"));
    entry.aliases.forEach((f) => add(f, entry, "alias"));
    add(entry.term, entry, "term");
  }
  return { entries, forms };
}

// ../../work/main/server/src/core/terms/glossaryValidation.ts
var MAX_FORM_LENGTH = 64;
function validateGlossary(data, origin) {
  const problems = [];
  const entries = [];
  if (!isRecord(data)) {
    problems.push({ path: [], messageId: "glossary.notAnObject", args: {} });
    return { entries, problems };
  }
  if (!Array.isArray(data.terms)) {
    problems.push({ path: ["terms"], messageId: "glossary.noTerms", args: {} });
    return { entries, problems };
  }
  const seen = /* @__PURE__ */ new Set();
  data.terms.forEach((raw, index) => {
    const at = (...rest) => ["terms", index, ...rest];
    if (!isRecord(raw)) {
      problems.push({ path: at(), messageId: "glossary.notAnObject", args: {} });
      return;
    }
    const before = problems.length;
    const text2 = (field, required) => {
      const value = raw[field];
      if (value === void 0 || value === null || value === "") {
        if (required) problems.push({ path: at(field), messageId: "glossary.missingField", args: { field } });
        return "";
      }
      if (typeof value !== "string") {
        problems.push({ path: at(field), messageId: "glossary.wrongType", args: { field, expected: "string" } });
        return "";
      }
      return value.trim();
    };
    const list = (field, container = raw, path4 = at(field)) => {
      const value = container[field.split(".").at(-1)];
      if (value === void 0 || value === null) return [];
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v.length <= MAX_FORM_LENGTH)) {
        problems.push({ path: path4, messageId: "glossary.wrongType", args: { field, expected: "string[]" } });
        return [];
      }
      return value.map((v) => v.trim()).filter(Boolean);
    };
    const term = text2("term", true);
    if (term.length > MAX_FORM_LENGTH) problems.push({ path: at("term"), messageId: "glossary.wrongType", args: { field: "term", expected: `\u2264 ${MAX_FORM_LENGTH} characters` } });
    const definition = text2("definition", true);
    const category = text2("category", true);
    if (category && !CATEGORIES.includes(category) && origin === "builtin") {
      problems.push({ path: at("category"), messageId: "glossary.badCategory", args: { category } });
    }
    const kind = raw.kind === void 0 ? "term" : raw.kind;
    if (kind !== "term" && kind !== "slogan") problems.push({ path: at("kind"), messageId: "glossary.badKind", args: { kind: String(kind) } });
    const variants = isRecord(raw.variants) ? raw.variants : {};
    const entry = {
      term,
      kind: kind === "slogan" ? "slogan" : "term",
      category,
      aliases: list("aliases"),
      variants: {
        accepted: list("variants.accepted", variants, at("variants", "accepted")),
        rejected: list("variants.rejected", variants, at("variants", "rejected"))
      },
      definition,
      english: text2("english", false),
      items: list("items"),
      source: parseSource(raw.source),
      origin
    };
    if (term && seen.has(term)) problems.push({ path: at("term"), messageId: "glossary.duplicate", args: { term } });
    seen.add(term);
    if (problems.length === before || term && definition && problems.slice(before).every((p) => p.messageId === "glossary.badCategory")) {
      entries.push(entry);
    }
  });
  return { entries, problems };
}
function parseSource(value) {
  if (!isRecord(value)) return null;
  const { document, line, quote } = value;
  if (typeof document !== "string" || typeof line !== "number" || typeof quote !== "string") return null;
  return { document, line, quote };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ../../work/main/server/src/core/terms/termMatcher.ts
var TermMatcher = class {
  constructor(glossary) {
    this.glossary = glossary;
    for (const form of glossary.forms.keys()) this.#insert(form);
  }
  glossary;
  #root = { next: /* @__PURE__ */ new Map() };
  /**
   * Hits in `text` (a paragraph). With tokens, a short form (under four
   * characters) must start and end on token boundaries, so 两区 is not found in
   * 两/区域; long forms are distinctive enough to match anywhere.
   */
  match(text2, tokens) {
    const boundaries = tokens ? tokenBoundaries(tokens) : void 0;
    const hits = [];
    let i = 0;
    while (i < text2.length) {
      const found = this.#longestAt(text2, i, boundaries);
      if (found) {
        hits.push({ start: i, end: i + found.length, form: found, match: this.glossary.forms.get(found) });
        i += found.length;
      } else {
        i++;
      }
    }
    return hits;
  }
  #longestAt(text2, start, boundaries) {
    if (boundaries && !boundaries.has(start)) {
      return this.#walk(text2, start, (form) => form.length >= 4);
    }
    return this.#walk(text2, start, (form, end) => !boundaries || form.length >= 4 || boundaries.has(end));
  }
  #walk(text2, start, accept) {
    let node = this.#root;
    let best;
    for (let i = start; i < text2.length && node; i++) {
      node = node.next.get(text2.charCodeAt(i));
      if (node?.form && accept(node.form, i + 1)) best = node.form;
    }
    return best;
  }
  #insert(form) {
    let node = this.#root;
    for (let i = 0; i < form.length; i++) {
      const code = form.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: /* @__PURE__ */ new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.form = form;
  }
};
function tokenBoundaries(tokens) {
  const boundaries = /* @__PURE__ */ new Set();
  for (const token of tokens) {
    boundaries.add(token.start);
    boundaries.add(token.end);
  }
  return boundaries;
}

// ../../work/main/server/src/core/text/paragraphs.ts
function splitParagraphs(text2) {
  const paragraphs = [];
  let start = 0;
  let line = 0;
  const length = text2.length;
  for (let i = 0; i < length; i++) {
    const code = text2.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    paragraphs.push({ line: line++, start, end: i, text: text2.slice(start, i) });
    if (code === 13 && text2.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  paragraphs.push({ line, start, end: length, text: text2.slice(start, length) });
  return paragraphs;
}

// ../../work/main/test/helpers/analyzeText.ts
var ROOT = path3.join(__dirname, "../..");
var jieba;
var builtinEntries = () => validateGlossary(JSON.parse(fs4.readFileSync(path3.join(ROOT, "data/glossary.json"), "utf8")), "builtin").entries;
function factsOf(text2, ignored = []) {
  jieba ??= loadJieba([]).segmenter;
  const segmenter = jieba;
  const matcher = new TermMatcher(mergeGlossaries([builtinEntries()]));
  const paragraphs = splitParagraphs(text2);
  const tokens = /* @__PURE__ */ new Map();
  const hits = /* @__PURE__ */ new Map();
  const memos = /* @__PURE__ */ new Map();
  const tokensOf = (p) => {
    let t2 = tokens.get(p.text);
    if (!t2) tokens.set(p.text, t2 = segmentParagraph(segmenter, p.text));
    return t2;
  };
  return {
    text: text2,
    paragraphs,
    outline: buildOutline(text2, paragraphs, { markdown: false, leadItems: false }),
    tokensOf,
    termHits: (p) => {
      let h = hits.get(p.text);
      if (!h) hits.set(p.text, h = matcher.match(p.text, tokensOf(p)));
      return h;
    },
    ignored: new Set(ignored),
    memo: (namespace, p, compute) => {
      const key = `${namespace}\0${p.text}`;
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key);
    }
  };
}

// rules.ts
var corpus = fs5.readFileSync("/work/main/test/fixtures/002_8dfe99efc033ddf8.txt", "utf8");
var n = Number(process.argv[2]);
var skip = (process.argv[3] ?? "").split(",");
var text = process.env.MULTI ? corpus.slice(0, n) : corpus.replace(/\n/g, "").slice(0, n);
var t = performance.now();
var facts = factsOf(text);
for (const p of facts.paragraphs) facts.tokensOf(p);
console.log("facts+tokens", (performance.now() - t).toFixed(0));
t = performance.now();
for (const p of facts.paragraphs) facts.termHits(p);
console.log("termHits", (performance.now() - t).toFixed(0));
for (const rule of RULES) {
  if (skip.includes(rule.id)) continue;
  t = performance.now();
  const f = analyze(facts, [rule], { rules: /* @__PURE__ */ new Map(), heavyRules: true, cacheKey: "" }, new AnalysisCaches());
  console.log(rule.id, f.length, (performance.now() - t).toFixed(0));
}
