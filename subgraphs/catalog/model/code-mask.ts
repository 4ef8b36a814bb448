import { codesOf, type Vocabulary } from '../vocabulary/term.js';

/**
 * Coded fields are indexed for search as bit masks: bit i stands for the i-th code of the vocabulary in
 * its declared order. Vocabularies may only grow at the end; reordering them would change the meaning of
 * stored masks (a test pins the order). At most 52 codes, so that masks stay exact JavaScript numbers.
 */
export const MAX_MASK_CODES = 52;

/** The mask of `codes` in `vocabulary`; unknown codes are ignored. */
export function maskOf<Code extends string>(vocabulary: Vocabulary<Code>, codes: readonly string[]): number {
  const all = codesOf(vocabulary) as string[];
  const bits = new Set(codes.map((code) => all.indexOf(code)).filter((bit) => bit >= 0));
  return [...bits].reduce((mask, bit) => mask + 2 ** bit, 0);
}

/** The codes whose bits are set in `mask`, in vocabulary order. */
export function codesInMask<Code extends string>(vocabulary: Vocabulary<Code>, mask: number): Code[] {
  return codesOf(vocabulary).filter((_, bit) => Math.floor(mask / 2 ** bit) % 2 === 1);
}
