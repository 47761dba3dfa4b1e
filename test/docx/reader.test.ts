import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../server/src/adapters/docx/readDocx';
import { buildDocxOutline } from '../../server/src/core/docx/outline';
import { docxPolicyText } from '../../server/src/core/docx/policyText';
import { buildOutline } from '../../server/src/core/outline/outline';
import { flattenOutline } from '../../server/src/core/outline/walk';
import { splitParagraphs } from '../../server/src/core/text/paragraphs';
import { buildDocx, del, endnoteRef, footnoteRef, ins, lineBreak, p, run, table, textBox, type DocxSpec } from '../helpers/docxBuilder';

async function read(spec: DocxSpec) {
  const result = await readDocx(await buildDocx(spec));
  if (!result.ok) throw new Error(result.message);
  return result.content;
}

describe('reading .docx with mammoth', () => {
  it('reads body paragraphs in order with heading levels from Word styles', async () => {
    const content = await read({
      body: [p('关于2024年工作的报告', 'Title'), p('一、总体要求', '1'), p('正文第一段。'), p('（一）指导思想', '2'), p('正文第二段。')],
    });
    expect(content.paragraphs.map((x) => [x.text, x.origin, x.level])).toEqual([
      ['关于2024年工作的报告', { kind: 'body', paragraph: 1 }, 0],
      ['一、总体要求', { kind: 'body', paragraph: 2 }, 1],
      ['正文第一段。', { kind: 'body', paragraph: 3 }, undefined],
      ['（一）指导思想', { kind: 'body', paragraph: 4 }, 2],
      ['正文第二段。', { kind: 'body', paragraph: 5 }, undefined],
    ]);
  });

  it('takes levels from Chinese style names and from outline levels of custom styles, following basedOn', async () => {
    const content = await read({
      styles: [
        { id: 'a1', name: '标题 1' },
        { id: 'a2', name: '标题2' },
        { id: 'gw1', name: '公文一级标题', outlineLevel: 0 },
        { id: 'gw2', name: '公文二级标题', basedOn: 'x2' },
        { id: 'x2', name: '内部', outlineLevel: 1 },
        { id: 'body', name: '正文缩进', outlineLevel: 9, basedOn: 'gw1' },
      ],
      body: [p('甲', 'a1'), p('乙', 'a2'), p('丙', 'gw1'), p('丁', 'gw2'), p('戊。', 'body'), p('己', 'unknownStyle')],
    });
    expect(content.paragraphs.map((x) => [x.text, x.level])).toEqual([
      ['甲', 1],
      ['乙', 2],
      ['丙', 1],
      ['丁', 2],
      ['戊。', undefined],
      ['己', undefined],
    ]);
  });

  it('reads table cells as paragraphs with table, row and cell, counted with the body paragraphs', async () => {
    const content = await read({
      body: [p('表前。'), table([['指标', '目标'], ['增长', ['5%左右', '（预期性）']]]), p('表后。')],
    });
    expect(content.paragraphs.map((x) => [x.text, x.origin])).toEqual([
      ['表前。', { kind: 'body', paragraph: 1 }],
      ['指标', { kind: 'table', paragraph: 2, table: 1, row: 1, cell: 1 }],
      ['目标', { kind: 'table', paragraph: 3, table: 1, row: 1, cell: 2 }],
      ['增长', { kind: 'table', paragraph: 4, table: 1, row: 2, cell: 1 }],
      ['5%左右', { kind: 'table', paragraph: 5, table: 1, row: 2, cell: 2 }],
      ['（预期性）', { kind: 'table', paragraph: 6, table: 1, row: 2, cell: 2 }],
      ['表后。', { kind: 'body', paragraph: 7 }],
    ]);
  });

  it('puts footnotes and endnotes after the body, numbered in order of reference', async () => {
    const content = await read({
      body: [p(['正文甲', footnoteRef(7), '。']), p(['正文乙', footnoteRef(3), endnoteRef(2), '。'])],
      footnotes: [
        { id: 3, paragraphs: ['第二个脚注。'] },
        { id: 7, paragraphs: ['第一个脚注。', '它的第二段。'] },
      ],
      endnotes: [{ id: 2, paragraphs: ['尾注。'] }],
    });
    expect(content.paragraphs.map((x) => [x.text, x.origin, x.notes])).toEqual([
      ['正文甲。', { kind: 'body', paragraph: 1 }, [{ offset: 3, kind: 'footnote', note: 1 }]],
      [
        '正文乙。',
        { kind: 'body', paragraph: 2 },
        [
          { offset: 3, kind: 'footnote', note: 2 },
          { offset: 3, kind: 'endnote', note: 1 },
        ],
      ],
      ['第一个脚注。', { kind: 'footnote', note: 1, paragraph: 1 }, undefined],
      ['它的第二段。', { kind: 'footnote', note: 1, paragraph: 2 }, undefined],
      ['第二个脚注。', { kind: 'footnote', note: 2, paragraph: 1 }, undefined],
      ['尾注。', { kind: 'endnote', note: 1, paragraph: 1 }, undefined],
    ]);
  });

  it('reads tracked changes as the final text: insertions kept, deletions and deleted paragraph marks gone', async () => {
    const deletedMark = `<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="a" w:date="2024-03-01T00:00:00Z"/></w:rPr></w:pPr>${run('前半句，')}</w:p>`;
    const content = await read({ body: [p(['加快发展', del('新质生产率'), ins('新质生产力'), '。']), deletedMark, p('后半句。')] });
    expect(content.paragraphs.map((x) => [x.text, x.origin])).toEqual([
      ['加快发展新质生产力。', { kind: 'body', paragraph: 1 }],
      ['前半句，后半句。', { kind: 'body', paragraph: 2 }],
    ]);
  });

  it('keeps manual line breaks and tabs, and reads text boxes after their anchor paragraph', async () => {
    const content = await read({ body: [p(['第一行', lineBreak(), '第二行\t完']), p(['锚段落。', textBox(['文本框内容。'])]), p('后文。')] });
    expect(content.paragraphs.map((x) => x.text)).toEqual(['第一行\n第二行\t完', '锚段落。', '文本框内容。', '后文。']);
  });

  it('reads a document without styles or notes parts', async () => {
    const zip = new JSZip();
    const docx = await JSZip.loadAsync(await buildDocx({ body: [p('只有正文。')] }));
    for (const name of Object.keys(docx.files)) if (name !== 'word/styles.xml' && !docx.files[name].dir) zip.file(name, await docx.file(name)!.async('uint8array'));
    const result = await readDocx(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(result.ok && result.content.paragraphs.map((x) => x.text)).toEqual(['只有正文。']);
  });
});

describe('files that are not readable Word documents', () => {
  const compoundFile = (stream: string) => {
    const bytes = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    Buffer.from(stream, 'utf16le').copy(bytes, 1024);
    return bytes;
  };

  it('names a password-protected document', async () => {
    expect(await readDocx(compoundFile('EncryptionInfo'))).toMatchObject({ ok: false, problem: 'encrypted' });
  });

  it('names an old .doc file', async () => {
    expect(await readDocx(compoundFile('WordDocument'))).toMatchObject({ ok: false, problem: 'oldWord' });
  });

  it('refuses text, empty and truncated files', async () => {
    expect(await readDocx(Buffer.from('一、总体要求\n', 'utf8'))).toMatchObject({ ok: false, problem: 'notDocx' });
    expect(await readDocx(Buffer.alloc(0))).toMatchObject({ ok: false, problem: 'notDocx' });
    const whole = await buildDocx({ body: [p('正文。')] });
    expect(await readDocx(whole.subarray(0, whole.length >> 1))).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('refuses a zip without a Word document in it', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', '你好');
    expect(await readDocx(await zip.generateAsync({ type: 'nodebuffer' }))).toMatchObject({ ok: false, problem: 'notDocx' });
  });
});

describe('bad input never crashes the reader', () => {
  it('reads an empty body, a 1 MB paragraph, CJK Ext-B and emoji, and a lone surrogate character reference', async () => {
    expect((await read({ body: [] })).paragraphs).toEqual([]);
    const long = '发展'.repeat(500_000);
    expect((await read({ body: [p(long)] })).paragraphs[0].text.length).toBe(1_000_000);
    expect((await read({ body: [p('𠀀𠀁😀新质生产力')] })).paragraphs[0].text).toBe('𠀀𠀁😀新质生产力');
    const lone = `<w:p><w:r><w:t>前&#xD800;后</w:t></w:r></w:p>`;
    // Kept one-for-one (the core replaces lone surrogates where it must, offsets stay put).
    expect((await read({ body: [lone] })).paragraphs.map((x) => x.text)).toEqual(['前\uD800后']);
  });
});

describe('a Word copy of a text file', () => {
  it('gives back the same text, and without styles the same outline as the text file (004: a law and reports, 50 000 characters)', async () => {
    const text = fs.readFileSync(path.join(__dirname, '../fixtures/004_aedbcdac15b26f45.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const docx = docxPolicyText(await read({ body: text.split('\n').map((line) => p(line)) }));
    expect(docx.text).toBe(text);
    const paragraphs = splitParagraphs(text);
    const options = { markdown: false, leadItems: false };
    const plain = buildOutline(text, paragraphs, options);
    expect(flattenOutline(plain).length).toBeGreaterThan(100);
    expect(buildDocxOutline(text, paragraphs, docx, options)).toEqual(plain);
  });
});
