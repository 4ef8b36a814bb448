import { describe, expect, it } from 'vitest';
import { cursorDate, cursorInstant, cursorPgInstant, cursorText, cursorUuid } from './cursor-position.js';

describe('cursor position pieces', () => {
  it.each([
    [cursorDate, '2026-02-28', ['2026-02-30', 'yesterday', '2026-2-1', 20260228]],
    [cursorInstant, new Date('2026-03-01T10:00:00Z').toISOString(), ['2026-13-01T00:00:00.000Z', '2026-03-01', 'not a date', '2026-02-30T00:00:00.000Z']],
    [cursorPgInstant, '2026-12-07 03:12:22.123456+00', ['2026-12-07T03:12:22Z', '2026-02-30 00:00:00+00', '2026-12-07 25:00:00+00', "'; DROP TABLE x; --"]],
    [cursorUuid, '0b6e4c1e-8b8a-4b8e-9b43-1c1f5f0a9e21', ['not-a-uuid', '0b6e4c1e8b8a4b8e9b431c1f5f0a9e21x', '']],
    [cursorText, 'données de santé', ['a\u0000b', '\uD800', 'x'.repeat(1001)]],
  ] as const)('accept what this platform writes and refuse the rest (%#)', (schema, good, bad) => {
    expect(schema.safeParse(good).success).toBe(true);
    for (const value of bad) expect(schema.safeParse(value).success, String(value)).toBe(false);
  });
});
