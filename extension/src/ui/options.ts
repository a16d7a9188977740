// Options page: where the host runs, which platforms are guarded, and other sites for the generic rule. Also the
// extension page the e2e tests drive, since it has the chrome.* APIs.
import { getHealth } from '../background/host-client';
import { generic, SHOPS } from '../shops';
import { LANGUAGES, loadMessages, shopName, t, type Language } from '../shared/i18n';
import { askWorker } from '../shared/messaging';
import { getPairing, PAIRING_KEY, type Pairing } from '../shared/pairing';
import { DEFAULT_HOST_URL, getSettings, normalizeHostUrl, normalizeSite, setSettings, sitePattern, type Friction, type Settings } from '../shared/settings';
import { el, say, translate } from './dom';
import { SCREENSHOT_PERMISSION } from './site-access';
import { StartGuide } from './start-page';
import { browserStartSources } from './start-sources';

async function showQueue(): Promise<void> {
  const answer = await askWorker({ kind: 'status' });
  if (answer.ok) say('queue-status', t('optionsQueued', [answer.status.queued]));
}

async function testHost(url: string): Promise<void> {
  try {
    const health = await getHealth(url, fetch, (await getPairing()).token);
    say('host-status', t('optionsHostOk', [health.version]), 'ok');
  } catch (error) {
    say('host-status', t('optionsHostDown', [url, error instanceof Error ? error.message : String(error)]), 'error');
  }
}

function setUpHost(hostUrl: string): void {
  document.getElementById('host-url-hint')!.textContent = t('optionsHostUrlHint', [DEFAULT_HOST_URL]);
  const input = document.getElementById('host-url') as HTMLInputElement;
  input.value = hostUrl;
  document.getElementById('host-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = normalizeHostUrl(input.value);
    if (!url) {
      say('host-status', t('optionsInvalidUrl'), 'error');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    input.value = url;
    void setSettings({ hostUrl: url }).then(async () => {
      say('host-status', t('optionsSaved'), 'ok');
      await askWorker({ kind: 'flush' });
      await showQueue();
    });
  });
  document.getElementById('test-host')!.addEventListener('click', () => {
    const url = normalizeHostUrl(input.value);
    if (url) void testHost(url);
    else say('host-status', t('optionsInvalidUrl'), 'error');
  });
}

/** Paired, not yet, or no longer: data-pairing says which for tests, the text says what to do. */
function renderPairing(pairing: Pairing): void {
  const key = pairing.state === 'paired' ? 'optionsPairingPaired' : pairing.state === 'revoked' ? 'optionsPairingRevoked' : 'optionsPairingUnpaired';
  say('pairing-status', t(key), pairing.state === 'paired' ? 'ok' : pairing.state === 'revoked' ? 'error' : 'info');
  document.getElementById('pairing-status')!.dataset.pairing = pairing.state;
}

function setUpPairing(): void {
  const input = document.getElementById('pairing-code') as HTMLInputElement;
  const form = document.getElementById('pairing-form') as HTMLFormElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.trim();
    if (!code) {
      say('pairing-result', t('optionsPairingEmpty'), 'error');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    const button = form.querySelector('button')!;
    button.disabled = true;
    // The worker claims the code: the token it gets back never passes through this page.
    void askWorker({ kind: 'pair', code }).then(async (answer) => {
      button.disabled = false;
      if (answer.ok) {
        input.value = '';
        input.removeAttribute('aria-invalid');
        say('pairing-result', t('optionsPairingDone'), 'ok');
      } else {
        input.setAttribute('aria-invalid', 'true');
        say('pairing-result', t('optionsPairingFailed', [answer.error]), 'error');
      }
      renderPairing(await getPairing());
    });
  });
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[PAIRING_KEY]) void getPairing().then(renderPairing);
  });
}

function renderPlatforms(disabled: string[]): void {
  const list = document.getElementById('platforms')!;
  list.replaceChildren(
    ...[...SHOPS, generic].map((shop) => {
      const item = el('li');
      const box = el('input', undefined, { type: 'checkbox', id: `shop-${shop.id}`, 'data-shop': shop.id });
      box.checked = !disabled.includes(shop.id);
      box.addEventListener('change', () => {
        void getSettings().then(({ disabledShops }) => {
          const others = disabledShops.filter((id) => id !== shop.id);
          return setSettings({ disabledShops: box.checked ? others : [...others, shop.id] });
        });
      });
      item.append(box, ' ', el('label', shopName(shop.id), { for: box.id }));
      return item;
    }),
  );
}

function renderSites(sites: string[]): void {
  const list = document.getElementById('sites')!;
  if (sites.length === 0) {
    list.replaceChildren(el('li', t('optionsNoSites'), { class: 'hint' }));
    return;
  }
  list.replaceChildren(
    ...sites.map((site) => {
      const remove = el('button', t('optionsRemoveSite'), { type: 'button', 'data-site': site, 'aria-label': `${t('optionsRemoveSite')} ${site}` });
      remove.addEventListener('click', () => void removeSite(site));
      const item = el('li');
      item.append(el('span', site), remove);
      return item;
    }),
  );
}

