import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A path from `policyLens.dictionaries`, `glossaries` or `references` (or a `.policy-lens/` file):
 * `~/…` is the user's home folder and absolute paths stand as they are — that is how a user names
 * files of their own for every workspace in the user settings; others are resolved against the
 * workspace folder. Which paths may be read in an untrusted workspace is decided by the engine
 * (engine/workspaceResources.ts).
 */
export function resolveConfiguredPath(p: string, workspaceRoot: string | undefined): string {
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) return path.join(os.homedir(), p.slice(1));
  if (path.isAbsolute(p)) return path.normalize(p);
  return workspaceRoot ? path.resolve(workspaceRoot, p) : path.resolve(p);
}
