// Sending typed requests to the service worker. Errors cross the boundary as { ok: false, error }.
import type { WorkerRequest, WorkerResponse } from './protocol';

export async function askWorker<R extends WorkerRequest>(request: R): Promise<WorkerResponse<R>> {
  try {
    const response = (await chrome.runtime.sendMessage(request)) as WorkerResponse<R> | undefined;
    return response ?? ({ ok: false, error: 'The extension did not answer.' } as WorkerResponse<R>);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) } as WorkerResponse<R>;
  }
}
