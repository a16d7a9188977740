// The UI's live link to the host hub (/hubs/guard): pushes arrive here, the connection state is shown in #live.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import type { SnapshotSummary } from './api';
import { t } from './i18n';

export interface LiveHandlers {
  snapshotStored?: (snapshot: SnapshotSummary) => void;
  snapshotParsed?: (id: string) => void;
  /** The snapshot was deleted from the store (DELETE /api/snapshots/{id}). */
  snapshotDeleted?: (id: string) => void;
  /** An extension was paired or revoked. */
  pairingChanged?: () => void;
}

type LiveState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

const labels = {
  connecting: 'liveConnecting',
  connected: 'liveConnected',
  reconnecting: 'liveReconnecting',
  disconnected: 'liveDisconnected',
} as const;

function show(state: LiveState): void {
  const indicator = document.getElementById('live');
  if (!indicator) return;
  indicator.dataset.state = state;
  indicator.textContent = t(labels[state]);
}

export async function connectLive(handlers: LiveHandlers): Promise<void> {
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/guard')
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .configureLogging(LogLevel.Warning)
    .build();

  if (handlers.snapshotStored) connection.on('SnapshotStored', handlers.snapshotStored);
  if (handlers.snapshotParsed) connection.on('SnapshotParsed', handlers.snapshotParsed);
  if (handlers.snapshotDeleted) connection.on('SnapshotDeleted', handlers.snapshotDeleted);
  if (handlers.pairingChanged) connection.on('PairingChanged', handlers.pairingChanged);
  connection.onreconnecting(() => show('reconnecting'));
  connection.onreconnected(() => show('connected'));
  connection.onclose(() => show('disconnected'));

  show('connecting');
  try {
    await connection.start();
    show(connection.state === HubConnectionState.Connected ? 'connected' : 'disconnected');
  } catch {
    show('disconnected');
  }
}
