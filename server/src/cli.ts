#!/usr/bin/env node
// First: jieba's worker thread boots while the rest of the command line loads.
import './cli/earlyStart';
import { main } from './cli/main';

/**
 * Entry point of dist/cli.js, the `policy-lens` command:
 * `policy-lens check [options] <files or globs>` — see cli/args.ts and docs/cli.md.
 */
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  // Once the output is written, exit at once: waiting for the event loop to drain would first free
  // every object of the run, jieba's dictionary among them (≈130 ms, adapters/jieba.ts).
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    process.stderr.write(`policy-lens: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exitWhenWritten(2);
  },
);

/** Exits with `code` after what was written to stdout and stderr has been handed to the system (pipes are asynchronous on some systems). */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let waiting = 2;
  const written = () => --waiting === 0 && process.exit(code);
  process.stdout.write('', written);
  process.stderr.write('', written);
}
