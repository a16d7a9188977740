import { describe, expect, it, vi } from 'vitest';
import { screenshotOfTab } from './screenshot';

const png = 'data:image/png;base64,iVBORw0KGgo=';

describe('screenshotOfTab', () => {
  it('photographs the window of a tab that is in front', async () => {
    const capture = vi.fn(async () => png);
    expect(await screenshotOfTab({ active: true, windowId: 7 }, true, capture)).toEqual({ screenshot: png, error: null });
    expect(capture).toHaveBeenCalledWith(7, { format: 'png' });
  });

  it('never photographs another tab', async () => {
    const capture = vi.fn(async () => png);
    const result = await screenshotOfTab({ active: false, windowId: 7 }, true, capture);
    expect(result.screenshot).toBeNull();
    expect(result.error).toMatch(/not in front/);
    expect(capture).not.toHaveBeenCalled();
  });

  it('says what to do when the permission is missing', async () => {
    const capture = vi.fn(async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    });
    const result = await screenshotOfTab({ active: true, windowId: 1 }, true, capture, () => 10 ** 12);
    expect(result.screenshot).toBeNull();
    expect(result.error).toMatch(/options page/);
  });

  it('takes none when the host switched screenshots off', async () => {
    const capture = vi.fn(async () => png);
    expect((await screenshotOfTab({ active: true, windowId: 1 }, false, capture)).error).toMatch(/switched off/);
    expect(capture).not.toHaveBeenCalled();
  });
});
