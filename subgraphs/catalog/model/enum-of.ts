import { z } from 'zod';
import { codesOf, type Vocabulary } from '../vocabulary/term.js';

/** A zod enum accepting exactly the codes of a controlled vocabulary. */
export function enumOf<Code extends string>(vocabulary: Vocabulary<Code>) {
  return z.enum(codesOf(vocabulary) as [Code, ...Code[]]);
}
