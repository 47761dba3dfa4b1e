import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/core/rules/registry';
import { buildManifest, rulesMarkdown, withReadmeRuleTable } from '../../server/src/manifest';

const ROOT = path.join(__dirname, '../..');
const json = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8'));

describe('package.json agrees with the rule registry', () => {
  const pkg = json('package.json');
  const manifest = buildManifest(RULES);

  it('contributes exactly the settings the registry and server define (run `npm run sync-manifest`)', () => {
    expect(pkg.contributes.configuration.properties).toEqual(manifest.properties);
  });

  it('docs/rules.md and the README rule table are generated from the registry (run `npm run sync-manifest`)', () => {
    const root = path.join(__dirname, '../..');
    expect(fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8')).toBe(rulesMarkdown(RULES));
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('<!-- rules:start');
    expect(withReadmeRuleTable(readme, RULES)).toBe(readme);
    for (const rule of RULES) expect(readme).toContain(`| \`${rule.id}\` |`);
  });

  it('every rule says what it costs, and the light rules need no tokens', () => {
    for (const rule of RULES) {
      expect(['light', 'full']).toContain(rule.cost);
      if (rule.cost === 'light') expect(rule.needsTokens, rule.id).toBe(false);
    }
  });

  it('has a severity setting for every rule, defaulting to the rule default', () => {
    for (const rule of RULES) {
      expect(pkg.contributes.configuration.properties[`policyLens.rules.${rule.id}.severity`].default).toBe(rule.defaultSeverity);
    }
  });

  it('every %key% in package.json is translated in English and Chinese', () => {
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      expect(en[key], `package.nls.json: ${key}`).toBeTruthy();
      expect(zh[key], `package.nls.zh-cn.json: ${key}`).toBeTruthy();
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every rule message exists in both languages with the same placeholders', () => {
    for (const rule of RULES) {
      for (const [id, text] of Object.entries(rule.messages)) {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(text.zh), `${rule.id}/${id}`).toEqual(names(text.en));
        expect(text.zh).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('every client string used with vscode.l10n.t has a Chinese translation', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    const clientDir = path.join(ROOT, 'client/src');
    const sources = fs.readdirSync(clientDir, { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    const strings = sources.flatMap((f) => [...fs.readFileSync(path.join(clientDir, String(f)), 'utf8').matchAll(/l10n\.t\(\s*'([^']+)'/g)].map((m) => m[1]));
    expect(strings.length).toBeGreaterThan(3);
    for (const s of strings) expect(bundle[s], s).toBeTruthy();
  });
});
