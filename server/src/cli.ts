#!/usr/bin/env node
// First: jieba's worker thread boots while the rest of the command line loads.
import './cli/earlyStart';
import { main } from './cli/main';

/**
 * Entry point of dist/cli.js, the `policy-lens` command:
 * `policy-lens check [options] <files or globs>` — see cli/args.ts and docs/cli.md.
 */
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policy-lens: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
