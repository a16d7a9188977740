// The service worker's live link to the host's SignalR hub: connection state for the popup, and the host's pushes
// (a snapshot was stored, the settings changed). A stopped worker loses the link; the next worker opens it again at
// start-up, so nothing here relies on staying alive.
import { HubConnectionBuilder, HubConnectionState, HttpTransportType, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { HostConnection, HostSettings } from '../shared/protocol';

/** Waits between connection attempts: quick at first (the host is often just starting), then every 10 s. */
export const RETRY_DELAYS_MS = [0, 1_000, 2_000, 5_000, 10_000] as const;
export const retryDelay = (attempt: number): number => RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;

export interface HostLinkEvents {
  state(connection: HostConnection): void;
  /** Connected (again): a good moment to deliver what is queued. */
  connected(): void;
  snapshotStored(id: string): void;
  settingsChanged(settings: HostSettings): void;
}

/** The part of @microsoft/signalr's HubConnection the link uses (a fake in tests). */
export type HubLike = Pick<HubConnection, 'start' | 'stop' | 'on' | 'onclose' | 'onreconnecting' | 'onreconnected' | 'state'>;

/**
 * accessTokenFactory is asked on every (re)connect, so a new pairing is picked up without rebuilding the link. On a
 * WebSocket SignalR sends it as ?access_token= (browsers cannot set headers there); the host accepts that on /hubs only.
 */
export function connectToHub(hubUrl: string, accessTokenFactory?: () => Promise<string>): HubLike {
  return (
    new HubConnectionBuilder()
      // WebSockets only: no negotiate round trip, and WebSocket traffic keeps an MV3 worker alive (Chrome 116+).
      .withUrl(hubUrl, { transport: HttpTransportType.WebSockets, skipNegotiation: true, ...(accessTokenFactory ? { accessTokenFactory } : {}) })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => retryDelay(previousRetryCount + 1) })
      .configureLogging(LogLevel.None)
      .build()
  );
}

export class HostLink {
  private hub: HubLike | null = null;
  private url = '';
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly events: HostLinkEvents,
    private readonly connect: (hubUrl: string) => HubLike = connectToHub,
    private readonly now: () => number = Date.now,
  ) {}

  /** Connects to the host at hostUrl, or keeps the link when it already points there. */
  open(hostUrl: string): void {
    const url = `${hostUrl}/hubs/guard`;
    if (this.hub && this.url === url) return;
    this.close();
    this.url = url;
    const hub = this.connect(url);
    this.hub = hub;
    hub.on('SnapshotStored', (snapshot: { id?: unknown }) => {
      if (typeof snapshot?.id === 'string') this.events.snapshotStored(snapshot.id);
    });
    hub.on('SettingsChanged', (settings: HostSettings) => this.events.settingsChanged(settings));
    // The review UI's business; registered so SignalR does not warn about unknown methods on every capture.
    hub.on('SnapshotParsed', () => undefined);
    hub.on('SnapshotDeleted', () => undefined);
    hub.on('PairingChanged', () => undefined);
    // The link is lost: while SignalR tries again the host is, as far as the user is concerned, not reachable.
    hub.onreconnecting((error) => this.report('offline', error ?? new Error('the link to the host was lost')));
    hub.onreconnected(() => {
      this.report('connected');
      this.events.connected();
    });
    // Automatic reconnection gave up, or the host closed the link: start again on our own schedule.
    hub.onclose((error) => {
      if (this.hub === hub) this.retry(error);
    });
    void this.start(hub);
  }

  /** Connects again from scratch, e.g. with a new pairing token. */
  reopen(hostUrl: string): void {
    this.close();
    this.open(hostUrl);
  }

  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const hub = this.hub;
    this.hub = null;
    this.attempt = 0;
    if (hub) void hub.stop().catch(() => undefined);
  }

  get state(): HubConnectionState {
    return this.hub?.state ?? HubConnectionState.Disconnected;
  }

  private async start(hub: HubLike): Promise<void> {
    this.report('connecting');
    try {
      await hub.start();
    } catch (error) {
      if (this.hub === hub) this.retry(error);
      return;
    }
    if (this.hub !== hub) return;
    this.attempt = 0;
    this.report('connected');
    this.events.connected();
  }

  private retry(error?: unknown): void {
    const hub = this.hub;
    if (!hub) return;
    this.report('offline', error);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.hub === hub) void this.start(hub);
    }, retryDelay(++this.attempt));
  }

  private report(state: HostConnection['state'], error?: unknown): void {
    const message = error === undefined || error === null ? null : error instanceof Error ? error.message : String(error);
    this.events.state({ state, since: this.now(), error: message });
  }
}
