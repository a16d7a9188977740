// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isSnapshotV1 } from '../shared/protocol';
import { captureEvidence, pageContext, snapshotOf } from './page-evidence';

const report = { durationMs: 1, htmlLength: 10, inlinedResources: 0, inlinedBytes: 0, skipped: [] };

describe('pageContext', () => {
  it('records where and with what the page was captured', () => {
    const context = pageContext(window, '1.2.3', { received: true }, report, new Date('2026-11-26T08:00:00Z'));
    expect(context).toMatchObject({ extensionVersion: '1.2.3', checklist: { received: true }, serializer: report, userAgent: navigator.userAgent });
    expect(context.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(context.utcOffsetMinutes).toBe(-new Date('2026-11-26T08:00:00Z').getTimezoneOffset());
    expect(context.viewport).toEqual({ width: window.innerWidth, height: window.innerHeight, devicePixelRatio: window.devicePixelRatio });
  });
});

describe('captureEvidence and snapshotOf', () => {
  it('make a valid protocol v1 snapshot from the live page', async () => {
    document.title = '订单详情';
    document.body.innerHTML = '<p id="order">订单号 4012345678901234567</p><script>var data = JSON.parse(\'{}\');</script>';
    const page = await captureEvidence(document, { extensionVersion: '0.1.0', budget: { maxResourceBytes: 1024, maxTotalBytes: 4096 } });
    expect(page.html).toContain('4012345678901234567');
    expect(page.html).not.toContain('<script');
    expect(page.embeddedData).toHaveLength(1);
    expect(page.context.checklist).toBeNull();

    const snapshot = snapshotOf(page, {
      capture: 'manual',
      decision: 'none',
      capturedAt: '2026-11-26T08:00:00.000Z',
      site: 'generic',
      buttonText: '',
      orderHint: null,
      shot: { screenshot: null, error: 'no permission' },
    });
    expect(isSnapshotV1(snapshot)).toBe(true);
    expect(snapshot).toMatchObject({ title: '订单详情', capture: 'manual', screenshotError: 'no permission', url: location.href });
  });
});
