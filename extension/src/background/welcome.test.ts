import { describe, expect, it, vi } from 'vitest';
import { WALKTHROUGH_PAGE, welcomeOnInstall } from './welcome';

const pageUrl = (path: string) => `chrome-extension://id/${path}`;

describe('welcomeOnInstall', () => {
  it('opens the options page at the walkthrough on first install', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await welcomeOnInstall({ reason: 'install' } as chrome.runtime.InstalledDetails, openTab, pageUrl)).toBe(true);
    expect(openTab).toHaveBeenCalledExactlyOnceWith('chrome-extension://id/options.html#start');
    expect(WALKTHROUGH_PAGE).toBe('options.html#start');
  });

  it.each(['update', 'chrome_update', 'shared_module_update'])('opens nothing on %s', async (reason) => {
    const openTab = vi.fn(async () => undefined);
    expect(await welcomeOnInstall({ reason } as chrome.runtime.InstalledDetails, openTab, pageUrl)).toBe(false);
    expect(openTab).not.toHaveBeenCalled();
  });
});
