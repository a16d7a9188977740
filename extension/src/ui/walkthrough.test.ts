import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../shared/i18n';
import { needsSetUp, STATE_LABELS, STATUS_LINES, statusMessageKey, summaryMessage, walkthrough, type WalkthroughInputs } from './walkthrough';

const fresh: WalkthroughInputs = { hostHealthy: null, pairing: 'unpaired', permissionsHeld: null, screenshotsGranted: false };
const ready: WalkthroughInputs = { hostHealthy: true, pairing: 'paired', permissionsHeld: true, screenshotsGranted: false };

describe('walkthrough', () => {
  it('checks the host and the permissions before saying anything about them', () => {
    expect(walkthrough(fresh).steps).toEqual({ host: 'checking', pair: 'todo', sites: 'checking', screenshots: 'todo' });
    expect(walkthrough(fresh)).toMatchObject({ done: 0, total: 4, allSet: false });
  });

  it('marks an unreachable host and a revoked pairing as problems, not as steps still to take', () => {
    const state = walkthrough({ ...fresh, hostHealthy: false, pairing: 'revoked', permissionsHeld: false });
    expect(state.steps).toEqual({ host: 'problem', pair: 'problem', sites: 'todo', screenshots: 'todo' });
  });

  it('is all set once the required steps are done; screenshots stay optional', () => {
    expect(walkthrough(ready)).toEqual({ steps: { host: 'done', pair: 'done', sites: 'done', screenshots: 'todo' }, done: 3, total: 4, allSet: true });
    expect(walkthrough({ ...ready, screenshotsGranted: true })).toMatchObject({ done: 4, allSet: true });
  });

  it.each([
    ['the host is down', { hostHealthy: false }],
    ['not paired', { pairing: 'unpaired' }],
    ['revoked', { pairing: 'revoked' }],
    ['sites withheld', { permissionsHeld: false }],
    ['permissions unknown', { permissionsHeld: null }],
  ] as const)('is not all set while %s, even with screenshots', (_, change) => {
    expect(walkthrough({ ...ready, screenshotsGranted: true, ...change }).allSet).toBe(false);
  });

  it('sums up progress, or says what to do once set up', () => {
    expect(summaryMessage(walkthrough({ ...ready, pairing: 'unpaired' }))).toEqual({ key: 'startProgress', substitutions: [2, 4] });
    expect(summaryMessage(walkthrough(ready))).toEqual({ key: 'startAllSet', substitutions: [] });
  });
});

describe('needsSetUp (the popup)', () => {
  const connected = { state: 'connected', since: 0, error: null } as const;
  it('points to the walkthrough while unpaired, revoked or the host is offline', () => {
    expect(needsSetUp({ pairing: 'unpaired', host: connected })).toBe(true);
    expect(needsSetUp({ pairing: 'revoked', host: connected })).toBe(true);
    expect(needsSetUp({ pairing: 'paired', host: { ...connected, state: 'offline' } })).toBe(true);
  });
  it('stays quiet while paired and connected or connecting', () => {
    expect(needsSetUp({ pairing: 'paired', host: connected })).toBe(false);
    expect(needsSetUp({ pairing: 'paired', host: { ...connected, state: 'connecting' } })).toBe(false);
  });
});

describe('walkthrough messages', () => {
  const locales = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '_locales');
  const keys = [
    ...Object.values(STATE_LABELS),
    ...Object.entries(STATUS_LINES).flatMap(([step, states]) => states.map((state) => statusMessageKey(step as keyof typeof STATUS_LINES, state))),
    'startProgress',
    'startAllSet',
  ];

  it.each(['en', 'zh_CN'])('are all in %s (keys made at run time escape the source scan)', (locale) => {
    const messages = JSON.parse(readFileSync(join(locales, locale, 'messages.json'), 'utf8')) as Messages;
    expect(keys.filter((key) => !messages[key])).toEqual([]);
  });

  it('are named start<Step><State>', () => {
    expect(statusMessageKey('host', 'problem')).toBe('startHostProblem');
    expect(statusMessageKey('sites', 'todo')).toBe('startSitesTodo');
  });
});
