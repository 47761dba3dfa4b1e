import type { LocalizedText, Rule } from './core/rules/rule';
import { BUILTIN_REFERENCES } from './core/quotes/builtins';
import { DEFAULTS, NUMBER_RANGES, SEGMENTER_CHOICES } from './engine/settings';

/**
 * The `contributes.configuration` of package.json and its nls strings, derived
 * from the rule registry and the server's settings. `npm run sync-manifest`
 * writes them; a test fails when package.json and this drift apart.
 */
export interface Manifest {
  readonly properties: Record<string, Record<string, unknown>>;
  readonly nls: { readonly en: Record<string, string>; readonly zh: Record<string, string> };
}

interface SettingSpec {
  readonly key: string;
  readonly schema: Record<string, unknown>;
  readonly description: LocalizedText;
}

const SEVERITY_ENUM = ['off', 'hint', 'information', 'warning', 'error'];

const GENERAL: readonly SettingSpec[] = [
  {
    key: 'policyLens.enableForPlaintext',
    schema: { type: 'boolean', default: false },
    description: { en: 'Also check plain text documents (not only `*.policy.txt`).', zh: '同时检查纯文本文档（不限于 `*.policy.txt`）。' },
  },
  {
    key: 'policyLens.enableForMarkdown',
    schema: { type: 'boolean', default: false },
    description: { en: 'Also check Markdown documents.', zh: '同时检查 Markdown 文档。' },
  },
  {
    key: 'policyLens.segmenter',
    schema: { type: 'string', enum: SEGMENTER_CHOICES, default: DEFAULTS.segmenter },
    description: {
      en: 'Word segmenter: `auto` uses nodejieba (native) where its binary runs, else jieba-wasm (WebAssembly, the same words, see docs/segmentation.md), else the built-in `Intl.Segmenter`, which knows no policy terms; `native`, `wasm` and `intl` pick one (if it cannot load, the next in that order takes over, with a message).',
      zh: '分词器：`auto` 在本机能运行 nodejieba（原生模块）时用它，否则用 jieba-wasm（WebAssembly，分词结果相同，见 docs/segmentation.md），再否则用内置的 `Intl.Segmenter`（不识别政策术语）；`native`、`wasm`、`intl` 指定其一（无法加载时按上述顺序换用下一个，并给出提示）。',
    },
  },
  {
    key: 'policyLens.language',
    schema: { type: 'string', enum: ['auto', 'en', 'zh-cn'], default: 'auto' },
    description: {
      en: 'Language of the messages, hovers, status bar and views: `auto` follows the display language of VS Code. Command titles and settings always follow the display language.',
      zh: '提示信息、悬停、状态栏和视图所用的语言：`auto` 跟随 VS Code 的显示语言。命令名称和设置说明始终跟随显示语言。',
    },
  },
  {
    key: 'policyLens.dictionaries',
    schema: { type: 'array', items: { type: 'string' }, default: DEFAULTS.dictionaries, scope: 'resource' },
    description: {
      en: 'Extra segmentation dictionaries (UTF-8, one `word [freq] [tag]` per line). Set it in your user settings with absolute or `~/` paths to use your files in every workspace; relative paths are resolved against the workspace folder and read only in trusted workspaces.',
      zh: '附加分词词典（UTF-8，每行“词 [词频] [词性]”）。在用户设置中填写绝对路径或 `~/` 开头的路径，即可在所有工作区使用自己的文件；相对路径相对工作区目录，仅在受信任的工作区中读取。',
    },
  },
  {
    key: 'policyLens.glossaries',
    schema: { type: 'array', items: { type: 'string' }, default: DEFAULTS.glossaries, scope: 'resource' },
    description: {
      en: 'Extra glossary files (JSON, see docs/glossary.md), merged over the built-in glossary. Set it in your user settings with absolute or `~/` paths to use your files in every workspace; relative paths are resolved against the workspace folder and read only in trusted workspaces.',
      zh: '附加术语表文件（JSON，见 docs/glossary.md），覆盖内置术语表中的同名条目。在用户设置中填写绝对路径或 `~/` 开头的路径，即可在所有工作区使用自己的文件；相对路径相对工作区目录，仅在受信任的工作区中读取。',
    },
  },
  {
    key: 'policyLens.references',
    schema: { type: 'array', items: { type: 'string' }, default: DEFAULTS.references, scope: 'resource' },
    description: {
      en: 'Reference texts (files or folders of UTF-8 or GB18030 `.txt`) that quotations are checked against besides the built-in ones (`policyLens.builtinReferences`) and `.policy-lens/references/`. Set it in your user settings with absolute or `~/` paths to use your files in every workspace; relative paths are resolved against the workspace folder and read only in trusted workspaces.',
      zh: '引文核对所用的参考文本（UTF-8 或 GB18030 编码的 `.txt` 文件或文件夹）；内置参考文本（`policyLens.builtinReferences`）和 `.policy-lens/references/` 也参与核对。在用户设置中填写绝对路径或 `~/` 开头的路径，即可在所有工作区使用自己的文件；相对路径相对工作区目录，仅在受信任的工作区中读取。',
    },
  },
  {
    key: 'policyLens.builtinReferences',
    schema: { type: 'array', items: { type: 'string', enum: [...BUILTIN_REFERENCES] }, uniqueItems: true, default: DEFAULTS.builtinReferences },
    description: {
      en: 'Built-in reference texts quotations are checked against: the 2024 and 2025 government work reports and the report to the 20th CPC National Congress (editions: docs/quotes.md).',
      zh: '引文核对所用的内置参考文本：2024 年、2025 年政府工作报告和党的二十大报告（版本见 docs/quotes.md）。',
    },
  },
  {
    key: 'policyLens.diagnostics.debounceMs',
    schema: { type: 'number', default: DEFAULTS.debounceMs, minimum: NUMBER_RANGES.debounceMs.minimum, maximum: NUMBER_RANGES.debounceMs.maximum },
    description: { en: 'Delay in milliseconds after an edit before the document is checked again.', zh: '编辑后重新检查文档前等待的毫秒数。' },
  },
  {
    key: 'policyLens.diagnostics.maxDocumentSize',
    schema: { type: 'number', default: DEFAULTS.maxDocumentSize, minimum: NUMBER_RANGES.maxDocumentSize.minimum, maximum: NUMBER_RANGES.maxDocumentSize.maximum },
    description: {
      en: 'Documents longer than this many characters get only the outline and light checks.',
      zh: '超过此字符数的文档只提供大纲和轻量检查。',
    },
  },
  {
    key: 'policyLens.outline.leadItems',
    schema: { type: 'boolean', default: DEFAULTS.leadItems },
    description: { en: 'Show 一是/一要 and —— lead items in the outline.', zh: '在大纲中显示“一是”“一要”及“——”引领句。' },
  },
  {
    key: 'policyLens.semanticTokens.enable',
    schema: { type: 'boolean', default: DEFAULTS.semanticTokens },
    description: { en: 'Mark glossary terms and slogans so themes can colour them.', zh: '标记术语和提法，便于主题着色。' },
  },
  {
    key: 'policyLens.ignoredPhrases',
    schema: { type: 'array', items: { type: 'string' }, default: DEFAULTS.ignoredPhrases },
    description: { en: 'Phrases the repetition check ignores.', zh: '重复检查忽略的短语。' },
  },
  {
    // Read by the client only: the `when` clause of the word navigation key bindings.
    key: 'policyLens.wordNavigation.enable',
    schema: { type: 'boolean', default: true },
    description: {
      en: 'In policy documents, move, select and delete by the words of the policy segmentation (jieba with the policy and user dictionaries): Ctrl+←/→, Ctrl+Shift+←/→, Ctrl+Backspace/Delete (⌥ on macOS), and Shift+Alt+→ to select the word.',
      zh: '在政策文稿中按政策分词（含政策词典和用户词典的 jieba）的词移动、选择和删除：Ctrl+←/→、Ctrl+Shift+←/→、Ctrl+Backspace/Delete（macOS 上为 ⌥），以及用 Shift+Alt+→ 选中词。',
    },
  },
];

