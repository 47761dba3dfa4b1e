// Lists the words of jieba-wasm's built-in dictionary that nodejieba's
// (cppjieba's jieba.dict.utf8) lacks, and checks that every shared word has the
// same frequency and tag. Run after upgrading jieba-wasm or nodejieba:
//   node scripts/jieba-wasm-builtin-only.mjs > data/jieba-wasm-builtin-only.utf8
// jieba-rs embeds its dictionary deflate-compressed (include-flate); this finds
// the stream by trying to inflate at each offset of the .wasm.
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const wasm = fs.readFileSync('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm');
const cppjieba = fs.readFileSync('node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8', 'utf8');
const DICTIONARY_START = /^(\S+ \d+ [a-z]+\n){20}/;

function builtinDictionary() {
  for (let offset = 0; offset < wasm.length; offset++) {
    // A deflate block with fixed (01) or dynamic (10) Huffman codes.
    const type = (wasm[offset] >> 1) & 3;
    if (type !== 1 && type !== 2) continue;
    let head;
    try {
      head = zlib.inflateRawSync(wasm.subarray(offset, offset + 4096), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');
    } catch {
      continue;
    }
    if (DICTIONARY_START.test(head)) return zlib.inflateRawSync(wasm.subarray(offset)).toString('utf8');
  }
  throw new Error('no embedded dictionary found in the .wasm');
}

const parse = (text) => new Map(text.split('\n').filter(Boolean).map((line) => { const [word, freq, tag] = line.split(' '); return [word, `${freq} ${tag}`]; }));
const builtin = parse(builtinDictionary());
const main = parse(cppjieba);
const differing = [...builtin].filter(([word, entry]) => main.has(word) && main.get(word) !== entry);
if (differing.length > 0) {
  console.error(`${differing.length} shared words differ in frequency or tag (e.g. ${differing.slice(0, 5).map(([w]) => w).join(', ')}): loading cppjieba's dictionary over the built-in one sets the frequencies; tags come from cppjieba's in TypeScript.`);
}
console.error(`built-in ${builtin.size} words, cppjieba ${main.size}; only built-in: ${[...builtin.keys()].filter((w) => !main.has(w)).length}; only cppjieba: ${[...main.keys()].filter((w) => !builtin.has(w)).length}`);
const header = fs.readFileSync('data/jieba-wasm-builtin-only.utf8', 'utf8').split('\n').filter((line) => line.startsWith('#'));
console.log([...header, ...[...builtin.keys()].filter((word) => !main.has(word))].join('\n'));
