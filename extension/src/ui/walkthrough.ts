// The options page's "Get started" walkthrough, as logic only: which of the four first-run steps are done, from what
// the page has learnt, and which message says so. The page (start-page.ts) gathers the inputs and shows the result.
import type { Pairing } from '../shared/pairing';
import type { WorkerStatus } from '../shared/protocol';

export type StepId = 'host' | 'pair' | 'sites' | 'screenshots';

/** `checking` only until the first answer: the page never waits in it for an event that may not come. */
export type StepState = 'done' | 'todo' | 'problem' | 'checking';

export const STEPS: readonly StepId[] = ['host', 'pair', 'sites', 'screenshots'];

/** Screenshots make better evidence but a capture is complete without them. */
export const OPTIONAL_STEPS: ReadonlySet<StepId> = new Set(['screenshots']);

export interface WalkthroughInputs {
  /** GET /api/health answered; null while the check is on its way. */
  hostHealthy: boolean | null;
  pairing: Pairing['state'];
  /** The manifest's content-script and host permissions are all held; null while unknown. */
  permissionsHeld: boolean | null;
  screenshotsGranted: boolean;
}

export interface Walkthrough {
  steps: Record<StepId, StepState>;
  done: number;
  total: number;
  /** Every step that is not optional is done: the guard works and its captures reach the host. */
  allSet: boolean;
}

export function walkthrough(inputs: WalkthroughInputs): Walkthrough {
  const steps: Record<StepId, StepState> = {
    host: inputs.hostHealthy === null ? 'checking' : inputs.hostHealthy ? 'done' : 'problem',
    // Revoked is a problem rather than a step not taken: the user paired once and the host stopped accepting it.
    pair: inputs.pairing === 'paired' ? 'done' : inputs.pairing === 'revoked' ? 'problem' : 'todo',
    sites: inputs.permissionsHeld === null ? 'checking' : inputs.permissionsHeld ? 'done' : 'todo',
    screenshots: inputs.screenshotsGranted ? 'done' : 'todo',
  };
  const done = STEPS.filter((id) => steps[id] === 'done').length;
  const allSet = STEPS.every((id) => OPTIONAL_STEPS.has(id) || steps[id] === 'done');
  return { steps, done, total: STEPS.length, allSet };
}

export interface Message {
  key: string;
  substitutions: (string | number)[];
}

/** The line above the steps: how far along, or what to do now that it is set up. */
export function summaryMessage(state: Walkthrough): Message {
  return state.allSet ? { key: 'startAllSet', substitutions: [] } : { key: 'startProgress', substitutions: [state.done, state.total] };
}

/** The message key of the word that marks a step's state (for people; tests read data-step-state). */
export const STATE_LABELS: Readonly<Record<StepState, string>> = {
  done: 'startStateDone',
  todo: 'startStateTodo',
  problem: 'startStateProblem',
  checking: 'startStateChecking',
};

/**
 * The steps with a status line of their own, and the states it can show. Pairing and screenshots have theirs already
 * (#pairing-status, #screenshots-status): the walkthrough marks those steps and says nothing twice.
 */
export const STATUS_LINES = {
  host: ['checking', 'done', 'problem'],
  sites: ['checking', 'done', 'todo'],
} as const satisfies Partial<Record<StepId, readonly StepState[]>>;

/** The message key of a step's status line: start<Step><State>, e.g. startHostProblem. */
export function statusMessageKey(step: keyof typeof STATUS_LINES, state: StepState): string {
  const name = step === 'host' ? 'Host' : 'Sites';
  return `start${name}${state[0]!.toUpperCase()}${state.slice(1)}`;
}

/** For the popup: captures cannot reach the host (it is down, or does not know this extension), so point to the steps. */
export function needsSetUp(status: Pick<WorkerStatus, 'host' | 'pairing'>): boolean {
  return status.pairing !== 'paired' || status.host.state === 'offline';
}
