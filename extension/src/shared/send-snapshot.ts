// Hands a snapshot to the service worker. A large page goes in parts (each stored by the worker as it arrives), so
// no single message nears the browsers' size limits and a worker stopped half-way loses nothing already sent.
import { SNAPSHOT_PART_LENGTH, type SnapshotV1, type WorkerRequest, type WorkerResponse } from './protocol';

type Ask = <R extends WorkerRequest>(request: R) => Promise<WorkerResponse<R>>;
type SnapshotAnswer = WorkerResponse<{ kind: 'snapshot'; snapshot: SnapshotV1 }>;

export function splitIntoParts(text: string, partLength = SNAPSHOT_PART_LENGTH): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += partLength) {
    let end = Math.min(text.length, at + partLength);
    // Never split a surrogate pair: each part must be valid UTF-16 on its own to survive message serialisation.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(at, end));
    at = end - partLength;
  }
  return parts;
}

export async function sendSnapshot(ask: Ask, snapshot: SnapshotV1, partLength = SNAPSHOT_PART_LENGTH): Promise<SnapshotAnswer> {
  if (snapshot.html.length <= partLength) return ask({ kind: 'snapshot', snapshot });
  const parts = splitIntoParts(snapshot.html, partLength);
  for (const [index, text] of parts.entries()) {
    const answer = await ask({ kind: 'snapshot-part', id: snapshot.id, index, text });
    if (!answer.ok) return answer;
  }
  return ask({ kind: 'snapshot', snapshot: { ...snapshot, html: '' }, parts: parts.length });
}
