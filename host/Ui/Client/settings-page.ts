// /settings: where the data is, pairing (not yet), the signing key, timestamping, retention and what the extension
// captures. Each section loads and saves on its own, so one failing leaves the others usable.
import { getCaptureSettings, getDataFolder, putCaptureSettings } from './api';
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
  await Promise.all([showDataFolder(), showSigningKey(), wireTsa(), wireRetention(() => void showDataFolder()), wireCapture()]);
}
