// The options page's "Get started" walkthrough: gathers what each step depends on, keeps it current from events (no
// polling), and shows the states walkthrough.ts works out. The browser is reached only through StartSources, so that
// the page can be tested with happy-dom and fakes.
import type { Pairing } from '../shared/pairing';
import { t } from '../shared/i18n';
import type { SiteAccess } from './site-access';
import { STATE_LABELS, STATUS_LINES, statusMessageKey, summaryMessage, walkthrough, type StepState, type Walkthrough, type WalkthroughInputs } from './walkthrough';

export interface HostCheck {
  healthy: boolean;
  url: string;
  /** The host's version when healthy, else why it could not be reached. */
  detail: string;
}

export type StartChange = 'host' | 'pairing' | 'permissions' | 'platforms';

export interface StartSources {
  checkHost(): Promise<HostCheck>;
  pairing(): Promise<Pairing['state']>;
  sites: SiteAccess;
  screenshotsGranted(): Promise<boolean>;
  /** How many platforms there are, and how many the user switched off. */
  platforms(): Promise<{ total: number; off: number }>;
  openHostSettings(): void;
  copy(text: string): Promise<void>;
  /** Calls back whenever something a step shows may have changed. */
  watch(changed: (what: StartChange) => void): void;
}

const STATUS_TONE: Readonly<Record<StepState, 'ok' | 'error' | 'info'>> = { done: 'ok', problem: 'error', todo: 'info', checking: 'info' };

export class StartGuide {
  private inputs: WalkthroughInputs = { hostHealthy: null, pairing: 'unpaired', permissionsHeld: null, screenshotsGranted: false };
  private host: HostCheck | null = null;
  /** Only the newest health check may change the page: an older, slower answer is dropped. */
  private hostCheck = 0;
  private readonly listening = new AbortController();

  constructor(
    private readonly root: ParentNode,
    private readonly sources: StartSources,
  ) {}

  /** Wires the buttons and events, then fills every step. */
  async start(): Promise<Walkthrough> {
    this.wire();
    this.sources.watch((what) => void this.refresh(what));
    document.addEventListener(
      'visibilitychange',
      () => {
        // Back from the terminal or the browser's extension settings: look once more, no timer needed.
        if (document.visibilityState === 'visible') void Promise.all([this.refresh('host'), this.refresh('permissions')]);
      },
      { signal: this.listening.signal },
    );
    await Promise.all((['host', 'pairing', 'permissions', 'platforms'] as const).map((what) => this.refresh(what)));
    return this.render();
  }

  /** Stops looking again when the page is shown (tests make one guide per case on the same document). */
  stop(): void {
    this.listening.abort();
  }

  async refresh(what: StartChange): Promise<void> {
    switch (what) {
      case 'host': {
        const check = ++this.hostCheck;
        const result = await this.sources.checkHost();
        if (check !== this.hostCheck) return;
        this.host = result;
        this.inputs.hostHealthy = result.healthy;
        break;
      }
      case 'pairing':
        this.inputs.pairing = await this.sources.pairing();
        break;
      case 'permissions': {
        const [held, screenshots] = await Promise.all([this.sources.sites.held(), this.sources.screenshotsGranted()]);
        this.inputs.permissionsHeld = held;
        this.inputs.screenshotsGranted = screenshots;
        break;
      }
      case 'platforms': {
        const { total, off } = await this.sources.platforms();
        this.find('#platforms-summary').textContent = off === 0 ? t('startPlatformsAll', [total]) : t('startPlatformsSome', [total - off, off]);
        break;
      }
    }
    this.render();
  }

  /** After the user chose another language: every text the walkthrough wrote, again. */
  async retranslate(): Promise<Walkthrough> {
    await this.refresh('platforms');
    return this.render();
  }

  render(): Walkthrough {
    const state = walkthrough(this.inputs);
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
      button.setAttribute('aria-label', t('startCopyLabel', [this.find(`#${button.dataset.copy!}`).textContent ?? '']));
    }
    for (const item of this.root.querySelectorAll<HTMLElement>('[data-step]')) {
      const stepState = state.steps[item.dataset.step as keyof Walkthrough['steps']];
      item.dataset.stepState = stepState;
      item.querySelector('[data-step-badge]')!.textContent = t(STATE_LABELS[stepState]);
    }
    this.statusLine('host', state.steps.host, this.host ? [this.host.url, this.host.detail] : ['', '']);
    this.statusLine('sites', state.steps.sites, []);
    this.find<HTMLButtonElement>('#allow-sites').hidden = state.steps.sites !== 'todo';
    if (this.host) this.find('#host-address').textContent = t('startHostAddress', [this.host.url]);

    const summary = this.find('#start-summary');
    const message = summaryMessage(state);
    summary.textContent = t(message.key, message.substitutions);
    summary.dataset.done = String(state.done);
    summary.dataset.allSet = String(state.allSet);
    return state;
  }

  private statusLine(step: keyof typeof STATUS_LINES, state: StepState, substitutions: string[]): void {
    const line = this.find(`[data-step="${step}"] [data-step-status]`);
    line.textContent = t(statusMessageKey(step, state), substitutions);
    line.dataset.state = STATUS_TONE[state];
  }

  private wire(): void {
    this.find('#host-check').addEventListener('click', () => {
      // Asked for by the user: say that it is looking rather than keep showing the last answer.
      this.inputs.hostHealthy = null;
      this.render();
      void this.refresh('host');
    });
    this.find('#allow-sites').addEventListener('click', () => {
      // Straight from the click, or the browser refuses to ask.
      void this.sources.sites.request().then(
        () => this.refresh('permissions'),
        () => this.refresh('permissions'),
      );
    });
    this.find('#open-host-settings').addEventListener('click', (event) => {
      event.preventDefault();
      this.sources.openHostSettings();
    });
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
      const command = this.find(`#${button.dataset.copy!}`).textContent ?? '';
      button.addEventListener('click', () => {
        const status = this.find('#copy-status');
        this.sources.copy(command).then(
          () => {
            status.textContent = t('startCopied', [command]);
            status.dataset.state = 'ok';
          },
          () => {
            status.textContent = t('startCopyFailed');
            status.dataset.state = 'error';
          },
        );
      });
    }
  }

  private find<E extends HTMLElement = HTMLElement>(selector: string): E {
    const element = this.root.querySelector<E>(selector);
    if (!element) throw new Error(`options page: ${selector} is missing`);
    return element;
  }
}
