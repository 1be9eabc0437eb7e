/**
 * Ids of co-edited documents, in the one form the server accepts (Proeftuin.Core.Collaboration.DocumentId):
 * `case:{guid}` or `minutes:{guid}`, the guid as 32 lower-case hex digits. Anything else is refused by the hub, so the
 * browser builds and reads ids only here.
 */
export type DocumentKind = 'case' | 'minutes';

export interface DocumentId {
  readonly kind: DocumentKind;
  /** The case's or meeting's id as 32 lower-case hex digits. */
  readonly hex: string;
}

const canonical = /^(case|minutes):([0-9a-f]{32})$/;

/** The hex digits of a GUID in any usual spelling (dashes, braces, upper case), or null. */
function guidHex(guid: string): string | null {
  const hex = guid.replace(/^\{|\}$/g, '').replace(/-/g, '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(hex) ? hex : null;
}

function build(kind: DocumentKind, guid: string): string {
  const hex = guidHex(guid);
  if (hex === null) throw new Error(`Geen geldige id: ${guid}`);
  return `${kind}:${hex}`;
}

export const caseDocumentId = (caseId: string): string => build('case', caseId);

export const minutesDocumentId = (meetingId: string): string => build('minutes', meetingId);

/** Reads a canonical id; null for any other form. */
export function parseDocumentId(value: string): DocumentId | null {
  const match = canonical.exec(value);
  const [, kind, hex] = match ?? [];
  return kind !== undefined && hex !== undefined ? { kind: kind as DocumentKind, hex } : null;
}

/** "0123…" (32 hex digits) as a GUID with dashes. */
export function formatGuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
