// Turns a national report as scraped from Wikisource (shared corpus, national/) into a built-in
// reference text: one paragraph per line, wording verbatim. Web-page artefacts go: lines that are
// only white space or U+200B, the licence trailer ("本作品…" to the end), and the line breaks that
// inline links left inside paragraphs (consecutive non-empty lines are one paragraph; paragraphs
// are separated by blank lines in the scrape). Usage: node scripts/clean-reference.mjs in.txt out.txt
import * as fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const lines = fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
const blank = (line) => /^[\s\u200b\u3000]*$/.test(line);
const trailer = lines.findIndex((line) => line.startsWith('本作品'));
const body = trailer >= 0 ? lines.slice(0, trailer) : lines;
const paragraphs = [];
let current = [];
for (const line of body) {
  if (blank(line)) {
    if (current.length > 0) paragraphs.push(current.join(''));
    current = [];
  } else {
    current.push(line.replace(/\u200b/g, ''));
  }
}
if (current.length > 0) paragraphs.push(current.join(''));
fs.writeFileSync(output, paragraphs.join('\n') + '\n');
console.log(`${input}: ${paragraphs.length} paragraphs`);