async function addSite(input: string): Promise<void> {
  const site = normalizeSite(input);
  if (!site) return say('site-status', t('optionsSiteInvalid'), 'error');
  // Must be called straight from the user's click: the browser shows its permission prompt.
  const granted = await chrome.permissions.request({ origins: [sitePattern(site)] });
  if (!granted) return say('site-status', t('optionsSiteDenied', [site]), 'error');
  const { genericSites } = await getSettings();
  const next = genericSites.includes(site) ? genericSites : [...genericSites, site];
  await setSettings({ genericSites: next });
  renderSites(next);
  say('site-status', t('optionsSiteAdded', [site]), 'ok');
}

async function removeSite(site: string): Promise<void> {
  const { genericSites } = await getSettings();
  const next = genericSites.filter((s) => s !== site);
  await setSettings({ genericSites: next });
  renderSites(next);
  // Give the permission back unless another listed site still needs the same host.
  if (!next.some((s) => sitePattern(s) === sitePattern(site))) await chrome.permissions.remove({ origins: [sitePattern(site)] }).catch(() => false);
}

function setUpDialog(settings: Settings): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="friction"]')) {
    radio.checked = radio.value === settings.friction;
    radio.addEventListener('change', () => void setSettings({ friction: radio.value as Friction }));
  }
  const amount = document.getElementById('type-above') as HTMLInputElement;
  amount.value = String(settings.typeAboveAmount);
  amount.addEventListener('change', () => {
    const value = Number(amount.value);
    if (Number.isFinite(value) && value >= 0) void setSettings({ typeAboveAmount: value });
    else amount.value = String(settings.typeAboveAmount);
  });
}

function setUpLanguage(settings: Settings): void {
  const select = document.getElementById('language') as HTMLSelectElement;
  select.replaceChildren(
    el('option', t('optionsLanguageAuto'), { value: 'auto' }),
    ...LANGUAGES.map((language) => el('option', t(`languageName_${language}`), { value: language })),
  );
  select.value = settings.language;
  select.addEventListener('change', async () => {
    const language = select.value as Language;
    // Content scripts cannot read the extension's files: the chosen locale's messages travel with the setting.
    const localeMessages = language === 'auto' ? null : await loadMessages(language);
    await setSettings({ language, localeMessages });
    await translate();
    renderPlatforms((await getSettings()).disabledShops);
    setUpLanguage(await getSettings());
    await guide.retranslate();
    say('language-status', t('optionsLanguageSaved'), 'ok');
  });
}

async function renderScreenshots(denied = false): Promise<void> {
  const granted = await chrome.permissions.contains(SCREENSHOT_PERMISSION);
  document.getElementById('screenshots-grant')!.hidden = granted;
  document.getElementById('screenshots-revoke')!.hidden = !granted;
  if (granted) say('screenshots-status', t('optionsScreenshotsOn'), 'ok');
  else say('screenshots-status', t(denied ? 'optionsScreenshotsDenied' : 'optionsScreenshotsOff'), denied ? 'error' : 'info');
}

async function setUpScreenshots(): Promise<void> {
  document.getElementById('screenshots-grant')!.addEventListener('click', () => {
    // Straight from the click, or the browser refuses to ask.
    void chrome.permissions.request(SCREENSHOT_PERMISSION).then(
      (granted) => renderScreenshots(!granted),
      () => renderScreenshots(true),
    );
  });
  document.getElementById('screenshots-revoke')!.addEventListener('click', () => {
    void chrome.permissions.remove(SCREENSHOT_PERMISSION).then(() => renderScreenshots());
  });
  const commands = (await chrome.commands?.getAll?.()) ?? [];
  const keys = commands.find((c) => c.name === 'save-evidence')?.shortcut;
  document.getElementById('shortcut')!.textContent = t('optionsShortcut', [keys || t('optionsNoShortcut')]);
  await renderScreenshots();
}

/** Opened on install (options.html#start) or from the popup's "Finish setting up": start at the walkthrough. */
function focusWalkthrough(): void {
  if (location.hash === '#start' || new URLSearchParams(location.search).has('welcome')) document.getElementById('start-heading')!.focus();
}

const guide = new StartGuide(document, browserStartSources());

async function main(): Promise<void> {
  await translate();
  focusWalkthrough();
  const walkthrough = guide.start();
  const settings = await getSettings();
  setUpHost(settings.hostUrl);
  setUpPairing();
  renderPairing(await getPairing());
  setUpDialog(settings);
  setUpLanguage(settings);
  renderPlatforms(settings.disabledShops);
  renderSites(settings.genericSites);
  await setUpScreenshots();
  const siteInput = document.getElementById('site-input') as HTMLInputElement;
  document.getElementById('site-form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    void addSite(siteInput.value).then(() => {
      siteInput.value = '';
    });
  });
  await Promise.all([showQueue(), walkthrough]);
}

void main();
