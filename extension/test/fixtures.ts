// Shared test data, read from tests/fixtures so the extension's tests and the host's tests use the same files.
import { readFileSync } from 'node:fs';
import type { SnapshotV1 } from '../src/shared/protocol';

const fixtures = new URL('../../tests/fixtures/', import.meta.url);

export const readFixture = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');

/** tests/fixtures/protocol/snapshot-v1.json: the host's tests parse the same file. */
export const exampleSnapshot = JSON.parse(readFixture('protocol/snapshot-v1.json')) as SnapshotV1;
