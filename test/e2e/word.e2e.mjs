// Word documents (issue 18) in a real VS Code (code-server + headless Chromium) with the packaged
// extension: the Explorer's context menu on a .docx opens it as read-only policy text; the Outline
// view shows its Word headings merged with numbering; the Problems panel shows the numbering gap
// under the Word headings; the hover works in the view. Screenshots in .e2e/shots/ (prefixed word-).
// Usage: node test/e2e/word.e2e.mjs   (after test/e2e/setup.mjs and npm run package)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { checkRunner, closeSuite, report } from './lib/checks.mjs';
import { launchBrowser, screenshot, startCodeServer, until, workbench } from './lib/codeserver.mjs';
import { REPO, SHOTS, VSIX as PACKAGED } from './lib/paths.mjs';

const VSIX = process.env.E2E_VSIX || PACKAGED;
const DOCX = '关于推进工作的报告（征求意见稿）.docx';
const GAP_MESSAGE = 'Numbering skips: expected 三, found 四.';
// Title, then Heading 1 paragraphs 一、二、四、 with （一）（二） under the first.
const OUTLINE = [
  [1, '关于推进高质量发展的报告'],
  [2, '一、总体要求'],
  [3, '（一）指导思想'],
  [3, '（二）主要目标'],
  [2, '二、重点任务'],
  [2, '四、保障措施'],
];

if (!fs.existsSync(VSIX)) { console.error(`${VSIX} missing: run npm run package first`); process.exit(1); }
fs.mkdirSync(SHOTS, { recursive: true });
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-word-e2e-'));
const ws = path.join(runDir, 'workspace');
fs.mkdirSync(ws, { recursive: true });
fs.writeFileSync(path.join(ws, DOCX), await buildDraft());

let page, wb, shotNo = 0;
const shot = (name) => screenshot(page, path.join(SHOTS, `word-${String(++shotNo).padStart(2, '0')}-${name}.png`));
const { results, check, harnessFailed } = checkRunner('word-', () => page);
const log = (...a) => console.log('  ', ...a);

