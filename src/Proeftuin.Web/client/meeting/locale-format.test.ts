import { describe, expect, it } from 'vitest';
import { localDate } from './locale-format';

describe('dates in the user\'s language', () => {
  it('writes a Dutch date as dd-mm-jjjj', () => {
    expect(localDate('2026-12-23', 'nl')).toBe('23-12-2026');
  });

  it('writes an English date day first, as in the UK', () => {
    expect(localDate('2026-12-03', 'en')).toBe('03/12/2026');
  });

  it('leaves anything that is not a date as it is', () => {
    expect(localDate('morgen', 'nl')).toBe('morgen');
  });
});
