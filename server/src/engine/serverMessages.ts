import type { LocalizedText } from '../core/rules/rule';
import { localize, type Locale } from './l10n';

/** Messages the server itself shows (not findings of rules). */
export const SERVER_MESSAGES = {
  segmenterLoading: { en: 'Policy Lens: loading the segmentation dictionary…', zh: '政策文稿助手：正在加载分词词典……' },
  segmenterReady: {
    en: 'Policy Lens: segmentation ready ({segmenter}, {ms} ms, {words|user word|user words}).',
    zh: '政策文稿助手：分词就绪（{segmenter}，{ms} 毫秒，用户词 {words} 个）。',
  },
  warmUpDone: {
    en: 'Policy Lens: analysis warmed up on {chars|character|characters} of sample text ({ms} ms).',
    zh: '政策文稿助手：已用 {chars} 字样本文本预热分析（{ms} 毫秒）。',
  },
  withoutFiles: {
    en: 'Policy Lens in the browser: documents that are not open, and dictionaries, glossaries and reference texts in files, are not available here (the command line neither); open documents are checked in full.',
    zh: '政策文稿助手（浏览器版）：未打开的文档，以及文件中的词典、术语表和参考文本，在此不可用（命令行同样不可用）；已打开的文档照常全面检查。',
  },
  segmenterSubstituted: {
    en: 'Policy Lens: {reason}; segmenting with {segmenter} instead (the same words, see docs/segmentation.md).',
    zh: '政策文稿助手：{reason}；已改用 {segmenter} 分词（分词结果相同，见 docs/segmentation.md）。',
  },
  segmenterFallback: {
    en: 'Policy Lens: jieba segmentation is unavailable ({reason}); using the built-in word breaker, which does not know policy terms.',
    zh: '政策文稿助手：jieba 分词不可用（{reason}），改用内置分词器，无法识别政策术语。',
  },
  settingRetired: {
    en: 'Policy Lens: setting "{key}" is no longer used (set to {value}); see {replacedBy}.',
    zh: '政策文稿助手：设置“{key}”已不再使用（当前值 {value}），请改用 {replacedBy}。',
  },
  settingInvalid: {
    en: 'Policy Lens: setting "{key}" has an invalid value ({value}); using the default {fallback}.',
    zh: '政策文稿助手：设置“{key}”的值无效（{value}），已使用默认值 {fallback}。',
  },
  'file.missing': { en: 'Policy Lens: file not found: {path}', zh: '政策文稿助手：找不到文件：{path}' },
  'file.notAFile': { en: 'Policy Lens: not a file: {path}', zh: '政策文稿助手：不是文件：{path}' },
  'file.tooLarge': { en: 'Policy Lens: file too large, ignored: {path} ({detail|byte|bytes})', zh: '政策文稿助手：文件过大，已忽略：{path}（{detail} 字节）' },
  'file.unreadable': { en: 'Policy Lens: cannot read {path}: {detail}', zh: '政策文稿助手：无法读取 {path}：{detail}' },
  'file.notText': { en: 'Policy Lens: {path} is not UTF-8 text, ignored.', zh: '政策文稿助手：{path} 不是 UTF-8 文本，已忽略。' },
  'reference.notText': { en: 'Policy Lens: reference {path} is neither UTF-8 nor GB18030 text, ignored.', zh: '政策文稿助手：参考文本 {path} 既非 UTF-8 也非 GB18030 编码，已忽略。' },
  'dictionary.badFrequency': { en: 'Policy Lens: {path}:{line}: bad word frequency, line ignored: {detail}', zh: '政策文稿助手：{path} 第 {line} 行：词频无效，已忽略：{detail}' },
  'dictionary.tooManyFields': { en: 'Policy Lens: {path}:{line}: expected "word [freq] [tag]", line ignored: {detail}', zh: '政策文稿助手：{path} 第 {line} 行：格式应为“词 [词频] [词性]”，已忽略：{detail}' },
  'dictionary.wordTooLong': { en: 'Policy Lens: {path}:{line}: word too long or not text, line ignored.', zh: '政策文稿助手：{path} 第 {line} 行：词条过长或含非文本字符，已忽略。' },
  'dictionary.badTag': { en: 'Policy Lens: {path}:{line}: bad part-of-speech tag, line ignored: {detail}', zh: '政策文稿助手：{path} 第 {line} 行：词性标记无效，已忽略：{detail}' },
  'glossary.syntax': { en: 'Glossary: JSON syntax error ({error}).', zh: '术语表：JSON 语法错误（{error}）。' },
  'glossary.notAnObject': { en: 'Glossary: expected an object here.', zh: '术语表：此处应为对象。' },
  'glossary.noTerms': { en: 'Glossary: expected a "terms" array.', zh: '术语表：缺少 "terms" 数组。' },
  'glossary.missingField': { en: 'Glossary: entry is missing "{field}"; entry ignored.', zh: '术语表：条目缺少“{field}”，已忽略该条目。' },
  'glossary.wrongType': { en: 'Glossary: "{field}" must be {expected}; entry ignored.', zh: '术语表：“{field}”应为 {expected}，已忽略该条目。' },
  'glossary.badCategory': { en: 'Glossary: unknown category "{category}".', zh: '术语表：未知类别“{category}”。' },
  'glossary.duplicate': { en: 'Glossary: "{term}" is defined twice; the later entry is ignored.', zh: '术语表：“{term}”重复定义，后一条已忽略。' },
  'glossary.badKind': { en: 'Glossary: kind must be "term" or "slogan", not "{kind}"; entry ignored.', zh: '术语表：kind 应为 "term" 或 "slogan"，而非“{kind}”，已忽略该条目。' },
  largeDocument: {
    en: 'Policy Lens: {name} has {size|character|characters} (limit {limit}); only the outline and light checks run. Raise "policyLens.diagnostics.maxDocumentSize" to check it fully.',
    zh: '政策文稿助手：{name} 共 {size} 字符（上限 {limit}），仅提供大纲和轻量检查。可调高“policyLens.diagnostics.maxDocumentSize”进行完整检查。',
  },
} satisfies Record<string, LocalizedText>;

export type ServerMessageId = keyof typeof SERVER_MESSAGES;

/** The message of a file problem (unknown ids read as "cannot read"). */
export function fileProblemMessageId(problem: { readonly messageId: string }): ServerMessageId {
  return (problem.messageId in SERVER_MESSAGES ? problem.messageId : 'file.unreadable') as ServerMessageId;
}

/** A server message as the command line prints it: without the editor's "Policy Lens:" prefix (it names the tool itself). */
export function commandLineMessage(id: ServerMessageId, locale: Locale, args: Readonly<Record<string, string | number>> = {}): string {
  return localize(SERVER_MESSAGES[id], locale, args).replace(/^(Policy Lens|政策文稿助手)[:：]\s*/, '');
}

/** A file problem as one line in the user's language (the command line prints these). */
export function describeFileProblem(problem: { readonly path: string; readonly messageId: string; readonly line?: number; readonly detail?: string }, locale: Locale): string {
  return commandLineMessage(fileProblemMessageId(problem), locale, { path: problem.path, line: (problem.line ?? 0) + 1, detail: problem.detail ?? '' });
}
