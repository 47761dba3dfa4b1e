import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EngineHost, SegmenterBackend } from '../engine/host';
import { resolveConfiguredPath } from './configuredPaths';
import type { SegmenterChoice } from '../engine/settings';
import { readDocxFile } from './docx/readDocx';
import { loadBuiltinGlossary, loadUserGlossary } from './glossaryLoader';
import { InProcessBackend } from './inProcessBackend';
import { pinyinInitials } from './pinyin';
import { dropHeadStart } from './prestart';
import { loadTermHistory } from './termHistoryFile';
import { ReferenceLibrary } from './references';
import { collectWithHeadroom, heapGrowth } from './v8Tuning';
import { WorkerBackend } from './workerBackend';
import { findPolicyFiles, readWorkspaceDocument } from './workspaceFiles';

/**
 * The engine's platform on Node: files, nodejieba (in a worker thread for the
 * server, in-process for the command line and tests), the data in data/.
 */
export function createNodeHost(segmenter: 'worker' | 'in-process' | ((choice: Exclude<SegmenterChoice, 'intl'>) => SegmenterBackend) = 'worker'): EngineHost {
  const createSegmenterBackend =
    typeof segmenter === 'function'
      ? segmenter
      : segmenter === 'worker'
        ? (choice: Exclude<SegmenterChoice, 'intl'>) => new WorkerBackend(choice)
        : (choice: Exclude<SegmenterChoice, 'intl'>) => new InProcessBackend(choice);
  return {
    heapGrowth,
    collectWithHeadroom,
    files: {
      // `~/…` is the user's home folder (user settings name their own files that way).
      resolve: (root, file) => resolveConfiguredPath(file, root),
      exists: (file) => fs.existsSync(file),
      toUri: (file) => pathToFileURL(file).toString(),
      findPolicyDocuments: (root) => findPolicyFiles(root),
      readDocument: readWorkspaceDocument,
      fromUri: (uri) => {
        if (!uri.startsWith('file:')) return undefined;
        try {
          return fileURLToPath(uri);
        } catch {
          return undefined;
        }
      },
    },
    createSegmenterBackend,
    segmenterChosen: dropHeadStart,
    loadBuiltinGlossary,
    loadUserGlossary,
    loadTermHistory,
    pinyinInitials,
    createReferenceLibrary: () => new ReferenceLibrary(),
    readWordDocument: readDocxFile,
  };
}
