// /settings: where the data is, pairing (codes for the extension, paired extensions, revoking), the signing key, timestamping, retention and what the extension
// captures. Each section loads and saves on its own, so one failing leaves the others usable.
import { createPairingCode, getCaptureSettings, getDataFolder, listPairedClients, putCaptureSettings, revokePairedClient, type PairedClient } from './api';
import { connectLive } from './live';
import { el } from './format';
import { t, type MessageKey } from './i18n';
import { wireRetention } from './retention-setting';
import { bytesFromKib, captureLimits, dataSizeText, fieldMessages, kibText } from './settings-form';
import { showSigningKey } from './signing-key';
import { wireTsa } from './timestamp-setting';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function showDataFolder(): Promise<void> {
  const list = byId('data-folder');
  try {
    const report = await getDataFolder();
    const rows: [MessageKey, string, boolean][] = [
      ['dataRoot', report.root, true],
      ['dataDatabase', report.database, true],
      ['dataArtifacts', report.artifacts, true],
      ['dataKeys', report.keys, true],
      ['dataSize', dataSizeText(report), false],
      ['dataSnapshots', String(report.snapshots), false],
    ];
    list.replaceChildren(
      ...rows.flatMap(([label, value, isPath]) => {
        const dd = el('dd');
        dd.append(isPath ? el('code', value) : value);
        return [el('dt', t(label)), dd];
      }),
    );
  } catch (error) {
    list.replaceChildren(el('dd', t('loadFailed', { message: messageOf(error) })));
  }
}

const when = (iso: string): string => new Date(iso).toLocaleString();

async function showPairedClients(): Promise<void> {
  const list = byId('paired-clients');
  const error = byId('pairing-error');
  let clients: PairedClient[];
  try {
    clients = await listPairedClients();
    error.hidden = true;
  } catch (failure) {
    error.textContent = t('pairingFailed', { message: messageOf(failure) });
    error.hidden = false;
    return;
  }
  if (clients.length === 0) {
    list.replaceChildren(el('li', t('pairingNone')));
    return;
  }
  list.replaceChildren(
    ...clients.map((client) => {
      const item = el('li');
      item.dataset.clientId = client.id;
      item.dataset.state = client.revokedAt ? 'revoked' : 'paired';
      item.append(
        t('pairingClientLine', {
          name: client.name,
          origin: client.origin ?? '—',
          created: when(client.createdAt),
          seen: client.lastSeenAt ? when(client.lastSeenAt) : t('pairingNever'),
        }),
      );
      if (client.revokedAt) {
        item.append(' — ', el('strong', t('pairingRevoked', { time: when(client.revokedAt) })));
        return item;
      }
      const revoke = el('button', t('pairingRevoke'));
      revoke.type = 'button';
      revoke.className = 'danger';
      revoke.setAttribute('aria-label', `${t('pairingRevoke')} ${client.name}`);
      revoke.addEventListener('click', () => {
        if (!window.confirm(t('pairingRevokeConfirm', { name: client.name }))) return;
        revoke.disabled = true;
        void revokePairedClient(client.id)
          .catch((failure: unknown) => {
            error.textContent = t('pairingFailed', { message: messageOf(failure) });
            error.hidden = false;
          })
          .finally(() => void showPairedClients());
      });
      item.append(' ', revoke);
      return item;
    }),
  );
}

