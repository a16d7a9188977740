// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMessages, type Messages } from '../shared/i18n';
import type { Pairing } from '../shared/pairing';
import { StartGuide, type HostCheck, type StartChange, type StartSources } from './start-page';

const here = dirname(fileURLToPath(import.meta.url));
const en = JSON.parse(readFileSync(join(here, '..', '..', '_locales', 'en', 'messages.json'), 'utf8')) as Messages;
const optionsBody = /<body>([\s\S]*)<\/body>/.exec(readFileSync(join(here, 'options.html'), 'utf8'))![1]!;

/** What the browser would say, changeable by a test; `notify` plays the storage and permission events. */
function fakeBrowser() {
  const world = {
    host: { healthy: true, url: 'http://127.0.0.1:47831', detail: '0.1.0' } as HostCheck,
    pairing: 'unpaired' as Pairing['state'],
    sitesHeld: true,
    grantOnRequest: true,
    screenshots: false,
    off: 0,
  };
  let listener: (what: StartChange) => void = () => undefined;
  const sources: StartSources = {
    checkHost: vi.fn(async () => ({ ...world.host })),
    pairing: async () => world.pairing,
    sites: {
      held: async () => world.sitesHeld,
      request: vi.fn(async () => {
        world.sitesHeld = world.grantOnRequest;
        return world.grantOnRequest;
      }),
    },
    screenshotsGranted: async () => world.screenshots,
    platforms: async () => ({ total: 12, off: world.off }),
    openHostSettings: vi.fn(),
    copy: vi.fn(async () => undefined),
    watch: (changed) => {
      listener = changed;
    },
  };
  return { world, sources, notify: (what: StartChange) => listener(what) };
}

const step = (id: string) => document.querySelector<HTMLElement>(`[data-step="${id}"]`)!;
const text = (selector: string) => document.querySelector(selector)!.textContent;
/** Lets the promise chains started by events and clicks finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const guides: StartGuide[] = [];
/** A guide on the options page's markup; stopped after the test so that its page events stop too. */
function guide(sources: StartSources): StartGuide {
  const made = new StartGuide(document, sources);
  guides.push(made);
  return made;
}

beforeEach(() => {
  document.body.innerHTML = optionsBody;
  useMessages('en', en);
});
afterEach(() => guides.splice(0).forEach((made) => made.stop()));

