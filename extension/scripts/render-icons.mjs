// Renders extension/icons/icon.svg to the PNGs the manifest names (icon-16.png … icon-128.png) with a headless
// Chromium. The PNGs are committed, so the build never needs a browser; run this again after changing the SVG.
// Usage: node extension/scripts/render-icons.mjs   (CHROMIUM=/path/to/chromium to use another binary)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
const chromium = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';

/**
 * Transparent margin per size, in output pixels. The toolbar sizes use the whole square; the 128 px icon (extensions
 * page, web store) follows Chrome's advice of 96 px of art with 16 px of padding on each side.
 */
const sizes = [
  { size: 16, padding: 0 },
  { size: 32, padding: 0 },
  { size: 48, padding: 0 },
  { size: 128, padding: 16 },
];

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
export function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !signature.equals(bytes.subarray(0, 8)) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Whether a PNG is one of RGBA zeros (a fully transparent square): Chromium sometimes screenshots before it paints.
 * Every PNG filter maps zeros to zeros and is invertible, so the image is blank exactly when its filtered scanlines,
 * less each row's filter-type byte, are all zero.
 */
export function pngIsBlank(bytes) {
  const { width } = pngSize(bytes);
  const chunks = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(chunks));
  const stride = 1 + width * 4;
  return rows.every((byte, i) => i % stride === 0 || byte === 0);
}

/** The SVG with its viewBox widened so `padding` of `size` output pixels stays empty around the art. */
function padded(svg, size, padding) {
  if (padding === 0) return svg;
  const margin = (128 * padding) / (size - 2 * padding);
  const viewBox = `${-margin} ${-margin} ${128 + 2 * margin} ${128 + 2 * margin}`;
  if (!svg.includes('viewBox="0 0 128 128"')) throw new Error('icon.svg must keep viewBox="0 0 128 128"');
  return svg.replace('viewBox="0 0 128 128"', `viewBox="${viewBox}"`);
}

/** Runs `command`; a headless screenshot takes seconds, so one that has not finished in a minute is stuck: kill it. */
function run(command, args, env = {}, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${signal ? `was killed after ${timeoutMs / 1000} s` : `exited ${code}`}: ${err.trim().slice(-1000)}`));
    });
  });
}

async function main() {
  const svg = await readFile(join(icons, 'icon.svg'), 'utf8');
  // The padded SVGs and Chromium's throwaway profiles, removed at the end.
  const scratch = await mkdtemp(join(tmpdir(), 'render-icons-'));
  try {
    for (const { size, padding } of sizes) {
      const source = join(scratch, `icon-${size}.svg`);
      const target = join(icons, `icon-${size}.png`);
      await writeFile(source, padded(svg, size, padding));
      // No --user-data-dir: with one, Chromium 156 here screenshotted 100 px and larger windows blank or hung. Its
      // throwaway profile goes to TMPDIR, pointed at the scratch folder.
      await run(chromium, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--screenshot=${target}`,
        `--window-size=${size},${size}`,
        '--default-background-color=00000000',
        pathToFileURL(source).href,
      ], { TMPDIR: scratch });
      // Chromium clamps tiny windows on some platforms; a PNG of the wrong size would fail the add-on linter later.
      const { width, height } = pngSize(await readFile(target));
      if (width !== size || height !== size) throw new Error(`${target} came out ${width}×${height}, not ${size}×${size}`);
      if (pngIsBlank(await readFile(target))) throw new Error(`${target} came out blank (fully transparent); run again`);
      console.log(`icons/icon-${size}.png`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    console.error(`render-icons failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
