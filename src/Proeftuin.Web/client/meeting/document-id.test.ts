import { describe, expect, it } from 'vitest';
import { caseDocumentId, formatGuid, minutesDocumentId, parseDocumentId } from './document-id';

describe('document ids', () => {
  const guid = '0F8FAD5B-D9CB-469F-A165-70867728950E';

  it('are built in the canonical form whatever the spelling of the guid', () => {
    expect(caseDocumentId(guid)).toBe('case:0f8fad5bd9cb469fa16570867728950e');
    expect(caseDocumentId(`{${guid}}`)).toBe('case:0f8fad5bd9cb469fa16570867728950e');
    expect(minutesDocumentId(guid.toLowerCase())).toBe('minutes:0f8fad5bd9cb469fa16570867728950e');
  });

  it('parse only the canonical form', () => {
    expect(parseDocumentId('case:0f8fad5bd9cb469fa16570867728950e')).toEqual({ kind: 'case', hex: '0f8fad5bd9cb469fa16570867728950e' });
    for (const other of ['case:0F8FAD5BD9CB469FA16570867728950E', `case:${guid}`, 'Case:0f8fad5bd9cb469fa16570867728950e', 'case:0f8fad5b', 'note:0f8fad5bd9cb469fa16570867728950e', ' case:0f8fad5bd9cb469fa16570867728950e']) {
      expect(parseDocumentId(other)).toBeNull();
    }
  });

  it('round-trip a guid', () => {
    expect(formatGuid(parseDocumentId(caseDocumentId(guid))!.hex)).toBe(guid.toLowerCase());
  });

  it('refuse what is no guid', () => {
    expect(() => caseDocumentId('abc')).toThrow();
  });
});
