import * as fs from 'node:fs';
import * as path from 'node:path';
import { walkFiles } from '../adapters/walk';

/** Files a folder argument stands for; `~$…` files are Word's lock files, not documents. */
const DOCUMENT = /^(?!~\$).*\.(txt|md|docx)$/i;

export interface Expansion {
  readonly files: string[];
  /** Arguments that matched nothing. */
  readonly unmatched: string[];
}

/**
 * Expands command-line arguments: a file is itself, a folder stands for the
 * `.txt` and `.md` files below it, anything with `*`, `?`, `[…]` or `{…}` is
 * a glob pattern (`**` crosses folders). Files come back once each, in
 * argument order, each argument's matches sorted. Paths are as the user would
 * write them: relative to `cwd` when the argument was.
 */
export function expandPatterns(patterns: readonly string[], cwd: string): Expansion {
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  let matched = 0;
  const add = (file: string) => {
    matched++;
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const pattern of patterns) {
    matched = 0;
    if (isGlob(pattern)) {
      for (const file of matchGlob(pattern, cwd)) add(file);
    } else {
      const full = path.resolve(cwd, pattern);
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(full);
      } catch {
        stat = undefined;
      }
      if (stat?.isDirectory()) {
        for (const file of walk(full).filter((f) => DOCUMENT.test(path.basename(f))).sort()) add(path.join(pattern, path.relative(full, file)));
      } else if (stat) {
        add(pattern);
      }
    }
    if (matched === 0) unmatched.push(pattern);
  }
  return { files, unmatched };
}

export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** Files matching one glob pattern, relative to `cwd` unless the pattern is absolute. */
export function matchGlob(pattern: string, cwd: string): string[] {
  const normal = pattern.split(path.sep).join('/');
  const segments = normal.split('/');
  const firstMagic = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.join('/') || (normal.startsWith('/') ? '/' : '.');
  const baseDir = path.resolve(cwd, base);
  const matcher = globToRegExp(segments.slice(firstMagic).join('/'));
  const found: string[] = [];
  for (const file of walk(baseDir)) {
    const relative = path.relative(baseDir, file).split(path.sep).join('/');
    if (matcher.test(relative) && !path.basename(file).startsWith('~$')) found.push(base === '.' ? relative.split('/').join(path.sep) : path.join(base, relative));
  }
  return found.sort();
}

/**
 * A glob as a regular expression over `/`-separated relative paths: `*` and
 * `?` stay within a folder, `**` spans any number of folders, `[abc]`/`[!abc]`
 * are classes and `{a,b}` alternatives. Wildcards do not match a leading dot.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const atSegmentStart = i === 0 || glob[i - 1] === '/';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        // `**/` matches zero or more folders; `**` at the end anything below.
        out += slash ? '(?:(?!\\.)[^/]*/)*' : '(?:(?!\\.)[^/]*(?:/|$))*';
        i += slash ? 2 : 1;
      } else {
        out += `${atSegmentStart ? '(?!\\.)' : ''}[^/]*`;
      }
    } else if (c === '?') {
      out += `${atSegmentStart ? '(?!\\.)' : ''}[^/]`;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`, 'u');
}

/** Every file below `dir` (the shared walker's skip rules and limit). */
function walk(dir: string): string[] {
  return walkFiles(dir, () => true);
}
