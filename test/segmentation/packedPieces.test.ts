import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadJieba } from '../../server/src/adapters/jieba';
import { createPackedPiecesReader } from '../../server/src/core/segment/packedPieces';
import { pieceLengths } from '../../server/src/core/segment/tokens';

/** A part of speech packed as tagLengths packs it: one ASCII character per byte from the lowest. */
const pack = (tag: string) => [...tag].reduce((code, char, k) => code | (char.charCodeAt(0) << (8 * k)), 0) >>> 0;

describe('createPackedPiecesReader', () => {
  it('reads lengths and parts of speech of one to four characters', () => {
    const read = createPackedPiecesReader();
    expect(read(Uint32Array.of(2, pack('n'), 1, pack('x'), 3, pack('eng'), 4, pack('nrfg')))).toEqual({ lengths: Uint32Array.of(2, 1, 3, 4), tags: ['n', 'x', 'eng', 'nrfg'] });
    expect(read(new Uint32Array(0))).toEqual({ lengths: new Uint32Array(0), tags: [] });
  });

  it('gives up on a part of speech that did not fit (0), so that tag is asked instead', () => {
    expect(createPackedPiecesReader()(Uint32Array.of(2, pack('n'), 3, 0))).toBeUndefined();
  });
});

describe('nodejieba pieces with a part of speech longer than four letters', () => {
  it('come from tag, the same as without tagLengths', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-packed-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const dictionary = path.join(dir, 'user.dict.utf8');
    fs.writeFileSync(dictionary, '政策透镜 5 policy\n');
    const { segmenter } = loadJieba([dictionary]);
    expect(segmenter.pieceLengths!('用政策透镜审稿')).toBeUndefined();
    const expected = segmenter.tag!('用政策透镜审稿');
    expect(expected.map((t) => t.tag)).toContain('policy');
    expect(pieceLengths(segmenter, '用政策透镜审稿')).toEqual({ lengths: Uint32Array.from(expected, (t) => t.word.length), tags: expected.map((t) => t.tag) });
  }, 60_000);
});
