// Writes contributes.configuration and its nls strings from the rule registry
// (server/src/manifest.ts). Run after adding a rule or a setting.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const out = path.join(os.tmpdir(), `policy-lens-manifest-${process.pid}.cjs`);
await esbuild.build({
  stdin: { contents: "export { buildManifest, rulesMarkdown, withReadmeRuleTable } from './server/src/manifest'; export { RULES } from './server/src/core/rules/registry';", resolveDir: '.', loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning',
});
const { buildManifest, rulesMarkdown, withReadmeRuleTable, RULES } = createRequire(import.meta.url)(out);
fs.rmSync(out);
const manifest = buildManifest(RULES);

const writeJson = (file, data) => fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
pkg.contributes.configuration.properties = manifest.properties;
writeJson('package.json', pkg);
for (const [file, strings] of [['package.nls.json', manifest.nls.en], ['package.nls.zh-cn.json', manifest.nls.zh]]) {
  const nls = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  for (const key of Object.keys(nls)) if (key.startsWith('config.')) delete nls[key];
  writeJson(file, { ...nls, ...strings });
}
fs.writeFileSync('docs/rules.md', rulesMarkdown(RULES));
fs.writeFileSync('README.md', withReadmeRuleTable(fs.readFileSync('README.md', 'utf8'), RULES));
console.log(`synced ${Object.keys(manifest.properties).length} settings, docs/rules.md and the README rule table`);
