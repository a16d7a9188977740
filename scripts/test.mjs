// npm test: everything, on a fresh machine. Installs npm packages (and, as root, Chromium + a CJK font with apt),
// builds, then runs type checks, lint, the extension's unit tests, the host tests and the Playwright e2e suite.
// Ends with one line "N passed, N failed, N skipped" summed over every suite.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFrontEnds } from './build.mjs';
import { checkToolchain, ensureChromium, ensureNodeModules, heading, readJson, run, runCollected, scratchDir } from './lib.mjs';

const results = [];
const record = (suite, passed, failed, skipped = 0, note = '') => results.push({ suite, passed, failed, skipped, note });
const resultsDir = scratchDir('results');
// Test data folders and browser profiles of earlier runs go; each run starts from nothing.
rmSync(scratchDir('tmp'), { recursive: true, force: true });
const env = {
  ...process.env,
  TMPDIR: scratchDir('tmp'),
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};
const started = Date.now();

/** Checks run at once, each one's output printed whole when it ends, so they do not interleave. */
async function checksSideBySide(checks) {
  heading(`${checks.map(([suite]) => suite).join(', ')} (side by side)`);
  return Promise.all(
    checks.map(async ([suite, command, args]) => {
      const { code, output } = await runCollected(command, args, { env });
      heading(`${suite}: ${code === 0 ? 'ok' : `failed (exit code ${code})`}`);
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      record(suite, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
      return code === 0;
    }),
  );
}

function trxCounts(path) {
  if (!existsSync(path)) return null;
  const counters = /<Counters\b([^>]*)\/>/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
  const value = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
  return { passed: value('passed'), failed: value('failed') + value('error') + value('timeout') + value('aborted'), skipped: value('notExecuted') };
}

async function dotnetTests(suite, project) {
  heading(suite);
  const trx = join(resultsDir, `${suite.replace(/\W+/g, '-')}.trx`);
  rmSync(trx, { force: true });
  // A test that hangs is stopped (and counted as failed) instead of holding CI to its 90-minute limit.
  const hangGuard = ['--blame-hang-timeout', '8m', '--blame-hang-dump-type', 'none'];
  const code = await run('dotnet', ['test', project, '--no-build', '--nologo', ...hangGuard, '--logger', `trx;LogFileName=${trx}`, '--results-directory', resultsDir], { env });
  const counts = trxCounts(trx);
  if (!counts) record(suite, 0, 1, 0, `no results (exit code ${code})`);
  // A non-zero exit with no failed test means the run itself broke (a crashed test host): count it as a failure.
  else if (code !== 0 && counts.failed === 0) record(suite, counts.passed, 1, counts.skipped, `test run failed (exit code ${code})`);
  else record(suite, counts.passed, counts.failed, counts.skipped);
}

async function vitest() {
  heading('extension unit tests (vitest)');
  const report = join(resultsDir, 'vitest.json');
  rmSync(report, { force: true });
  const code = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { env });
  if (!existsSync(report)) return record('vitest', 0, 1, 0, `no results (exit code ${code})`);
  const r = readJson(report);
  record('vitest', r.numPassedTests, r.numFailedTests || (code === 0 ? 0 : 1), r.numPendingTests + r.numTodoTests);
}

async function main() {
  const problems = checkToolchain();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    return record('toolchain', 0, 1, 0, 'missing prerequisites');
  }
  if ((await ensureNodeModules()) !== 0) return record('npm ci', 0, 1);
  const haveChromium = await ensureChromium();

  if ((await buildFrontEnds()) !== 0) return record('build (esbuild)', 0, 1);
  // Independent and mostly single-threaded: side by side they take about as long as the longest of them.
  const [, , , , built] = await checksSideBySide([
    ['type check (extension)', 'npx', ['tsc', '--noEmit', '-p', 'extension']],
    ['type check (review UI)', 'npx', ['tsc', '--noEmit', '-p', 'host/Ui']],
    ['eslint', 'npx', ['eslint', '.']],
    // Firefox's add-on linter on the extension just built (AMO rules; any message fails).
    ['web-ext lint', 'node', ['scripts/lint-firefox.mjs']],
    ['dotnet build', 'dotnet', ['build', 'ExtensionHost.sln', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly']],
  ]);
  await vitest();

  if (!built) return;
  await dotnetTests('host tests', 'tests/ReceiptGuard.Host.Tests');
  if (haveChromium) await dotnetTests('e2e tests', 'tests/ReceiptGuard.E2E');
  else record('e2e tests', 0, 1, 0, 'Chromium missing (see above)');
  // After the e2e suite, not beside it: on 2 cores the suite slowed by as much as packaging took (733 s in all either
  // way), and its timing tests are better off alone.
  await packages();
}

/** npm run package (both extension packages, the host for every platform), then each package checked. */
async function packages() {
  const made = await runCollected('node', ['scripts/package.mjs', '--no-build'], { env });
  heading(`package: ${made.code === 0 ? 'ok' : `failed (exit code ${made.code})`}`);
  process.stdout.write(made.output);
  record('package', made.code === 0 ? 1 : 0, made.code === 0 ? 0 : 1);
  if (made.code !== 0) return;
  const report = join(resultsDir, 'package-checks.json');
  rmSync(report, { force: true });
  const checked = await runCollected('node', ['scripts/check-packages.mjs', '--report', report], { env });
  heading('package checks');
  process.stdout.write(checked.output);
  if (!existsSync(report)) return record('package checks', 0, 1, 0, `no results (exit code ${checked.code})`);
  const r = readJson(report);
  record('package checks', r.passed, r.failed || (checked.code === 0 ? 0 : 1));
}

await main();

heading(`Summary (${Math.round((Date.now() - started) / 1000)} s)`);
for (const r of results) {
  const note = r.note ? `  — ${r.note}` : '';
  console.log(`${r.failed > 0 ? 'FAIL' : 'ok  '}  ${r.suite.padEnd(28)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${note}`);
}
const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exitCode = total('failed') > 0 ? 1 : 0;