export function buildManifest(rules: readonly Rule[]): Manifest {
  const specs: SettingSpec[] = [...GENERAL];
  for (const rule of rules) {
    specs.push({
      key: `policyLens.rules.${rule.id}.severity`,
      schema: { type: 'string', enum: SEVERITY_ENUM, default: rule.defaultSeverity },
      description: rule.description,
    });
    for (const option of rule.options) {
      const schema: Record<string, unknown> = { type: option.type, default: option.default };
      if (option.minimum !== undefined) schema.minimum = option.minimum;
      if (option.maximum !== undefined) schema.maximum = option.maximum;
      specs.push({ key: `policyLens.rules.${rule.id}.${option.name}`, schema, description: option.description });
    }
  }
  const properties: Manifest['properties'] = {};
  const en: Record<string, string> = {};
  const zh: Record<string, string> = {};
  for (const spec of specs) {
    const nlsKey = `config.${spec.key.replace(/^policyLens\./, '')}`;
    properties[spec.key] = { ...spec.schema, markdownDescription: `%${nlsKey}%` };
    en[nlsKey] = spec.description.en;
    zh[nlsKey] = spec.description.zh;
  }
  return { properties, nls: { en, zh } };
}

const README_START = '<!-- rules:start (generated by npm run sync-manifest from the rule registry) -->';
const README_END = '<!-- rules:end -->';

