import { describe, expect, it } from 'vitest';
import { dismissalUrl } from './dismissal';

describe('dismissalUrl', () => {
  it('sends a case text finding to its case', () => {
    expect(dismissalUrl('case:0123456789abcdef0123456789abcdef')).toBe('/api/cases/01234567-89ab-cdef-0123-456789abcdef/dismissals');
  });

  it('sends a verslag finding to its meeting', () => {
    expect(dismissalUrl('minutes:0123456789abcdef0123456789abcdef')).toBe('/api/meetings/01234567-89ab-cdef-0123-456789abcdef/minutes/dismissals');
  });

  it('refuses an id the server would refuse', () => {
    expect(dismissalUrl('case:0123')).toBeNull();
  });
});
