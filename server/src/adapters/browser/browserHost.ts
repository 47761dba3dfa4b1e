import glossaryJson from '../../../../data/glossary.json';
import reference2024 from '../../../../data/references/2024政府工作报告.txt';
import reference2025 from '../../../../data/references/2025政府工作报告.txt';
import referenceCongress20 from '../../../../data/references/二十大报告.txt';
import { BUILTIN_REFERENCES } from '../../core/quotes/builtins';
import { ReferenceIndex, type ReferenceText } from '../../core/quotes/referenceIndex';
import { validateGlossary } from '../../core/terms/glossaryValidation';
import { parseGlossaryText } from '../../engine/glossaryFile';
import type { EngineHost, FileProblem, ReferenceLibrary } from '../../engine/host';
import type { JiebaWasmFiles } from '../../protocol';
import { pinyinInitials } from '../pinyin';
import { BrowserWasmBackend, NOT_IN_BROWSER } from './browserSegmenter';

/**
 * The engine's platform in a browser (vscode.dev, github.dev): no file system,
 * no native code. Segmentation is jieba-wasm, the built-in glossary and
 * reference texts are bundled, and whatever lives in files (user dictionaries,
 * glossaries and references, the workspace index) is reported as unavailable
 * instead of failing. An open glossary buffer is still read.
 */
export function createBrowserHost(jiebaWasm: JiebaWasmFiles): EngineHost {
  const unavailable = (path: string): FileProblem => ({ path, messageId: 'file.unreadable', detail: NOT_IN_BROWSER });
  return {
    withoutFiles: true,
    files: {
      resolve: (root, file) => (root === undefined || file.startsWith('/') ? file : `${root.replace(/\/$/, '')}/${file}`),
      exists: () => false,
      toUri: (file) => file,
      fromUri: () => undefined,
      findPolicyDocuments: () => Promise.resolve([]),
      readDocument: () => Promise.resolve(undefined),
    },
    createSegmenterBackend: (choice) => new BrowserWasmBackend(jiebaWasm, choice),
    loadBuiltinGlossary: () => {
      const { entries, problems } = validateGlossary(glossaryJson, 'builtin');
      return { entries, problem: problems.length > 0 ? `${problems.length} invalid entries in the built-in glossary` : undefined };
    },
    loadUserGlossary: (file, origin, text) => (text === undefined ? { ok: false, problem: unavailable(file) } : { ok: true, text, ...parseGlossaryText(text, origin) }),
    pinyinInitials,
    createReferenceLibrary: (): ReferenceLibrary => {
      const builtins: ReferenceText[] = [
        { name: '2024政府工作报告', text: reference2024 },
        { name: '2025政府工作报告', text: reference2025 },
        { name: '二十大报告', text: referenceCongress20 },
      ];
      let chosen = BUILTIN_REFERENCES.join('\n');
      let index = new ReferenceIndex(builtins);
      return {
        get index() {
          return index;
        },
        builtinProblems: [],
        reload: (userPaths, names = BUILTIN_REFERENCES) => {
          const key = names.join('\n');
          const changed = key !== chosen;
          if (changed) index = new ReferenceIndex(builtins.filter((t) => names.includes(t.name)));
          chosen = key;
          return { changed, problems: userPaths.map(unavailable) };
        },
        isReference: () => false,
        indexFor: () => index,
      };
    },
  };
}
