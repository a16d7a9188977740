// Zip and tar.gz, written from a folder and read back, for the packages (scripts/package.mjs) and their checks
// (scripts/check-packages.mjs). fflate and tar are declared devDependencies; no zip or tar binary is needed.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import * as tar from 'tar';

/** Every file under `dir` as a POSIX path relative to it, sorted, so archives list their files in a stable order. */
export function listFiles(dir, { exclude = () => false } = {}) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = relative(dir, path).split(sep).join(posix.sep);
      if (exclude(name)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(name);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * Zips the files `names` (from listFiles) of `dir` into `file`, under `prefix` (a folder name ending in "/", or "").
 * Zips here are for Chromium and Windows, which have no executable bit: none is recorded (tar.gz keeps it).
 */
export function writeZip(file, dir, names, { prefix = '' } = {}) {
  const entries = {};
  for (const name of names) entries[prefix + name] = [readFileSync(join(dir, name)), { level: 6 }];
  writeFileSync(file, zipSync(entries));
}

/** Reads a zip into a Map of name → { data: Uint8Array }; folders are left out. */
export function readZip(file) {
  const entries = new Map();
  for (const [name, data] of Object.entries(unzipSync(readFileSync(file)))) {
    if (!name.endsWith('/')) entries.set(name, { data });
  }
  return entries;
}

/** tar.gz of `names` (from listFiles) of `dir` into `file`, under `prefix`, keeping each file's mode (the executable bit). */
export async function writeTarGz(file, dir, names, { prefix = '' } = {}) {
  // portable: no owner names or ids from the build machine; the mode is kept.
  await tar.c({ gzip: { level: 6 }, file, cwd: dir, portable: true, prefix: prefix.replace(/\/$/, '') || undefined }, names);
}

/** Reads a tar.gz into a Map of name → { data: Buffer, mode }; folders are left out. */
export async function readTarGz(file) {
  const entries = new Map();
  await tar.t({
    file,
    onReadEntry: (entry) => {
      if (entry.type !== 'File') return entry.resume();
      const chunks = [];
      entry.on('data', (chunk) => chunks.push(chunk));
      entry.on('end', () => entries.set(entry.path, { data: Buffer.concat(chunks), mode: entry.mode ?? 0 }));
    },
  });
  return entries;
}

export const text = (data) => strFromU8(data);
