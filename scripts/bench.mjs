// npm run bench: runs every benchmark, writes bench/results.json (one object per figure) and regenerates the
// table in README.md between the bench markers. Pass --quick for a short smoke run (not for publishing figures).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFrontEnds } from './build.mjs';
import { checkToolchain, ensureNodeModules, heading, readJson, root, run, scratchDir } from './lib.mjs';
import { buildSingleFilePeer } from './single-file-peer.mjs';

const quick = process.argv.includes('--quick');
const env = { ...process.env, TMPDIR: scratchDir('tmp'), DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
const resultsFile = join(root, 'bench', 'results.json');
const readme = join(root, 'README.md');

/** Each benchmark program writes a JSON array of figures to the file it is given. */
const benchmarks = [
  {
    name: 'host, guard and capture',
    build: ['dotnet', ['build', 'bench/ReceiptGuard.Bench', '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly']],
    run: (out) => ['dotnet', [join(root, 'bench/ReceiptGuard.Bench/bin/Release/net10.0/ReceiptGuard.Bench.dll'), '--out', out, ...(quick ? ['--quick'] : [])]],
  },
];

const format = (value) => (value === null || value === undefined ? '—' : Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 }));

function table(results) {
  const rows = results.map((r) => {
    const baseline = r.baseline ? `${r.baseline}: ${format(r.baselineValue)} ${r.unit}` : '—';
    const ratio = r.ratio === null ? '—' : `×${format(r.ratio)}`;
    const verdict = r.pass === null ? '' : r.pass ? ' ✅' : ' ❌';
    return `| ${r.name} | ${format(r.value)} ${r.unit} | ${baseline} | ${ratio} | ${r.goal ?? '—'}${verdict} |`;
  });
  const machines = [...new Set(results.map((r) => r.machine))];
  const at = results.map((r) => r.at).sort().at(-1);
  return [
    '| Benchmark | Value | Baseline (same run) | Ratio | Goal |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Measured ${at?.slice(0, 10)} on ${machines.join('; ')}.${quick ? ' (quick run: small samples)' : ''}`,
  ].join('\n');
}

function updateReadme(results) {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  writeFileSync(readme, `${text.slice(0, from + start.length)}\n${table(results)}\n${text.slice(to)}`);
}

async function main() {
  const problems = checkToolchain();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    return 1;
  }
  if ((await ensureNodeModules()) !== 0 || (await buildFrontEnds()) !== 0) return 1;
  // The capture benchmark runs extension/dist/capture.js against SingleFile's engine (a benchmark peer, never shipped).
  if (!existsSync(join(root, 'extension', 'dist', 'capture.js'))) {
    console.warn('extension/dist/capture.js was not built: the capture benchmark reports only SingleFile and the outerHTML floor.');
  }
  await buildSingleFilePeer();
  const results = [];
  for (const benchmark of benchmarks) {
    heading(`Benchmark: ${benchmark.name}`);
    if ((await run(...benchmark.build, { env })) !== 0) return 1;
    const out = join(scratchDir('bench-results'), `${benchmark.name.replace(/\W+/g, '-')}.json`);
    if ((await run(...benchmark.run(out), { env })) !== 0) return 1;
    results.push(...readJson(out));
  }
  // BENCH_ONLY runs a subset: keep the other figures from the last full run instead of dropping them.
  if (process.env.BENCH_ONLY && existsSync(resultsFile)) {
    // A figure is replaced by the same name, or by any new figure of its group (the words before ':', e.g. "load").
    const group = (name) => (name.includes(':') ? name.split(':')[0] : name);
    const fresh = new Set(results.map((r) => group(r.name)));
    const kept = readJson(resultsFile).filter((r) => !fresh.has(group(r.name)));
    results.unshift(...kept);
  }
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  updateReadme(results);
  heading('Results');
  console.log(table(results));
  console.log(`\nwritten to ${resultsFile} and README.md`);
  return 0;
}

process.exitCode = await main();
