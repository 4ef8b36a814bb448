/** A catalogue slug, the form of every dataset and data holder id: `snds-dcir`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A dataset id: a slug for the catalogue's own datasets, `<source>--<slug>` for a harvested one. The
 * double hyphen never occurs in a slug, so a harvested id never collides with one of the catalogue's.
 */
export const DATASET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/**
 * A catalogue slug made from free text, at most `max` characters (cut between words where possible):
 * accents dropped, lowercase, every run of other characters one hyphen (`EU-HDCA-R7 Oncology` gives
 * `eu-hdca-r7-oncology`). Empty when the text has no letter or digit.
 */
export function slugOf(text: string, max: number): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  // Cut at a word boundary when there is one, rather than in the middle of a word.
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}
