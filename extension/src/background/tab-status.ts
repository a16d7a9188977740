// What the guard is doing in each tab, for the popup: kept in chrome.storage.session (gone when the browser closes,
// shared by every extension page, survives the worker being stopped).
import { tabStatusKey, type GuardStatus, type TabStatus } from '../shared/protocol';

export async function recordGuardStatus(tabId: number, frameId: number, status: GuardStatus): Promise<void> {
  const key = tabStatusKey(tabId);
  const stored = await tabStatus(tabId);
  const { site, hostname, active, controls } = status;
  // The top frame speaks for the tab; when it is on another site now, the frames counted before are gone.
  const fresh = !stored || (frameId === 0 && stored.hostname !== hostname);
  const next: TabStatus = fresh ? { site, hostname, active, frames: {} } : { ...stored, frames: { ...stored.frames } };
  if (frameId === 0) Object.assign(next, { site, hostname, active });
  next.frames[String(frameId)] = controls;
  await chrome.storage.session.set({ [key]: next });
}

export async function forgetTab(tabId: number): Promise<void> {
  await chrome.storage.session.remove(tabStatusKey(tabId));
}

export async function tabStatus(tabId: number): Promise<TabStatus | null> {
  const key = tabStatusKey(tabId);
  return ((await chrome.storage.session.get(key)) as Record<string, TabStatus | undefined>)[key] ?? null;
}

export const guardedControls = (status: TabStatus): number => Object.values(status.frames).reduce((sum, n) => sum + n, 0);
