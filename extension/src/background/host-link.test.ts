import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HubConnectionState } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostConnection } from '../shared/protocol';
import { HostLink, retryDelay, type HostLinkEvents, type HubLike } from './host-link';

/** A hub whose start() fails until `up` is set, and whose handlers the test can call as the host would. */
class FakeHub implements HubLike {
  up = false;
  starts = 0;
  stopped = false;
  state = HubConnectionState.Disconnected;
  handlers = new Map<string, (...args: never[]) => void>();
  closeHandler: ((error?: Error) => void) | undefined;
  start = vi.fn(async () => {
    this.starts++;
    if (!this.up) throw new Error('connection refused');
    this.state = HubConnectionState.Connected;
  });
  stop = vi.fn(async () => {
    this.stopped = true;
  });
  on = vi.fn((name: string, handler: (...args: never[]) => void) => {
    this.handlers.set(name, handler);
  }) as unknown as HubLike['on'];
  onclose = (handler: (error?: Error) => void) => {
    this.closeHandler = handler;
  };
  reconnecting: ((error?: Error) => void) | undefined;
  reconnected: (() => void) | undefined;
  onreconnecting = (handler: (error?: Error) => void) => {
    this.reconnecting = handler;
  };
  onreconnected = (handler: () => void) => {
    this.reconnected = handler;
  };
}

function recorder() {
  const states: HostConnection['state'][] = [];
  const events: HostLinkEvents & { stored: string[]; connects: number } = {
    stored: [],
    connects: 0,
    state: (c) => states.push(c.state),
    connected: () => events.connects++,
    snapshotStored: (id) => events.stored.push(id),
    settingsChanged: vi.fn(),
  };
  return { events, states };
}

describe('HostLink', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps trying while the host is down and connects once it is up', async () => {
    const hub = new FakeHub();
    const { events, states } = recorder();
    const link = new HostLink(events, () => hub);
    link.open('http://127.0.0.1:1');
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['connecting', 'offline']);
    await vi.advanceTimersByTimeAsync(retryDelay(1) + retryDelay(2));
    expect(hub.starts).toBe(3);
    hub.up = true;
    await vi.advanceTimersByTimeAsync(retryDelay(3));
    expect(states.at(-1)).toBe('connected');
    expect(events.connects).toBe(1);
  });

  it('has a handler for every method the host pushes (host/Live/GuardHub.cs)', async () => {
    const source = readFileSync(fileURLToPath(new URL('../../../host/Live/GuardHub.cs', import.meta.url)), 'utf8');
    const pushed = [...source.matchAll(/^\s*Task (\w+)\(/gm)].map((m) => m[1]);
    const hub = new FakeHub();
    new HostLink(recorder().events, () => hub).open('http://127.0.0.1:1');
    await vi.advanceTimersByTimeAsync(0);
    expect(pushed.length).toBeGreaterThanOrEqual(4);
    expect([...hub.handlers.keys()].sort()).toEqual([...pushed].sort());
  });

  it('passes on what the host pushes', async () => {
    const hub = new FakeHub();
    hub.up = true;
    const { events } = recorder();
    new HostLink(events, () => hub).open('http://127.0.0.1:1');
    await vi.advanceTimersByTimeAsync(0);
    (hub.handlers.get('SnapshotStored') as (s: unknown) => void)({ id: 'abc' });
    (hub.handlers.get('SnapshotStored') as (s: unknown) => void)(null);
    (hub.handlers.get('SettingsChanged') as (s: unknown) => void)({ maxResourceBytes: 1, maxTotalBytes: 2, screenshots: false });
    expect(events.stored).toEqual(['abc']);
    expect(events.settingsChanged).toHaveBeenCalledWith({ maxResourceBytes: 1, maxTotalBytes: 2, screenshots: false });
  });

  it('says the host is unreachable while SignalR reconnects, and delivers again once it is back', async () => {
    const hub = new FakeHub();
    hub.up = true;
    const { events, states } = recorder();
    new HostLink(events, () => hub).open('http://127.0.0.1:1');
    await vi.advanceTimersByTimeAsync(0);
    hub.reconnecting!(new Error('WebSocket closed'));
    expect(states.at(-1)).toBe('offline');
    hub.reconnected!();
    expect(states.at(-1)).toBe('connected');
    expect(events.connects).toBe(2);
  });

  it('starts over when the link closes for good', async () => {
    const hub = new FakeHub();
    hub.up = true;
    const { events, states } = recorder();
    new HostLink(events, () => hub).open('http://127.0.0.1:1');
    await vi.advanceTimersByTimeAsync(0);
    hub.closeHandler!(new Error('host stopped'));
    expect(states.at(-1)).toBe('offline');
    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(hub.starts).toBe(2);
    expect(states.at(-1)).toBe('connected');
  });

  it('moves to a new host address and stops the old link', async () => {
    const hubs: FakeHub[] = [];
    const { events } = recorder();
    const link = new HostLink(events, () => {
      const hub = new FakeHub();
      hub.up = true;
      hubs.push(hub);
      return hub;
    });
    link.open('http://127.0.0.1:1');
    link.open('http://127.0.0.1:1');
    link.open('http://127.0.0.1:2');
    expect(hubs).toHaveLength(2);
    expect(hubs[0]!.stopped).toBe(true);
  });

  it('backs off to one attempt every 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(retryDelay)).toEqual([0, 1_000, 2_000, 5_000, 10_000, 10_000, 10_000]);
  });
});
