import { describe, expect, it } from 'vitest';
import { replaceFinding } from './guard-placeholders';

describe('replaceFinding', () => {
  it('replaces the flagged text at its offset', () => {
    expect(replaceFinding('Gesprek met Anouk en Anouk', 21, 'Anouk', '[voornaam kind]')).toBe('Gesprek met Anouk en [voornaam kind]');
  });

  it('falls back to the first occurrence when the text moved', () => {
    expect(replaceFinding('Bel nu 06-12345678', 0, '06-12345678', '[telefoonnummer]')).toBe('Bel nu [telefoonnummer]');
  });

  it('gives null when the text is gone', () => {
    expect(replaceFinding('Niets meer', 3, 'Anouk', '[naam]')).toBeNull();
  });
});