const t0 = Date.now();
const cs = await startCodeServer({ dir: path.join(runDir, 'code-server'), vsix: [VSIX], folder: ws, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
const browser = await launchBrowser({ dir: path.join(runDir, 'chromium') });
page = browser.page;
wb = workbench(page);

try {
  await wb.open(cs.url, ws);

  await check('open-word-document', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: DOCX }) });
    const item = page.locator('.monaco-menu .action-item', { hasText: 'Open Word Document as Policy Text' });
    // The extensions' menu items arrive once the extension host has scanned them: reopen the menu until then.
    await until(async () => {
      await page.keyboard.press('Escape');
      await row.click({ button: 'right' });
      return item.first().waitFor({ timeout: 2000 }).then(() => true, () => false);
    }, { timeout: 60_000, interval: 500, what: 'the context menu item' });
    await shot('context-menu');
    await item.first().click();
    await page.locator('.tabs-container .tab.active', { hasText: DOCX }).waitFor({ timeout: 60_000 });
    await page.locator('.editor-group-container.active .view-lines', { hasText: '一、总体要求' }).first().waitFor({ timeout: 60_000 });
    const mode = await until(async () => { const m = await wb.statusText('status.editor.mode'); return m === 'Policy Document' && m; }, { what: 'language mode Policy Document (the name follows the display language)' });
    log('language mode:', mode);
  });

  await check('word-outline', async () => {
    await wb.command('Explorer: Focus on Outline View');
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const rows = await until(async () => {
      const r = await page.evaluate(() => [...document.querySelectorAll('.outline-pane .monaco-list-row')]
        .map((row) => [Number(row.getAttribute('aria-level')), row.querySelector('.label-name')?.textContent?.trim()]));
      return r.length >= OUTLINE.length && r;
    }, { stable: 3, timeout: 60_000, what: 'outline rows' });
    log('outline:', JSON.stringify(rows));
    await shot('outline');
    assert.deepEqual(rows, OUTLINE);
  });

  await check('word-diagnostic', async () => {
    await wb.showProblems();
    const rows = await until(async () => {
      const r = await wb.problemRows();
      return r.some((x) => x.message === GAP_MESSAGE) && r;
    }, { timeout: 90_000, interval: 500, what: `problem "${GAP_MESSAGE}"` });
    log('problems:', JSON.stringify(rows.map((r) => [r.message, r.code, r.position])));
    await shot('problems');
    const gap = rows.find((x) => x.message === GAP_MESSAGE);
    assert.equal(gap.code, 'outline.numbering');
    assert.equal(gap.position, '[Ln 7, Col 1]');
  });

  await check('word-hover', async () => {
    await wb.focusEditor();
    const texts = await wb.hover('新质生产力', '先进生产力质态', { lineContains: '加快发展' });
    await wb.hoverSettled().catch(() => {});
    await shot('hover');
    assert.ok(texts.some((t) => t.includes('新质生产力')), JSON.stringify(texts));
  });

  /** Runs one of the extension's items of the Explorer context menu on the .docx. */
  async function explorerCommand(title) {
    await page.keyboard.press('Escape');
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await folders.getAttribute('aria-expanded')) === 'false') await folders.click();
    const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: DOCX }) });
    const item = page.locator('.monaco-menu .action-item', { hasText: title }).first();
    // A click that lands while the menu is still settling leaves it open: click again until it closes.
    await until(async () => {
      if (!(await item.isVisible())) await row.click({ button: 'right' });
      await item.click({ timeout: 3000 }).catch(() => {});
      // The menu takes a moment to close after a click that landed: wait for that before clicking
      // again, or the command runs twice (the second conversion then asks to overwrite).
      return page.locator('.monaco-menu').first().waitFor({ state: 'hidden', timeout: 1500 }).then(() => true, () => false);
    }, { timeout: 20_000, interval: 500, what: `the menu item "${title}" to run` });
  }

  await check('word-export-csv', async () => {
    const target = path.join(ws, DOCX.replace(/\.docx$/, '.findings.csv'));
    await explorerCommand('Export Word Document Findings as CSV');
    // The save dialog (code-server's simple dialog) proposes name.findings.csv next to the document: accept it.
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 30_000 });
    await shot('save-dialog');
    await page.keyboard.press('Enter');
    const csv = await until(() => fs.existsSync(target) && fs.readFileSync(target), { timeout: 30_000, what: target });
    const lines = csv.toString('utf8').split('\r\n');
    log('csv:', JSON.stringify(lines));
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(lines[0], '\uFEFF"paragraph","excerpt","rule","message","suggestion"');
    assert.ok(lines.includes('"¶7","四、保障措施","outline.numbering","Numbering skips: expected 三, found 四.","“四、” → “三、”"'), JSON.stringify(lines));
  });

  await check('word-convert-markdown', async () => {
    const target = path.join(ws, DOCX.replace(/\.docx$/, '.policy.md'));
    await explorerCommand('Convert to .policy.md');
    await page.locator('.tabs-container .tab.active', { hasText: '.policy.md' }).waitFor({ timeout: 30_000 });
    await shot('converted');
    assert.equal(
      fs.readFileSync(target, 'utf8'),
      '# 关于推进高质量发展的报告\n\n## 一、总体要求\n\n### （一）指导思想\n\n加快发展新质生产力，推动高质量发展。\n\n### （二）主要目标\n\n## 二、重点任务\n\n## 四、保障措施\n\n加强组织领导。\n',
    );
  });
} catch (e) {
  await harnessFailed(e);
} finally {
  await closeSuite(browser, cs, runDir, results);
}

report(results, 'word', t0);

/** The draft as Word writes it (Chinese Word: style ids 1, 2 named "heading 1", "heading 2"), with jszip from mammoth. */
async function buildDraft() {
  const JSZip = createRequire(path.join(REPO, 'package.json'))('jszip');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const p = (text, style) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const body = [
    p('关于推进高质量发展的报告', 'Title'),
    p('一、总体要求', '1'),
    p('（一）指导思想', '2'),
    p('加快发展新质生产力，推动高质量发展。'),
    p('（二）主要目标', '2'),
    p('二、重点任务', '1'),
    p('四、保障措施', '1'),
    p('加强组织领导。'),
  ].join('');
  const style = (id, name) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/></Relationships>`);
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${style('Title', 'Title')}${style('1', 'heading 1')}${style('2', 'heading 2')}</w:styles>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}