describe('the Get started walkthrough', () => {
  it('shows a fresh install: host running, pairing to do, sites allowed, screenshots optional', async () => {
    const { sources } = fakeBrowser();
    await guide(sources).start();

    expect(step('host').dataset.stepState).toBe('done');
    expect(text('[data-step="host"] [data-step-badge]')).toBe('Done');
    expect(text('[data-step="host"] [data-step-status]')).toBe('The host is running at http://127.0.0.1:47831 (version 0.1.0).');
    expect(step('pair').dataset.stepState).toBe('todo');
    expect(text('[data-step="pair"] [data-step-badge]')).toBe('To do');
    expect(step('sites').dataset.stepState).toBe('done');
    expect(document.querySelector<HTMLButtonElement>('#allow-sites')!.hidden).toBe(true);
    expect(text('#platforms-summary')).toBe('All 12 platforms guarded.');
    expect(step('screenshots').dataset.stepState).toBe('todo');
    expect(text('#start-summary')).toBe('2 of 4 done');
    expect(document.querySelector<HTMLElement>('#start-summary')!.dataset.allSet).toBe('false');
  });

  it('keeps the moved pairing and screenshot controls inside their steps, with their ids', () => {
    expect(step('pair').querySelector('#pairing-form #pairing-code')).not.toBeNull();
    expect(step('pair').querySelector('#pairing-status')).not.toBeNull();
    expect(step('screenshots').querySelector('#screenshots-grant')).not.toBeNull();
    expect(step('screenshots').querySelector('#screenshots-revoke')).not.toBeNull();
    expect(document.querySelectorAll('ol.steps > li[data-step]')).toHaveLength(4);
    expect(document.querySelector('#settings #host-form')).not.toBeNull();
    expect(document.querySelector('#settings #platforms')).not.toBeNull();
  });

  it('updates live when pairing is done: the summary says all set', async () => {
    const { world, sources, notify } = fakeBrowser();
    await guide(sources).start();
    world.pairing = 'paired';
    notify('pairing');
    await settle();
    expect(step('pair').dataset.stepState).toBe('done');
    expect(text('#start-summary')).toBe('All set: open an order page and click 确认收货.');
    expect(document.querySelector<HTMLElement>('#start-summary')!.dataset.allSet).toBe('true');
  });

  it('shows an unreachable host as a problem with its address and error, and checks again when the link changes', async () => {
    const { world, sources, notify } = fakeBrowser();
    world.host = { healthy: false, url: 'http://127.0.0.1:1', detail: 'Failed to fetch' };
    await guide(sources).start();
    expect(step('host').dataset.stepState).toBe('problem');
    expect(text('[data-step="host"] [data-step-badge]')).toBe('Problem');
    expect(text('[data-step="host"] [data-step-status]')).toContain('No host answers at http://127.0.0.1:1 (Failed to fetch)');
    expect(text('#host-address')).toBe('The extension looks for the host at http://127.0.0.1:1.');
    expect(text('#command-source')).toBe('npm start');
    expect(text('#command-service')).toBe('ReceiptGuard.Host install-service');

    world.host = { healthy: true, url: 'http://127.0.0.1:47831', detail: '0.1.0' };
    notify('host');
    await settle();
    expect(step('host').dataset.stepState).toBe('done');
    expect(sources.checkHost).toHaveBeenCalledTimes(2);
  });

  it('drops a slow health answer that a newer check overtook', async () => {
    const { sources, notify } = fakeBrowser();
    await guide(sources).start();
    let answerOld: (check: HostCheck) => void = () => undefined;
    vi.mocked(sources.checkHost)
      .mockImplementationOnce(() => new Promise((resolve) => (answerOld = resolve)))
      .mockResolvedValueOnce({ healthy: true, url: 'http://127.0.0.1:47831', detail: '0.1.0' });
    notify('host');
    notify('host');
    await settle();
    answerOld({ healthy: false, url: 'http://127.0.0.1:47831', detail: 'old' });
    await settle();
    expect(step('host').dataset.stepState).toBe('done');
  });

  it('"Check again" says it is looking, then shows the answer', async () => {
    const { world, sources } = fakeBrowser();
    await guide(sources).start();
    world.host = { healthy: false, url: 'http://127.0.0.1:47831', detail: 'refused' };
    document.querySelector<HTMLButtonElement>('#host-check')!.click();
    expect(step('host').dataset.stepState).toBe('checking');
    expect(text('[data-step="host"] [data-step-status]')).toBe('Looking for the host…');
    await settle();
    expect(step('host').dataset.stepState).toBe('problem');
  });

  it('offers "Allow on shop sites" when the permissions are withheld, and asks the browser from the click', async () => {
    const { world, sources } = fakeBrowser();
    world.sitesHeld = false;
    await guide(sources).start();
    const allow = document.querySelector<HTMLButtonElement>('#allow-sites')!;
    expect(step('sites').dataset.stepState).toBe('todo');
    expect(allow.hidden).toBe(false);

    allow.click();
    await settle();
    expect(sources.sites.request).toHaveBeenCalledTimes(1);
    expect(step('sites').dataset.stepState).toBe('done');
    expect(allow.hidden).toBe(true);
  });

  it('stays to do when the user refuses the prompt', async () => {
    const { world, sources } = fakeBrowser();
    world.sitesHeld = false;
    world.grantOnRequest = false;
    await guide(sources).start();
    document.querySelector<HTMLButtonElement>('#allow-sites')!.click();
    await settle();
    expect(step('sites').dataset.stepState).toBe('todo');
  });

  it('marks screenshots done when the permission arrives, and counts switched-off platforms', async () => {
    const { world, sources, notify } = fakeBrowser();
    await guide(sources).start();
    world.screenshots = true;
    notify('permissions');
    world.off = 2;
    notify('platforms');
    await settle();
    expect(step('screenshots').dataset.stepState).toBe('done');
    expect(text('#platforms-summary')).toBe('10 platforms guarded, 2 off.');
  });

  it('copies a command and says so; a refused clipboard says what to do instead', async () => {
    const { sources } = fakeBrowser();
    await guide(sources).start();
    const copy = document.querySelector<HTMLButtonElement>('[data-copy="command-package"]')!;
    expect(copy.getAttribute('aria-label')).toBe('Copy ./ReceiptGuard.Host');
    copy.click();
    await settle();
    expect(sources.copy).toHaveBeenCalledWith('./ReceiptGuard.Host');
    expect(text('#copy-status')).toBe('Copied: ./ReceiptGuard.Host');

    vi.mocked(sources.copy).mockRejectedValueOnce(new Error('denied'));
    copy.click();
    await settle();
    expect(text('#copy-status')).toBe('Could not copy: select the command and copy it yourself.');
  });

  it("opens the host's Settings page through the worker", async () => {
    const { sources } = fakeBrowser();
    await guide(sources).start();
    document.querySelector<HTMLAnchorElement>('#open-host-settings')!.click();
    expect(sources.openHostSettings).toHaveBeenCalledTimes(1);
  });

  it('looks at the host and permissions again when the page is shown again', async () => {
    const { world, sources } = fakeBrowser();
    world.host = { healthy: false, url: 'http://127.0.0.1:47831', detail: 'refused' };
    await guide(sources).start();
    world.host = { healthy: true, url: 'http://127.0.0.1:47831', detail: '0.1.0' };
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(step('host').dataset.stepState).toBe('done');
  });
});
