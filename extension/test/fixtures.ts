// Shared test data, read from tests/fixtures so the extension's tests and the host's tests use the same files.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SnapshotV1 } from '../src/shared/protocol';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures');

export const readFixture = (path: string): string => readFileSync(join(fixtures, path), 'utf8');

/** tests/fixtures/protocol/snapshot-v1.json: the host's tests parse the same file. */
export const exampleSnapshot = JSON.parse(readFixture('protocol/snapshot-v1.json')) as SnapshotV1;
