// "Geen identificerend gegeven": a finding dismissed with a reason, over the API of the document it is in (the same
// call from the case page and the meeting room; the verslag's own endpoint stores it for the cases on its agenda). The
// server stores only a keyed hash of the words and audit-logs it.

import { formatGuid, parseDocumentId } from './document-id';
import type { PopoverFinding } from './finding-popover';

/** Where a finding of this co-edited document is dismissed, or null for an id the server would refuse. */
export function dismissalUrl(documentId: string): string | null {
  const parsed = parseDocumentId(documentId);
  if (parsed === null) return null;
  const id = formatGuid(parsed.hex);
  return parsed.kind === 'case' ? `/api/cases/${id}/dismissals` : `/api/meetings/${id}/minutes/dismissals`;
}

/** Resolves to null when the dismissal was stored, or the server's Dutch (or English) refusal. */
export async function dismissFinding(url: string, finding: PopoverFinding, reason: string): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/problem+json, application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ start: finding.start, end: finding.end, category: finding.category ?? '', reason }),
    });
    if (response.ok) return null;
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    return problem?.detail ?? problem?.title ?? response.statusText;
  } catch {
    return 'Geen verbinding; probeer het zo opnieuw.';
  }
}
