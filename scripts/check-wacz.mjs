// node scripts/check-wacz.mjs FILE.wacz: reads archive/data.warc out of a WACZ with warcio (the Webrecorder WARC
// library ReplayWeb.page builds on) and prints each record, checking its payload digest. A second opinion on our
// WARC writer from an independent parser. warcio is not a project dependency: `npm install --no-save warcio` first.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-wacz.mjs FILE.wacz');
  process.exit(2);
}

let WARCParser;
try {
  ({ WARCParser } = await import('warcio'));
} catch {
  console.error('warcio is not installed: run `npm install --no-save warcio` first');
  process.exit(2);
}

/** The bytes of a stored (uncompressed) zip entry, found through the central directory. */
function storedEntry(zip, name) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  let at = zip.readUInt32LE(end + 16);
  for (let count = zip.readUInt16LE(end + 10); count > 0; count--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      if (method !== 0) throw new Error(`${name} is compressed (method ${method}); WACZ wants it stored`);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return zip.subarray(start, start + size);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}

const warc = storedEntry(readFileSync(file), 'archive/data.warc');
const parser = new WARCParser((async function* () { yield new Uint8Array(warc); })());
let bad = 0;
for await (const record of parser) {
  const payload = await record.readFully(false);
  // warcio answers null for a missing header.
  const expected = record.warcHeader('WARC-Payload-Digest') ?? undefined;
  const actual = `sha256:${createHash('sha256').update(payload).digest('hex')}`;
  const digest = expected === undefined ? '' : expected === actual ? ' digest ok' : ` DIGEST MISMATCH (${actual})`;
  if (expected !== undefined && expected !== actual) bad++;
  const status = record.httpHeaders ? ` ${record.httpHeaders.statusCode} ${record.httpHeaders.headers.get('Content-Type')}` : '';
  console.log(`${record.warcType} ${record.warcTargetURI ?? ''} ${record.warcDate}${status} payload ${payload.length} bytes${digest}`);
}
process.exitCode = bad === 0 ? 0 : 1;
