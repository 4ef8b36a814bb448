import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor, pageSize } from './pagination.js';

const isPosition = z.tuple([z.number(), z.number()]);

describe('cursors', () => {
  it('round-trip their position', () => {
    expect(decodeCursor('k', encodeCursor('k', [0.25, 7]), isPosition)).toEqual([0.25, 7]);
  });

  it.each([
    ['from another list', encodeCursor('other', [1, 2])],
    ['with a position of the wrong shape', encodeCursor('k', ['a', 2])],
    ['that is not base64url', 'not a cursor!'],
    ['that is not JSON', Buffer.from('{{{').toString('base64url')],
    ['that is absurdly long', 'A'.repeat(5000)],
  ])('are refused when %s', (_name, cursor) => {
    expect(() => decodeCursor('k', cursor, isPosition)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR' }) }));
  });
});

describe('pageSize', () => {
  it('defaults to 20 and accepts 1 to 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it('refuses larger and non-positive sizes with their codes', () => {
    expect(() => pageSize(101)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'PAGE_SIZE_TOO_LARGE' }) }));
    expect(() => pageSize(0)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});
