/**
 * `npm run corpus -- [folder] [options]`: the precision harness. Runs every rule
 * over a corpus with the command line's engine and prints, per rule, the
 * findings, their density, the most reported phrases and a sample in context;
 * with labels, the precision on the labelled findings; with `--diff`, what
 * changed since a previous `--json` run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../server/src/adapters/resources';
import { RULES } from '../../server/src/core/rules/registry';
import { findingKey, runCorpus, type CorpusFinding, type CorpusRun } from './corpusRun';
import { diffRuns } from './diff';
import { judge, readLabelFolder } from './labels';
import { sample, summarize, topPhrases } from './summary';

const USAGE = `npm run corpus -- [folder] [options]

  folder               the corpus (default: test/fixtures/corpus, the project's copy of shared/corpus)
  --rule <id>          only this rule (repeatable)
  --sample <n>         findings shown per rule (default 5; 0 for none)
  --top <n>            most reported phrases shown per rule (default 8)
  --json <file>        write the run (files, findings) to a file
  --diff <file>        print new and gone findings per rule against a previous --json run
  --labels <folder>    labelled findings (default: test/fixtures/labels); precision per rule
  --unlabelled <file>  write the findings of --rule that no label covers, as a TSV to fill in`;

interface Options {
  folder: string;
  rules: string[];
  sample: number;
  top: number;
  json?: string;
  diff?: string;
  labels: string;
  unlabelled?: string;
}

function parse(argv: readonly string[]): Options | string {
  const root = packageRoot();
  const options: Options = { folder: defaultCorpus(root), rules: [], sample: 5, top: 8, labels: path.join(root, 'test', 'fixtures', 'labels') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '-h' || arg === '--help') return USAGE;
      else if (arg === '--rule') options.rules.push(value());
      else if (arg === '--sample') options.sample = Number(value());
      else if (arg === '--top') options.top = Number(value());
      else if (arg === '--json') options.json = value();
      else if (arg === '--diff') options.diff = value();
      else if (arg === '--labels') options.labels = value();
      else if (arg === '--unlabelled') options.unlabelled = value();
      else if (arg.startsWith('-')) return `unknown option ${arg}\n\n${USAGE}`;
      else options.folder = path.resolve(arg);
    } catch (error) {
      return `${(error as Error).message}\n\n${USAGE}`;
    }
  }
  if (!Number.isInteger(options.sample) || options.sample < 0 || !Number.isInteger(options.top) || options.top < 0) return `--sample and --top take a whole number\n\n${USAGE}`;
  return options;
}

/** The project's copy of the shared corpus (test/fixtures/corpus): the project never reads ../shared itself. */
function defaultCorpus(root: string): string {
  return path.join(root, 'test', 'fixtures', 'corpus');
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  if (typeof options === 'string') {
    console.log(options);
    return options === USAGE ? 0 : 2;
  }
  if (!fs.existsSync(options.folder)) {
    console.error(`corpus: no folder ${options.folder}`);
    return 2;
  }
  const unknown = options.rules.filter((id) => !RULES.some((r) => r.id === id));
  if (unknown.length > 0) {
    console.error(`corpus: unknown rule ${unknown.join(', ')}`);
    return 2;
  }
  const codes = options.rules.length > 0 ? options.rules : RULES.map((r) => r.id);
  const full = await runCorpus(options.folder, { warn: (m) => console.error(`corpus: ${m}`) });
  const run: CorpusRun = { ...full, findings: full.findings.filter((f) => codes.includes(f.code)) };
  const characters = run.files.reduce((sum, f) => sum + f.characters, 0);
  console.log(`${run.folder}: ${run.files.length} files, ${characters} characters, ${run.findings.length} findings in ${(run.milliseconds / 1000).toFixed(1)} s\n`);

  const labels = readLabelFolder(options.labels).filter((l) => codes.includes(l.code));
  const labelledFiles = new Set(labels.map((l) => l.file));
  const precision = new Map(judge(labels, run.findings.filter((f) => labelledFiles.has(f.file))).map((p) => [p.code, p]));
  const labelKeys = new Set(labels.map(findingKey));

  console.log(`${'rule'.padEnd(22)}${'findings'.padStart(9)}${'per 10k'.padStart(9)}${'labelled'.padStart(10)}${'precision'.padStart(18)}  most findings in`);
  for (const s of summarize(run, codes)) {
    const p = precision.get(s.code);
    const judged = p ? p.truePositives + p.falsePositives : 0;
    const shown = p && judged > 0 ? `${p.precision.toFixed(2)} (${p.truePositives}/${judged})` : '–';
    console.log(`${s.code.padEnd(22)}${String(s.findings).padStart(9)}${s.per10k.toFixed(2).padStart(9)}${String(p?.labelled ?? 0).padStart(10)}${shown.padStart(18)}  ${s.topFiles.map((t) => `${t.file} ${t.count}`).join(', ')}`);
  }

  for (const code of codes) {
    const mine = run.findings.filter((f) => f.code === code);
    if (mine.length === 0) continue;
    console.log(`\n## ${code}`);
    if (options.top > 0) console.log(`most reported: ${topPhrases(mine, options.top).map((t) => `${t.phrase} ×${t.count}`).join('，')}`);
    for (const f of sample(mine, options.sample)) console.log(line(f));
    const p = precision.get(code);
    if (p) {
      for (const l of p.falseReturned) console.log(`  labelled false, back: ${l.file}:${l.line} ${l.phrase} (${l.reason})`);
      for (const l of p.trueMissing) console.log(`  labelled true, gone: ${l.file}:${l.line} ${l.phrase} (${l.reason})`);
      if (p.falseGone > 0) console.log(`  labelled false alarms gone: ${p.falseGone}`);
    }
  }

  if (options.diff) {
    const before = (JSON.parse(fs.readFileSync(options.diff, 'utf8')) as CorpusRun).findings.filter((f) => codes.includes(f.code));
    console.log(`\n# against ${options.diff}`);
    const diffs = diffRuns(before, run.findings);
    if (diffs.length === 0) console.log('no change');
    for (const d of diffs) {
      console.log(`\n## ${d.code}: ${d.added.length} new, ${d.gone.length} gone`);
      for (const f of sample(d.added, options.sample)) console.log(`+ ${line(f)}`);
      for (const f of sample(d.gone, options.sample)) console.log(`- ${line(f)}`);
    }
  }

  if (options.json) {
    fs.writeFileSync(options.json, `${JSON.stringify(run, null, 1)}\n`);
    console.log(`\nwrote ${options.json}`);
  }
  if (options.unlabelled) {
    const todo = run.findings.filter((f) => !labelKeys.has(findingKey(f)));
    const rows = todo.map((f) => [f.file, f.line, f.code, f.phrase, '', f.context].join('\t'));
    fs.writeFileSync(options.unlabelled, `file\tline\tcode\tphrase\tverdict\tcontext\n${rows.join('\n')}\n`);
    console.log(`wrote ${todo.length} unlabelled findings to ${options.unlabelled}`);
  }
  return 0;
}

function line(f: CorpusFinding): string {
  return `  ${f.file}:${f.line}:${f.column} ${f.phrase}  ${f.context}  — ${f.message}`;
}

main().then((code) => (process.exitCode = code));
