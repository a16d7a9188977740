// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderTimeline } from './order-timeline';
import type { TimelineEntry } from './orders-api';

const entry = (id: string, change: Partial<TimelineEntry> = {}): TimelineEntry => ({
  snapshotId: id,
  capturedAt: '2026-11-20T08:00:00.000Z',
  capture: 'guard',
  decision: 'cancelled',
  statusText: '运输中',
  status: 'shipped',
  hasScreenshot: true,
  manifestSha256: 'a'.repeat(64),
  timestampSha256: null,
  statusChanged: false,
  previousStatus: null,
  previousStatusText: null,
  ...change,
});

describe('renderTimeline', () => {
  it('lists each snapshot with a link, its status and a thumbnail from the screenshot endpoint', () => {
    const list = document.createElement('ol');
    renderTimeline([entry('s1'), entry('s2', { hasScreenshot: false, status: null, statusText: null, capture: 'manual', decision: 'none' })], list);

    const [first, second] = [...list.querySelectorAll('li')];
    expect(list.querySelectorAll('li')).toHaveLength(2);
    expect(first!.querySelector('a')?.getAttribute('href')).toBe('/snapshots/s1');
    expect(first!.querySelector('img')?.getAttribute('src')).toBe('/api/snapshots/s1/screenshot');
    expect(first!.querySelector('.timeline-status')?.textContent).toContain('运输中');
    expect(first!.querySelector('code')?.textContent).toBe('a'.repeat(64));
    expect(second!.querySelector('img')).toBeNull();
    expect(second!.querySelector('.decision-none')).not.toBeNull();
  });

  it('marks a status change with the words before and after', () => {
    const list = document.createElement('ol');
    renderTimeline(
      [entry('s1'), entry('s2', { status: 'delivered', statusText: '已签收', statusChanged: true, previousStatus: 'shipped', previousStatusText: '运输中' })],
      list,
    );

    expect(list.querySelectorAll('.status-change')).toHaveLength(1);
    const second = list.querySelectorAll('li').item(1);
    const marker = second.querySelector('.status-change')!.textContent!;
    expect(marker).toMatch(/运输中.*→.*已签收/);
    expect(second.classList.contains('changed')).toBe(true);
  });

  it('keeps captured status text as text', () => {
    const list = document.createElement('ol');
    renderTimeline([entry('s1', { statusText: '<img src=x onerror=alert(1)>' })], list);

    expect(list.querySelectorAll('img')).toHaveLength(1);
    expect(list.querySelector('.timeline-status')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
