import { describe, expect, it } from 'vitest';
import { languageFromHeader, pick } from './language.js';

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'en'],
    ['fr', 'fr'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-US;q=0.8,en;q=0.7,fr;q=0.9', 'fr'],
    ['de-DE,de;q=0.9', 'en'],
    ['de, fr;q=0.5', 'fr'],
    ['fr;q=0, en;q=0.1', 'en'],
    ['fr;q=abc', 'en'],
  ])('reads %s as %s', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});

describe('pick', () => {
  it('falls back to the other language, then to null', () => {
    expect(pick({ fr: 'Bonjour', en: 'Hello' }, 'fr')).toBe('Bonjour');
    expect(pick({ en: 'Hello' }, 'fr')).toBe('Hello');
    expect(pick({ fr: 'Bonjour' }, 'en')).toBe('Bonjour');
    expect(pick({}, 'en')).toBeNull();
    expect(pick(null, 'en')).toBeNull();
  });
});