/** The README's rule table: one row per rule of the registry. */
export function readmeRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => `  | \`${rule.id}\` | ${rule.description.en} | ${rule.example ?? ''} |`);
  return [`  ${README_START}`, '  | rule | what it finds | example |', '  | --- | --- | --- |', ...rows, `  ${README_END}`].join('\n');
}

/** The README with its rule table replaced by the registry's; unchanged when the markers are missing. */
export function withReadmeRuleTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return readme;
  const lineStart = readme.lastIndexOf('\n', start) + 1;
  return readme.slice(0, lineStart) + readmeRuleTable(rules) + readme.slice(end + README_END.length);
}

/** docs/rules.md: every rule with its default severity, what it needs, its settings and messages, in both languages. */
export function rulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rules / 检查规则',
    '',
    '<!-- Generated by `npm run sync-manifest` from server/src/core/rules/registry.ts; a test fails when this file drifts. -->',
    '',
    'Every rule is configured with `policyLens.rules.<id>.severity` (`off`, `hint`, `information`, `warning`, `error`) and the options listed.',
    '"Light" rules also run on documents above `policyLens.diagnostics.maxDocumentSize`; rules that need tokens wait for the segmentation dictionary.',
    '',
    '| rule | default | cost | needs tokens | what it finds | 说明 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.defaultSeverity} | ${rule.cost} | ${rule.needsTokens ? 'yes' : 'no'} | ${rule.description.en} | ${rule.description.zh} |`),
  ];
  for (const rule of rules) {
    lines.push('', `## ${rule.id}`, '', rule.description.en, '', rule.description.zh, '');
    if (rule.example) lines.push(`Example: ${rule.example}`, '');
    if (rule.options.length > 0) {
      lines.push('| setting | type | default | range | meaning |', '| --- | --- | --- | --- | --- |');
      for (const option of rule.options) {
        const range = option.minimum !== undefined || option.maximum !== undefined ? `${option.minimum ?? ''}–${option.maximum ?? ''}` : '';
        lines.push(`| \`policyLens.rules.${rule.id}.${option.name}\` | ${option.type} | ${String(option.default)} | ${range} | ${option.description.en} ${option.description.zh} |`);
      }
      lines.push('');
    }
    lines.push('Messages:', '');
    for (const [id, text] of Object.entries(rule.messages)) lines.push(`- \`${id}\`: ${text.en} / ${text.zh}`);
  }
  return `${lines.join('\n')}\n`;
}

function anchor(id: string): string {
  // GitHub's heading anchors are lower case: `number.yearAbbrev` → #numberyearabbrev.
  return id.replace(/\./g, '').toLowerCase();
}
