// The page as evidence: the serialised page plus where, when and with what it was captured. Used by the guard's
// content script at a decision and by the capture bundle the worker injects for "save evidence of this page".
import { newUuid } from '../shared/ids';
import { PROTOCOL_VERSION, type CaptureContext, type CaptureKind, type Decision, type EmbeddedScript, type HostSettings, type SerializerReport, type SnapshotV1 } from '../shared/protocol';
import { serializePage } from './serialize';

export interface PageEvidence {
  url: string;
  title: string;
  html: string;
  embeddedData: EmbeddedScript[];
  context: CaptureContext;
}

export interface EvidenceOptions {
  extensionVersion: string;
  budget: Pick<HostSettings, 'maxResourceBytes' | 'maxTotalBytes'>;
  checklist?: Record<string, boolean> | null;
  exclude?: (element: Element) => boolean;
  fetchFallback?: (url: string) => Promise<Blob | null>;
}

export function pageContext(win: Window, extensionVersion: string, checklist: Record<string, boolean> | null, serializer: SerializerReport, at = new Date()): CaptureContext {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    utcOffsetMinutes: -at.getTimezoneOffset(),
    userAgent: win.navigator.userAgent,
    language: win.navigator.language,
    extensionVersion,
    viewport: { width: win.innerWidth, height: win.innerHeight, devicePixelRatio: win.devicePixelRatio },
    checklist,
    serializer,
  };
}

export async function captureEvidence(doc: Document, options: EvidenceOptions): Promise<PageEvidence> {
  const win = doc.defaultView!;
  const url = doc.location.href;
  const title = doc.title;
  const page = await serializePage(doc, {
    extensionVersion: options.extensionVersion,
    maxResourceBytes: options.budget.maxResourceBytes,
    maxTotalBytes: options.budget.maxTotalBytes,
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(options.fetchFallback ? { fetchFallback: options.fetchFallback } : {}),
  });
  return { url, title, html: page.html, embeddedData: page.embeddedData, context: pageContext(win, options.extensionVersion, options.checklist ?? null, page.report) };
}

/** Asks the extension's worker for a resource the page could not read itself (no CORS). */
export async function fetchThroughWorker(url: string, maxBytes: number): Promise<Blob | null> {
  const answer = (await chrome.runtime.sendMessage({ kind: 'fetch-resource', url, maxBytes })) as { ok: boolean; dataUrl?: string | null } | undefined;
  if (!answer?.ok || !answer.dataUrl) return null;
  return (await fetch(answer.dataUrl)).blob();
}

/** What the snapshot says about why and how the page was captured, beside the page itself. */
export interface CaptureFacts {
  capture: CaptureKind;
  decision: Decision;
  capturedAt: string;
  site: string;
  buttonText: string;
  orderHint: string | null;
  shot: { screenshot: string | null; error: string | null };
}

/** One snapshot from a captured page, the same for guard and manual captures. */
export function snapshotOf(page: PageEvidence, facts: CaptureFacts): SnapshotV1 {
  return {
    v: PROTOCOL_VERSION,
    id: newUuid(),
    url: page.url,
    title: page.title,
    capturedAt: facts.capturedAt,
    html: page.html,
    decision: facts.decision,
    site: facts.site,
    buttonText: facts.buttonText,
    orderHint: facts.orderHint,
    capture: facts.capture,
    embeddedData: page.embeddedData,
    screenshot: facts.shot.screenshot,
    screenshotError: facts.shot.error,
    context: page.context,
  };
}
