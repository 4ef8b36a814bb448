/** The catalogue's languages. */
export type Language = 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/**
 * Picks the preferred catalogue language from an `Accept-Language` header (RFC 9110 quality values);
 * English when the header is absent or names neither language.
 */
export function languageFromHeader(header: string | undefined | null): Language {
  if (!header) return 'en';
  let best: { lang: Language; q: number } | undefined;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'en';
}

/** Text in each language; either may be missing. */
export interface Localized {
  readonly fr?: string | null | undefined;
  readonly en?: string | null | undefined;
}

/** The text in `lang`, else in the other language, else null. */
export function pick(text: Localized | null | undefined, lang: Language): string | null {
  if (!text) return null;
  return (lang === 'fr' ? (text.fr ?? text.en) : (text.en ?? text.fr)) ?? null;
}
