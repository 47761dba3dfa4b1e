import type { FileHost } from './host';
import type { Settings } from './settings';

/** The workspace glossary a user can create; merged over the built-in one. */
export const WORKSPACE_GLOSSARY = '.policy-lens/glossary.json';
/** The workspace folder whose text files are reference texts. */
export const WORKSPACE_REFERENCES = '.policy-lens/references';

/** The files a workspace's settings point at, resolved against its folder. */
export interface ResolvedResources {
  readonly dictionaries: readonly string[];
  readonly glossaries: readonly string[];
  readonly references: readonly string[];
}

/**
 * Which dictionaries, glossaries and reference texts apply: the configured
 * paths (relative to the workspace folder) and, in a trusted workspace, the
 * `.policy-lens/` files when they exist. The editor and the command line
 * both ask here, so a workspace means the same to both.
 */
export function resolveWorkspaceResources(root: string | undefined, settings: Settings, trusted: boolean, files: FileHost): ResolvedResources {
  const resolve = (p: string) => files.resolve(root, p);
  const glossaries = settings.glossaries.map(resolve);
  const references = settings.references.map(resolve);
  if (trusted && root !== undefined) {
    const glossary = files.resolve(root, WORKSPACE_GLOSSARY);
    if (files.exists(glossary)) glossaries.unshift(glossary);
    const folder = files.resolve(root, WORKSPACE_REFERENCES);
    if (files.exists(folder)) references.unshift(folder);
  }
  return { dictionaries: settings.dictionaries.map(resolve), glossaries: [...new Set(glossaries)], references: [...new Set(references)] };
}

/** True for a URI of a workspace glossary or reference file, however the client spells the folder. */
export function isWorkspaceGlossaryUri(uri: string): boolean {
  return uri.endsWith(`/${WORKSPACE_GLOSSARY}`);
}

export function isWorkspaceReferenceUri(uri: string): boolean {
  return uri.includes(`/${WORKSPACE_REFERENCES}/`);
}
