import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfiguredPath } from '../../server/src/adapters/configuredPaths';

describe('paths in policyLens.dictionaries, glossaries and references', () => {
  const root = path.resolve('/work/space');

  it('resolves relative paths against the workspace folder in a trusted workspace', () => {
    expect(resolveConfiguredPath('terms/glossary.json', root, true)).toBe(path.join(root, 'terms/glossary.json'));
  });

  it('reads no relative path in an untrusted workspace: it would point into the untrusted folder', () => {
    expect(resolveConfiguredPath('terms/glossary.json', root, false)).toBeUndefined();
    expect(resolveConfiguredPath('../outside.json', root, false)).toBeUndefined();
  });

  it('keeps absolute and home paths (the user settings) in every workspace, trusted or not', () => {
    const absolute = path.resolve('/home/writer/词典/policy.dict.utf8');
    expect(resolveConfiguredPath(absolute, root, false)).toBe(absolute);
    expect(resolveConfiguredPath('~/policy-lens/glossary.json', root, false)).toBe(path.join(os.homedir(), 'policy-lens/glossary.json'));
    expect(resolveConfiguredPath('~/policy-lens/glossary.json', undefined, true)).toBe(path.join(os.homedir(), 'policy-lens/glossary.json'));
  });
});
