// A picture of the tab as the user sees it, taken with chrome.tabs.captureVisibleTab. That needs the <all_urls>
// permission (asked for on the options page) or an activeTab grant (the popup or the shortcut); without either the
// snapshot is kept anyway and says why it has no picture.

/** Chrome allows two captures per second; keep well clear of it. */
const MIN_GAP_MS = 600;
let lastCaptureAt = 0;

export interface ScreenshotResult {
  screenshot: string | null;
  error: string | null;
}

export type CaptureVisibleTab = (windowId: number, options: chrome.extensionTypes.ImageDetails) => Promise<string>;

const defaultCapture: CaptureVisibleTab = (windowId, options) => chrome.tabs.captureVisibleTab(windowId, options);

/** Why a capture failed, in words a user can act on. */
export function screenshotFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission|activeTab|<all_urls>/i.test(message)) {
    return `no permission to take screenshots (grant "screenshots of pages" on the extension's options page): ${message}`;
  }
  return `the screenshot failed: ${message}`;
}

export async function screenshotOfTab(
  tab: Pick<chrome.tabs.Tab, 'active' | 'windowId'>,
  enabled: boolean,
  capture: CaptureVisibleTab = defaultCapture,
  now: () => number = Date.now,
): Promise<ScreenshotResult> {
  if (!enabled) return { screenshot: null, error: 'screenshots are switched off in the host settings' };
  // captureVisibleTab photographs whatever tab is in front of that window: never a picture of another page.
  if (!tab.active) return { screenshot: null, error: 'the tab was not in front when the page was captured' };
  const wait = lastCaptureAt + MIN_GAP_MS - now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  lastCaptureAt = now();
  try {
    // PNG: lossless, so text in the picture stays legible as evidence.
    return { screenshot: await capture(tab.windowId, { format: 'png' }), error: null };
  } catch (error) {
    return { screenshot: null, error: screenshotFailure(error) };
  }
}
