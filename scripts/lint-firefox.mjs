// Firefox's add-on linter (addons-linter, through web-ext lint) on the built extension or on a package, with AMO's
// rules (not --self-hosted: the Firefox package is meant for addons.mozilla.org, which signs it). Every error, warning
// and notice fails: there are none today, and a new one should be read, not scrolled past.
// Usage: node scripts/lint-firefox.mjs [extension/dist | path/to.xpi]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

/** Lints `source` (a folder or an .xpi/.zip); resolves with every message, each `{ type, code, message, file }`. */
export function lintFirefox(source) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', source, '--output', 'json', '--no-input'], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // web-ext exits non-zero on errors but still prints the report; anything else unparseable is a failure.
      const start = out.indexOf('{');
      let report;
      try {
        report = JSON.parse(out.slice(start));
      } catch {
        return reject(new Error(`web-ext lint ${source} gave no report (exit code ${code}): ${(err || out).trim().slice(0, 2000)}`));
      }
      const messages = ['errors', 'warnings', 'notices'].flatMap((type) =>
        report[type].map((m) => ({ type: type.slice(0, -1), code: m.code, message: m.message, file: m.file ?? '' })),
      );
      resolve(messages);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const source = process.argv[2] ?? join(root, 'extension', 'dist');
  const messages = await lintFirefox(source);
  for (const m of messages) console.error(`${m.type.toUpperCase()} ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}`);
  console.log(`web-ext lint ${source}: ${messages.length === 0 ? 'clean' : `${messages.length} message(s)`}`);
  process.exitCode = messages.length === 0 ? 0 : 1;
}
