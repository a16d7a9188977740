// Helpers shared by the npm scripts: running commands, checking and installing prerequisites.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Chromium, the Playwright tests' browser: Debian's, unless RECEIPTGUARD_CHROMIUM names another. */
export const chromiumCandidates = ['/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser'];

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

export function heading(text) {
  console.log(`\n${bold(`== ${text}`)}`);
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command with its output (stdout and stderr, in order) collected; resolves with its exit code and that output. */
export function runCollected(command, args, options = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd: root, ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 127, output: `cannot run ${command}: ${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

export function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Fails with a message saying what to install when the .NET 10 SDK or Node 20.19+ is missing. */
export function checkToolchain() {
  const problems = [];
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) problems.push(`Node.js ${process.versions.node} is too old: install Node.js 20.19 or newer.`);
  const sdks = has('dotnet') ? spawnSync('dotnet', ['--list-sdks'], { encoding: 'utf8' }).stdout : '';
  if (!/^10\./m.test(sdks)) {
    problems.push('The .NET 10 SDK is missing: install it from https://dotnet.microsoft.com/download/dotnet/10.0 (on Debian/Ubuntu: the dotnet-sdk-10.0 package from packages.microsoft.com).');
  }
  return problems;
}

/** npm ci when node_modules is missing or older than the lock file. */
export async function ensureNodeModules() {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return 0;
  heading('Installing npm packages (npm ci)');
  return run('npm', ['ci', '--no-audit', '--no-fund']);
}

export function findChromium() {
  const chosen = process.env.RECEIPTGUARD_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return chromiumCandidates.find((path) => existsSync(path)) ?? null;
}

function hasCjkFont() {
  if (!has('fc-list')) return false;
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '';
  return fonts.trim().length > 0;
}

/**
 * Chromium and a CJK font for the end-to-end tests: installed with apt when missing and running as root,
 * otherwise an error that says what to install.
 */
export async function ensureChromium() {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-wqy-microhei');
  if (missing.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(
      `\nThe end-to-end tests need ${missing.join(' and ')}. Install with:\n  sudo apt-get install -y ${missing.join(' ')}\n` +
        '(or set RECEIPTGUARD_CHROMIUM to a Chromium binary). npm test installs them itself when run as root on Debian/Ubuntu.',
    );
    return false;
  }
  heading(`Installing ${missing.join(', ')} with apt`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-q'], { env })) !== 0) return false;
  if ((await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'], { env })) !== 0) return false;
  return findChromium() !== null;
}

/** A scratch folder under the work tree: Chromium, Playwright and dotnet test otherwise litter /tmp. */
export function scratchDir(...parts) {
  const dir = join(root, '.tmp', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
