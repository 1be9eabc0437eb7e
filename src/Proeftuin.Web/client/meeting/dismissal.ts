// "Geen identificerend gegeven": a finding of a case text dismissed with a reason, over the case API (the same call
// from the case page and the meeting room). The server stores only a keyed hash of the words and audit-logs it.

import type { PopoverFinding } from './finding-popover';

/** Resolves to null when the dismissal was stored, or the server's Dutch (or English) refusal. */
export async function dismissFinding(caseId: string, finding: PopoverFinding, reason: string): Promise<string | null> {
  try {
    const response = await fetch(`/api/cases/${caseId}/dismissals`, {
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
