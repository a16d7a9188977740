// "Save evidence of this page": the worker injects the capture bundle into the tab (activeTab from the popup or the
// shortcut is enough, no broad permission), serialises the page there, and queues it like any other snapshot.
import { snapshotOf, type PageEvidence } from '../capture/page-evidence';
import { shopForHost } from '../shops';
import { t } from '../shared/i18n';
import type { HostSettings, SnapshotV1 } from '../shared/protocol';
import type { ScreenshotResult } from './screenshot';

declare global {
  var receiptGuardEvidence: ((budget: Pick<HostSettings, 'maxResourceBytes' | 'maxTotalBytes'>) => Promise<PageEvidence>) | undefined;
}

export class CaptureError extends Error {}

/** Only web pages can be captured: not the browser's own pages, the web store, or files. */
export function capturableUrl(url: string | undefined): boolean {
  return !!url && /^https?:\/\//i.test(url) && !/^https:\/\/(chrome|chromewebstore)\.google\.com\//i.test(url) && !/^https:\/\/addons\.mozilla\.org\//i.test(url);
}

export interface ManualCaptureDeps {
  settings: HostSettings;
  screenshot: (tab: chrome.tabs.Tab) => Promise<ScreenshotResult>;
}

export async function captureTab(tabId: number, { settings, screenshot }: ManualCaptureDeps): Promise<SnapshotV1> {
  const tab = await chrome.tabs.get(tabId);
  // Without access to the tab its address is hidden (undefined): then executeScript below says whether we may read it.
  if (tab.url !== undefined && !capturableUrl(tab.url)) throw new CaptureError(t('captureNotWebPage'));
  const capturedAt = new Date().toISOString();
  // The picture first: it is what the user saw when they asked.
  const shot = await screenshot(tab);
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ['capture.js'] });
  } catch (error) {
    // Neither activeTab (popup, shortcut) nor a host permission covers this tab.
    throw new CaptureError(t('captureNoAccess', [error instanceof Error ? error.message : String(error)]));
  }
  const [result] = await chrome.scripting.executeScript({
    target: { tabId },
    func: (budget: Pick<HostSettings, 'maxResourceBytes' | 'maxTotalBytes'>) => globalThis.receiptGuardEvidence!(budget),
    args: [{ maxResourceBytes: settings.maxResourceBytes, maxTotalBytes: settings.maxTotalBytes }],
  });
  const page = result?.result as PageEvidence | undefined;
  if (!page?.html) throw new CaptureError(t('captureUnreadable'));
  return snapshotOf(page, {
    capture: 'manual',
    decision: 'none',
    capturedAt,
    site: shopForHost(new URL(page.url).hostname)?.id ?? 'generic',
    buttonText: '',
    orderHint: null,
    shot,
  });
}
