/**
 * A catalogue slug made from free text, at most `max` characters: accents dropped, lowercase, every run of
 * other characters one hyphen (`EU-HDCA-R7 Oncology` gives `eu-hdca-r7-oncology`). Empty when the text has
 * no letter or digit.
 */
export function slugOf(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
