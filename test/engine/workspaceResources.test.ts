import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/core/rules/registry';
import type { FileHost } from '../../server/src/engine/host';
import { parseSettings } from '../../server/src/engine/settings';
import { isWorkspaceGlossaryUri, isWorkspaceReferenceUri, resolveWorkspaceResources } from '../../server/src/engine/workspaceResources';

/** A file host over a fixed set of existing paths (POSIX). */
function filesWith(existing: readonly string[]): FileHost {
  return {
    resolve: (root, file) => (root === undefined ? path.posix.resolve('/cwd', file) : path.posix.resolve(root, file)),
    exists: (file) => existing.includes(file),
    toUri: (file) => `file://${file}`,
    fromUri: (uri) => (uri.startsWith('file://') ? uri.slice(7) : undefined),
    findPolicyDocuments: async () => [],
    readDocument: async () => undefined,
  };
}

const settingsWith = (raw: Record<string, unknown>) => parseSettings(raw, RULES).settings;

describe('resolveWorkspaceResources', () => {
  const settings = settingsWith({ dictionaries: ['dicts/a.utf8'], glossaries: ['g.json', '/abs/g.json'], references: ['refs', 'refs'] });

  it('resolves configured paths against the workspace folder and adds the .policy-lens files of a trusted workspace', () => {
    const files = filesWith(['/ws/.policy-lens/glossary.json', '/ws/.policy-lens/references']);
    expect(resolveWorkspaceResources('/ws', settings, true, files)).toEqual({
      dictionaries: ['/ws/dicts/a.utf8'],
      glossaries: ['/ws/.policy-lens/glossary.json', '/ws/g.json', '/abs/g.json'],
      references: ['/ws/.policy-lens/references', '/ws/refs'],
    });
  });

  it('leaves the .policy-lens files out of an untrusted workspace, and out when they do not exist', () => {
    const present = filesWith(['/ws/.policy-lens/glossary.json', '/ws/.policy-lens/references']);
    expect(resolveWorkspaceResources('/ws', settings, false, present).glossaries).toEqual(['/ws/g.json', '/abs/g.json']);
    expect(resolveWorkspaceResources('/ws', settings, true, filesWith([])).references).toEqual(['/ws/refs']);
  });

  it('without a workspace folder resolves against the host’s own default and adds no workspace files', () => {
    expect(resolveWorkspaceResources(undefined, settings, true, filesWith(['/cwd/.policy-lens/glossary.json'])).glossaries).toEqual(['/cwd/g.json', '/abs/g.json']);
  });

  it('recognises workspace glossary and reference URIs however deep the folder', () => {
    expect(isWorkspaceGlossaryUri('file:///a/b/.policy-lens/glossary.json')).toBe(true);
    expect(isWorkspaceGlossaryUri('file:///a/b/glossary.json')).toBe(false);
    expect(isWorkspaceReferenceUri('file:///a/.policy-lens/references/x.txt')).toBe(true);
    expect(isWorkspaceReferenceUri('file:///a/references/x.txt')).toBe(false);
  });
});
