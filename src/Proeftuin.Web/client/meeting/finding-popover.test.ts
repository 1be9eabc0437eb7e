import { describe, expect, it } from 'vitest';
import { occurrences } from './finding-popover';

describe('vervang overal: the occurrences of a finding', () => {
  it('finds every whole-word occurrence, last first, so replacing keeps earlier offsets valid', () => {
    const text = 'Sanne en Sanne; Sannes broer en Susanne niet. Sanne.';
    expect(occurrences(text, 'Sanne')).toEqual([46, 9, 0]);
  });

  it('finds nothing for an empty text or an absent word', () => {
    expect(occurrences('Sanne', '')).toEqual([]);
    expect(occurrences('Sanne', 'Bram')).toEqual([]);
  });

  it('treats letters with diacritics as part of the word', () => {
    expect(occurrences('Zoë en Zoëlla', 'Zoë')).toEqual([0]);
  });
});
