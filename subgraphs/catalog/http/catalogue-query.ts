import { z } from 'zod';

/** Datasets per page unless the harvester asks for another size. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page a harvester may ask for. */
export const MAX_PAGE_SIZE = 100;

const wholeNumber = (name: string, max: number) =>
  z
    .string({ error: `${name} must be given once, as a whole number` })
    .regex(/^\d{1,7}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(1, `${name} must be at least 1`).max(max, `${name} must be at most ${max}`));

/**
 * The query string of `GET /catalogue`: `page` (from 1), `page_size` (1 to 100, default 20) and
 * `modified_since` (an ISO 8601 date, or date-time with an offset: only datasets whose catalogue record
 * changed since then). Other parameters are ignored, as harvesters add their own.
 */
export const catalogueQuery = z.object({
  page: wholeNumber('page', 1_000_000).default(1),
  page_size: wholeNumber('page_size', MAX_PAGE_SIZE).optional(),
  modified_since: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'modified_since must be an ISO 8601 date (2024-05-31) or date-time with a time zone (2024-05-31T12:00:00Z)',
    })
    .optional(),
});

export type CatalogueQuery = z.infer<typeof catalogueQuery>;

/** The first problem of a refused query string, as one sentence for the harvester. */
export function queryProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.message}.` : 'The query string is invalid.';
}
