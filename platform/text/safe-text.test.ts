import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacters, inspectValue } from './safe-text.js';

describe('safe text', () => {
  it('refuses NUL and lone surrogates, accepts any valid Unicode', () => {
    expect(hasUnsafeCharacters('a\u0000b')).toBe(true);
    expect(hasUnsafeCharacters('\uD800')).toBe(true);
    expect(hasUnsafeCharacters('x\uDC00')).toBe(true);
    expect(hasUnsafeCharacters('\uDC00\uD800')).toBe(true);
    expect(hasUnsafeCharacters('Données de santé 🏥 \u0001 \uFFFF')).toBe(false);
  });

  it('names the path of the first unsafe string or key', () => {
    expect(inspectValue({ a: [1, { b: 'ok' }, { c: 'x\u0000' }] }, 'input')).toEqual({ kind: 'unsafe-text', path: 'input.a[2].c' });
    expect(inspectValue({ 'odd key': 'x\uD83D' }, 'body')).toEqual({ kind: 'unsafe-text', path: 'body["odd key"]' });
    expect(inspectValue({ ['k\u0000']: 1 }, 'body')).toEqual({ kind: 'unsafe-text', path: 'body' });
    expect(inspectValue({ a: ['fine', 3, null, true] }, 'input')).toBeNull();
  });

  it('refuses nesting past the limit at any depth, without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(inspectValue(deep, 'body')?.kind).toBe('too-deep');
    let ok: unknown = 'leaf';
    for (let i = 0; i < 10; i++) ok = { child: ok };
    expect(inspectValue(ok, 'body', 10)).toBeNull();
    expect(inspectValue({ child: ok }, 'body', 10)?.kind).toBe('too-deep');
  });
});
