// Options page: where the host runs. Also the extension page that e2e tests drive, since it has the chrome.* APIs.
import { getHealth } from '../background/host-client';
import { askWorker } from '../shared/messaging';
import { DEFAULT_HOST_URL, getSettings, normalizeHostUrl, setSettings } from '../shared/settings';

const message = (key: string, substitutions?: string[]) => chrome.i18n.getMessage(key, substitutions);

function translate(): void {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = message(element.dataset.i18n!);
  }
  document.getElementById('host-url-hint')!.textContent = message('optionsHostUrlHint', [DEFAULT_HOST_URL]);
}

function say(id: string, text: string, state: 'ok' | 'error' | 'info' = 'info'): void {
  const box = document.getElementById(id)!;
  box.textContent = text;
  box.dataset.state = state;
}

async function showQueue(): Promise<void> {
  const answer = await askWorker({ kind: 'status' });
  if (answer.ok) say('queue-status', message('optionsQueued', [String(answer.status.queued)]));
}

async function testHost(url: string): Promise<void> {
  try {
    const health = await getHealth(url);
    say('host-status', message('optionsHostOk', [health.version]), 'ok');
  } catch (error) {
    say('host-status', message('optionsHostDown', [url, error instanceof Error ? error.message : String(error)]), 'error');
  }
}

async function main(): Promise<void> {
  translate();
  const input = document.getElementById('host-url') as HTMLInputElement;
  input.value = (await getSettings()).hostUrl;

  document.getElementById('host-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = normalizeHostUrl(input.value);
    if (!url) {
      say('host-status', message('optionsInvalidUrl'), 'error');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    input.value = url;
    void setSettings({ hostUrl: url }).then(async () => {
      say('host-status', message('optionsSaved'), 'ok');
      await askWorker({ kind: 'flush' });
      await showQueue();
    });
  });
  document.getElementById('test-host')!.addEventListener('click', () => {
    const url = normalizeHostUrl(input.value);
    if (url) void testHost(url);
    else say('host-status', message('optionsInvalidUrl'), 'error');
  });
  await showQueue();
}

void main();
