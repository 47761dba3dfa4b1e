import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfiguredPath } from '../../server/src/adapters/configuredPaths';
import { createNodeHost } from '../../server/src/adapters/nodeHost';
import { isUserPath, resolveWorkspaceResources } from '../../server/src/engine/workspaceResources';
import { parseSettings } from '../../server/src/engine/settings';
import { RULES } from '../../server/src/core/rules/registry';

describe('paths in policyLens.dictionaries, glossaries and references (issue 21)', () => {
  const root = path.resolve('/work/space');
  const files = createNodeHost('in-process').files;
  const settings = parseSettings({ glossaries: ['terms/glossary.json', '~/policy-lens/mine.json', path.resolve('/home/writer/词典/g.json')], references: ['refs'], dictionaries: ['d.utf8'] }, RULES).settings;

  it('resolves relative paths against the workspace folder, ~/ against the home folder', () => {
    expect(resolveConfiguredPath('terms/glossary.json', root)).toBe(path.join(root, 'terms/glossary.json'));
    expect(resolveConfiguredPath('~/policy-lens/glossary.json', root)).toBe(path.join(os.homedir(), 'policy-lens/glossary.json'));
    expect(resolveConfiguredPath('~/policy-lens/glossary.json', undefined)).toBe(path.join(os.homedir(), 'policy-lens/glossary.json'));
  });

  it('tells the user’s own paths from workspace-relative ones', () => {
    expect(['/a/b', '~/x', '~', 'C:\\\\x', 'c:/x', '\\\\\\\\server\\\\x'].map(isUserPath)).toEqual([true, true, true, true, true, true]);
    expect(['a/b', './a', '../a', '~x', 'terms.json'].map(isUserPath)).toEqual([false, false, false, false, false]);
  });

  it('reads every configured path in a trusted workspace', () => {
    const resources = resolveWorkspaceResources(root, settings, true, files);
    expect(resources.glossaries).toEqual([path.join(root, 'terms/glossary.json'), path.join(os.homedir(), 'policy-lens/mine.json'), path.resolve('/home/writer/词典/g.json')]);
    expect(resources.references).toEqual([path.join(root, 'refs')]);
    expect(resources.dictionaries).toEqual([path.join(root, 'd.utf8')]);
  });

  it('reads only the user’s absolute and ~/ paths in an untrusted workspace: a relative one points into the untrusted folder', () => {
    const resources = resolveWorkspaceResources(root, settings, false, files);
    expect(resources.glossaries).toEqual([path.join(os.homedir(), 'policy-lens/mine.json'), path.resolve('/home/writer/词典/g.json')]);
    expect(resources.references).toEqual([]);
    expect(resources.dictionaries).toEqual([]);
  });
});
