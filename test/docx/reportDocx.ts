import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDocx, footnoteRef, p, table } from '../helpers/docxBuilder';

const NATIONAL = path.join(__dirname, '../fixtures/corpus/national');

/**
 * A "100-page report" as a Word document: the 2023–2025 government work
 * reports (≈ 55 000 characters) one after another, their titles in Title
 * style, `一、` parts in Heading 1, a small table every 40 paragraphs and a
 * footnote every 25.
 */
export async function buildReportDocx(): Promise<{ bytes: Buffer; characters: number; paragraphs: number }> {
  const body: string[] = [];
  const footnotes: { id: number; paragraphs: string[] }[] = [];
  let characters = 0;
  let count = 0;
  for (const year of [2023, 2024, 2025]) {
    const lines = fs.readFileSync(path.join(NATIONAL, `gwr-${year}.txt`), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
    for (const [index, line] of lines.entries()) {
      characters += line.length;
      count++;
      if (index === 0) body.push(p(line, 'Title'));
      else if (/^[一二三四五六七八九十]+、/.test(line) && line.length < 40) body.push(p(line, '1'));
      else if (count % 25 === 0) {
        const id = footnotes.length + 1;
        footnotes.push({ id, paragraphs: [`注${id}：数据来源于国家统计局。`] });
        body.push(p([line, footnoteRef(id)]));
      } else body.push(p(line));
      if (count % 40 === 0) body.push(table([['指标', '2024年目标'], ['国内生产总值增长', '5%左右'], ['城镇新增就业', '1200万人以上']]));
    }
  }
  return { bytes: await buildDocx({ body, footnotes }), characters, paragraphs: count };
}