async function wirePairing(): Promise<void> {
  const button = byId<HTMLButtonElement>('pair-button');
  button.addEventListener('click', () => {
    button.disabled = true;
    void createPairingCode()
      .then((code) => {
        byId('pairing-code').textContent = code.code;
        byId('pairing-code-expiry').textContent = t('pairingCodeExpiry', { time: new Date(code.expiresAt).toLocaleTimeString() });
        byId('pairing-code-box').hidden = false;
        byId('pairing-code-status').textContent = '';
      })
      .catch((failure: unknown) => {
        byId('pairing-code-status').textContent = t('pairingFailed', { message: messageOf(failure) });
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  // Live: a claimed code or a revoke elsewhere shows up here without a reload.
  void connectLive({
    pairingChanged: () => {
      byId('pairing-code-box').hidden = true;
      void showPairedClients();
    },
  });
  await showPairedClients();
}

async function wireCapture(): Promise<void> {
  const form = byId<HTMLFormElement>('capture-form');
  const resource = byId<HTMLInputElement>('capture-resource');
  const total = byId<HTMLInputElement>('capture-total');
  const screenshots = byId<HTMLInputElement>('capture-screenshots');
  const status = byId('capture-status');
  const formError = byId('capture-error');
  const fields: Record<string, { input: HTMLInputElement; error: HTMLElement }> = {
    maxResourceBytes: { input: resource, error: byId('capture-resource-error') },
    maxTotalBytes: { input: total, error: byId('capture-total-error') },
    screenshots: { input: screenshots, error: byId('capture-screenshots-error') },
  };
  const maxKib = kibText(captureLimits.maxBytes);
  byId('capture-resource-hint').textContent = t('captureResourceHint', { min: kibText(captureLimits.minBytes), max: maxKib });
  byId('capture-total-hint').textContent = t('captureTotalHint', { max: maxKib });
  byId('capture-defaults').textContent = t('captureDefaults', {
    resource: kibText(captureLimits.defaultResourceBytes),
    total: kibText(captureLimits.defaultTotalBytes),
  });
  for (const input of [resource, total]) {
    input.min = kibText(captureLimits.minBytes);
    input.max = maxKib;
  }

  const clear = (): void => {
    status.textContent = '';
    formError.hidden = true;
    for (const { input, error } of Object.values(fields)) {
      error.hidden = true;
      input.removeAttribute('aria-invalid');
    }
  };
  /** Shows each message next to its field; focus goes to the first field at fault. */
  const show = (messages: Record<string, string>, other: string | null): void => {
    let first: HTMLInputElement | null = null;
    for (const [name, { input, error }] of Object.entries(fields)) {
      const message = messages[name];
      if (message === undefined) continue;
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      first ??= input;
    }
    if (other !== null) {
      formError.textContent = t('captureNotSaved', { message: other });
      formError.hidden = false;
    }
    first?.focus();
  };
  const fill = (settings: { maxResourceBytes: number; maxTotalBytes: number; screenshots: boolean }): void => {
    resource.value = kibText(settings.maxResourceBytes);
    total.value = kibText(settings.maxTotalBytes);
    screenshots.checked = settings.screenshots;
  };

  try {
    fill(await getCaptureSettings());
  } catch (failure) {
    show({}, messageOf(failure));
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clear();
    const maxResourceBytes = bytesFromKib(resource.value);
    const maxTotalBytes = bytesFromKib(total.value);
    const unreadable: Record<string, string> = {};
    if (maxResourceBytes === null) unreadable.maxResourceBytes = t('captureNotNumber');
    if (maxTotalBytes === null) unreadable.maxTotalBytes = t('captureNotNumber');
    if (Object.keys(unreadable).length > 0) {
      show(unreadable, null);
      return;
    }
    const save = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    save.disabled = true;
    void putCaptureSettings({ maxResourceBytes, maxTotalBytes, screenshots: screenshots.checked })
      .then((saved) => {
        fill(saved);
        status.textContent = t('captureSaved');
      })
      .catch((failure: unknown) => {
        const messages = fieldMessages(failure, Object.keys(fields));
        show(messages.fields, messages.other);
      })
      .finally(() => {
        save.disabled = false;
      });
  });
}

export async function startSettingsPage(): Promise<void> {
  await Promise.all([showDataFolder(), wirePairing(), showSigningKey(), wireTsa(), wireRetention(() => void showDataFolder()), wireCapture()]);
}
