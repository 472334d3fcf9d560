import { pageStructureReport } from './page-structure';

/** Panel → content script: build the structure-only report of this call page. */
export interface StructureReportRequest {
  type: 'structure-report-request';
}

export function isStructureReportRequest(raw: unknown): raw is StructureReportRequest {
  return typeof raw === 'object' && raw !== null && (raw as StructureReportRequest).type === 'structure-report-request';
}

/**
 * Answers the panel's "What Attune sees" request with the page's structure (no text, no values).
 * The report goes back to Attune's own panel only, which copies it for the user on their click.
 */
export function answerStructureRequests(ctx: { onInvalidated(cb: () => void): void }, doc: Document = document): void {
  const listener = (raw: unknown, sender: { id?: string }, respond: (report: string) => void) => {
    if (sender.id !== browser.runtime.id || !isStructureReportRequest(raw)) return;
    respond(pageStructureReport(doc.documentElement));
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
