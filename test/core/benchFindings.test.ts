import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText, createCheckEngine } from '../../server/src/cli/engine';
import { RULES } from '../../server/src/core/rules/registry';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { parseSettings } from '../../server/src/engine/settings';

/**
 * The benchmark's document (the 1.6 MB compilation) has exactly these findings, the
 * built-in references active: speed work must not change what is found. The file was
 * written before the performance work of the performance issue; after an intended change
 * of findings, rewrite it with `npx vitest run test/core/benchFindings.test.ts -u` and
 * read the difference.
 */
const FIXTURES = path.join(__dirname, '../fixtures');
const NAME = '002_8dfe99efc033ddf8.txt';

describe('findings of the benchmark document', () => {
  const engine = createCheckEngine(parseSettings(undefined, RULES).settings, FIXTURES, [], () => undefined, 'en');
  afterAll(() => engine.dispose());

  it('are the recorded ones', async () => {
    await engine.segmentation.ready;
    const text = fs.readFileSync(path.join(FIXTURES, NAME), 'utf8');
    const lines = new LineIndex(text);
    const rows = (await checkText(engine, text, path.join(FIXTURES, NAME))).map((f) => {
      const at = lines.positionAt(f.span.start);
      const fix = f.fix?.map((e) => `${e.span.start}-${e.span.end}=${JSON.stringify(e.newText)}`).join(' ') ?? '';
      return [at.line + 1, at.character + 1, f.span.start, f.span.end, f.severity, f.code, JSON.stringify(f.args), fix].join('\t');
    });
    expect(rows.length).toBeGreaterThan(40);
    await expect(`line\tcolumn\tstart\tend\tseverity\tcode\targs\tfix\n${rows.join('\n')}\n`).toMatchFileSnapshot(path.join(FIXTURES, 'findings', NAME.replace('.txt', '.tsv')));
  }, 60_000);
});
