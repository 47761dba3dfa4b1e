import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A path from `policyLens.dictionaries`, `glossaries` or `references`. `~/…` is the user's
 * home folder and absolute paths stand as they are: that is how a user sets a file of their
 * own for every workspace in the user settings. Relative paths belong to the workspace
 * folder and are read only in a trusted workspace (undefined otherwise): VS Code already
 * drops workspace values of these settings in Restricted Mode, and a relative user value
 * would still point into the untrusted folder.
 */
export function resolveConfiguredPath(p: string, workspaceRoot: string | undefined, trusted: boolean): string | undefined {
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) return path.join(os.homedir(), p.slice(1));
  if (path.isAbsolute(p)) return path.normalize(p);
  if (!trusted) return undefined;
  return workspaceRoot ? path.resolve(workspaceRoot, p) : path.resolve(p);
}
