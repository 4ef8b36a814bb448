/**
 * Synthetic catalogue for load tests and the full-text search benchmark.
 *
 * Everything here is invented: organisations, datasets, figures and URLs (all under
 * https://data.example.org/). The text is built from French and English word banks so that its
 * vocabulary looks like a real health catalogue's: a few very common words ("santé" / "health" in
 * about 60% of datasets), medium ones (conditions such as type 2 diabetes, kinds such as registries)
 * and a long tail of rare ones (rare diseases, small départements, named scales and instruments),
 * so that some searches match a handful of datasets and others tens of thousands.
 *
 * Output is deterministic: every holder and every dataset gets its own PRNG (mulberry32) seeded from
 * the catalogue seed and its number, so dataset `syn-<n>` is the same whatever the number of datasets
 * asked for, and datasets are generated lazily one at a time.
 */
import type { DataHolderRecordInput, DatasetRecordInput } from '../model/dataset-record.js';
import type { AccessRightsCode } from '../vocabulary/access-rights.js';
import type { CodingSystemCode } from '../vocabulary/coding-systems.js';
import type { CountryCode } from '../vocabulary/countries.js';
import type { DataThemeCode } from '../vocabulary/data-themes.js';
import type { FileTypeCode } from '../vocabulary/file-types.js';
import { frequencies, type FrequencyCode } from '../vocabulary/frequencies.js';
import type { HealthCategoryCode } from '../vocabulary/health-categories.js';
import type { HealthThemeCode } from '../vocabulary/health-themes.js';
import type { LegalBasisCode } from '../vocabulary/legal-bases.js';
import type { LegislationCode } from '../vocabulary/legislation.js';
import type { PersonalDataCode } from '../vocabulary/personal-data.js';
import type { PublisherTypeCode } from '../vocabulary/publisher-types.js';
import type { PurposeCode } from '../vocabulary/purposes.js';

export interface SyntheticCatalogOptions {
  /** How many datasets to generate. */
  datasets: number;
  /** PRNG seed; the same options always give the same output. */
  seed?: number;
  /** How many data holders the datasets refer to (default 200); see `syntheticDataHolders`. */
  holders?: number;
}

const DEFAULT_SEED = 20250327;
const DEFAULT_HOLDERS = 200;
const BASE_URL = 'https://data.example.org';
/** Share of datasets whose text speaks of "données de santé" / "health data" (plus topics named after health). */
const HEALTH_WORD_SHARE = 0.58;

// ---------------------------------------------------------------------------------------------
// PRNG and sampling helpers

type Rng = () => number;

/** A French text and its English counterpart. */
interface Pair {
  fr: string;
  en: string;
}

/** mulberry32: a tiny 32-bit PRNG, good enough for synthetic data. */
function mulberry32(state: number): Rng {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-mixed 32-bit seed for item `n` of a stream (`salt` separates holders from datasets). */
function itemSeed(seed: number, n: number, salt: number): number {
  let h = (seed ^ Math.imul(n, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function normalizeSeed(seed: number | undefined): number {
  const s = seed ?? DEFAULT_SEED;
  if (!Number.isFinite(s)) throw new RangeError(`seed must be a finite number, got ${s}`);
  // Keep 32 bits but let seeds above 2^32 still differ from their low bits.
  return (Math.trunc(s) ^ Math.trunc(s / 4294967296)) >>> 0;
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Log-uniform integer in [min, max]: sizes spread over orders of magnitude. */
function logInt(rng: Rng, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min))));
}

/** Fisher-Yates shuffle of a copy. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** Picks items with probability proportional to their weight (binary search over cumulative weights). */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weightOf: (item: T, index: number) => number,
  ) {
    let sum = 0;
    items.forEach((item, i) => {
      sum += weightOf(item, i);
      this.cumulative.push(sum);
    });
    if (items.length === 0 || sum <= 0) throw new Error('a weighted bank needs items with positive weights');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  /** Up to `k` distinct items. */
  pickDistinct(rng: Rng, k: number): T[] {
    const out: T[] = [];
    for (let attempt = 0; out.length < k && attempt < k * 6; attempt++) {
      const item = this.pick(rng);
      if (!out.includes(item)) out.push(item);
    }
    return out;
  }
}

function byWeight<T extends { weight: number }>(items: readonly T[]): Weighted<T> {
  return new Weighted(items, (item) => item.weight);
}

/** Zipf-like weights by position: the first items are common, the last ones rare. */
function zipf<T>(items: readonly T[], exponent = 1): Weighted<T> {
  return new Weighted(items, (_, i) => 1 / Math.pow(i + 1, exponent));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listFr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const FR_VOWEL = /^[aeiouyhàâäéèêëîïôöûüœAEIOUYHÀÂÉÈÊÎÔÛŒ]/;

/** "de" + a bare noun phrase, with elision: "de diabète", "d'insuffisance cardiaque". */
function deBare(noun: string): string {
  return FR_VOWEL.test(noun) ? `d'${noun}` : `de ${noun}`;
}

// ---------------------------------------------------------------------------------------------
// Places

/** f: feminine (de/en), m: masculine (du/dans le), l: elided (de l'/dans l'), p: plural (des/dans les), c: city (de/à). */
type PlaceKind = 'f' | 'm' | 'l' | 'p' | 'c';
type PlaceLevel = 'region' | 'dept' | 'city';

interface Place {
  fr: string;
  en: string;
  /** "de Gironde", "du Finistère", "d'Île-de-France", "de Lyon". */
  frDe: string;
  /** "en Gironde", "dans le Finistère", "en Île-de-France", "à Lyon". */
  frIn: string;
  level: PlaceLevel;
}

function place(kind: PlaceKind, level: PlaceLevel, fr: string, en: string = fr): Place {
  const vowel = FR_VOWEL.test(fr);
  switch (kind) {
    case 'f':
      return { fr, en, level, frDe: vowel ? `d'${fr}` : `de ${fr}`, frIn: `en ${fr}` };
    case 'm':
      return { fr, en, level, frDe: `du ${fr}`, frIn: `dans le ${fr}` };
    case 'l':
      return { fr, en, level, frDe: `de l'${fr}`, frIn: `dans l'${fr}` };
    case 'p':
      return { fr, en, level, frDe: `des ${fr}`, frIn: `dans les ${fr}` };
    case 'c':
      return { fr, en, level, frDe: vowel ? `d'${fr}` : `de ${fr}`, frIn: `à ${fr}` };
  }
}

const r = (kind: PlaceKind, fr: string, en?: string) => place(kind, 'region', fr, en);
const d = (kind: PlaceKind, fr: string, en?: string) => place(kind, 'dept', fr, en);
const c = (fr: string, en?: string) => place('c', 'city', fr, en);

interface CountryInfo {
  code: CountryCode;
  fr: string;
  en: string;
  /** English adjective, for organisation names. */
  adjective: string;
  frIn: string;
  frDe: string;
  /** Share of datasets (relative weight). */
  weight: number;
  /** Ordered from most to least frequent. */
  places: Place[];
}

const COUNTRIES: CountryInfo[] = [
  {
    code: 'FRA',
    fr: 'France',
    en: 'France',
    adjective: 'French',
    frIn: 'en France',
    frDe: 'de France',
    weight: 40,
    places: [
      r('f', 'Île-de-France'),
      r('f', 'Auvergne-Rhône-Alpes'),
      r('f', 'Nouvelle-Aquitaine'),
      r('f', 'Occitanie'),
      r('p', 'Hauts-de-France'),
      r('f', 'Bretagne', 'Brittany'),
      r('m', 'Grand Est'),
      r('f', "Provence-Alpes-Côte d'Azur"),
      r('p', 'Pays de la Loire'),
      r('f', 'Normandie', 'Normandy'),
      c('Paris'),
      c('Lyon'),
      c('Marseille'),
      d('f', 'Gironde'),
      r('f', 'Bourgogne-Franche-Comté'),
      r('m', 'Centre-Val de Loire'),
      c('Lille'),
      c('Toulouse'),
      d('m', 'Nord'),
      d('p', 'Bouches-du-Rhône'),
      c('Bordeaux'),
      c('Nantes'),
      c('Strasbourg'),
      d('m', 'Rhône'),
      d('f', 'Seine-Saint-Denis'),
      d('f', 'Haute-Garonne'),
      c('Montpellier'),
      c('Rennes'),
      d('m', 'Finistère'),
      d('f', 'Loire-Atlantique'),
      c('Grenoble'),
      d('l', 'Hérault'),
      d('l', 'Isère'),
      c('Dijon'),
      r('f', 'Corse', 'Corsica'),
      c('La Réunion', 'Réunion'),
      c('Brest'),
      d('m', 'Calvados'),
      d('m', 'Morbihan'),
      d('m', 'Bas-Rhin'),
      c('Clermont-Ferrand'),
      c('Limoges'),
      d('f', 'Guadeloupe'),
      d('f', 'Martinique'),
      d('f', 'Guyane', 'French Guiana'),
      d('m', 'Doubs'),
      d('f', 'Somme'),
      c('Amiens'),
      c('Reims'),
      d('f', 'Manche'),
      d('f', 'Vendée'),
      d('f', 'Savoie'),
      c('Besançon'),
      c('Angers'),
      c('Tours'),
      c('Nancy'),
      c('Poitiers'),
      c('Caen'),
      c('Rouen'),
      c('Saint-Étienne'),
      d('m', 'Tarn'),
      d('l', 'Aveyron'),
      d('m', 'Cantal'),
      d('f', 'Lozère'),
      d('f', 'Creuse'),
      d('p', 'Hautes-Alpes'),
      d('f', 'Ardèche'),
      d('m', 'Vaucluse'),
      d('f', 'Haute-Vienne'),
      d('m', 'Puy-de-Dôme'),
    ],
  },
  {
    code: 'DEU',
    fr: 'Allemagne',
    en: 'Germany',
    adjective: 'German',
    frIn: 'en Allemagne',
    frDe: "d'Allemagne",
    weight: 9,
    places: [
      r('f', 'Bavière', 'Bavaria'),
      c('Berlin'),
      r('f', 'Rhénanie-du-Nord-Westphalie', 'North Rhine-Westphalia'),
      c('Hambourg', 'Hamburg'),
      c('Munich'),
      r('f', 'Saxe', 'Saxony'),
      c('Cologne'),
      c('Heidelberg'),
      c('Leipzig'),
    ],
  },
  {
    code: 'ITA',
    fr: 'Italie',
    en: 'Italy',
    adjective: 'Italian',
    frIn: 'en Italie',
    frDe: "d'Italie",
    weight: 7,
    places: [
      r('f', 'Lombardie', 'Lombardy'),
      c('Rome'),
      r('f', 'Toscane', 'Tuscany'),
      c('Milan'),
      r('f', 'Émilie-Romagne', 'Emilia-Romagna'),
      r('m', 'Piémont', 'Piedmont'),
      c('Bologne', 'Bologna'),
      c('Turin'),
      r('f', 'Sicile', 'Sicily'),
      c('Padoue', 'Padua'),
    ],
  },
  {
    code: 'ESP',
    fr: 'Espagne',
    en: 'Spain',
    adjective: 'Spanish',
    frIn: 'en Espagne',
    frDe: "d'Espagne",
    weight: 7,
    places: [
      r('f', 'Catalogne', 'Catalonia'),
      c('Madrid'),
      r('f', 'Andalousie', 'Andalusia'),
      c('Barcelone', 'Barcelona'),
      r('m', 'Pays basque', 'Basque Country'),
      c('Valence', 'Valencia'),
      r('f', 'Galice', 'Galicia'),
      c('Séville', 'Seville'),
      r('f', 'Navarre', 'Navarre'),
    ],
  },
  {
    code: 'NLD',
    fr: 'Pays-Bas',
    en: 'Netherlands',
    adjective: 'Dutch',
    frIn: 'aux Pays-Bas',
    frDe: 'des Pays-Bas',
    weight: 6,
    places: [c('Amsterdam'), c('Rotterdam'), c('Utrecht'), c('Groningue', 'Groningen'), c('Leyde', 'Leiden'), c('Maastricht'), c('Nimègue', 'Nijmegen')],
  },
  {
    code: 'BEL',
    fr: 'Belgique',
    en: 'Belgium',
    adjective: 'Belgian',
    frIn: 'en Belgique',
    frDe: 'de Belgique',
    weight: 5,
    places: [
      r('f', 'Flandre', 'Flanders'),
      r('f', 'Wallonie', 'Wallonia'),
      c('Bruxelles', 'Brussels'),
      c('Liège'),
      c('Anvers', 'Antwerp'),
      c('Gand', 'Ghent'),
      c('Louvain', 'Leuven'),
      c('Namur'),
    ],
  },
  {
    code: 'FIN',
    fr: 'Finlande',
    en: 'Finland',
    adjective: 'Finnish',
    frIn: 'en Finlande',
    frDe: 'de Finlande',
    weight: 5,
    places: [c('Helsinki'), r('l', 'Uusimaa'), c('Tampere'), c('Turku'), c('Oulu'), c('Kuopio'), r('f', 'Laponie', 'Lapland')],
  },
  {
    code: 'SWE',
    fr: 'Suède',
    en: 'Sweden',
    adjective: 'Swedish',
    frIn: 'en Suède',
    frDe: 'de Suède',
    weight: 5,
    places: [c('Stockholm'), r('f', 'Scanie', 'Skåne'), c('Göteborg', 'Gothenburg'), c('Uppsala'), c('Malmö'), c('Umeå'), c('Linköping')],
  },
  {
    code: 'DNK',
    fr: 'Danemark',
    en: 'Denmark',
    adjective: 'Danish',
    frIn: 'au Danemark',
    frDe: 'du Danemark',
    weight: 4,
    places: [c('Copenhague', 'Copenhagen'), c('Aarhus'), r('m', 'Jutland du Nord', 'North Jutland'), c('Odense'), c('Aalborg')],
  },
  {
    code: 'AUT',
    fr: 'Autriche',
    en: 'Austria',
    adjective: 'Austrian',
    frIn: 'en Autriche',
    frDe: "d'Autriche",
    weight: 3,
    places: [c('Vienne', 'Vienna'), r('m', 'Tyrol'), r('f', 'Styrie', 'Styria'), c('Salzbourg', 'Salzburg'), c('Graz'), c('Innsbruck')],
  },
  {
    code: 'PRT',
    fr: 'Portugal',
    en: 'Portugal',
    adjective: 'Portuguese',
    frIn: 'au Portugal',
    frDe: 'du Portugal',
    weight: 3,
    places: [c('Lisbonne', 'Lisbon'), c('Porto'), r('l', 'Algarve'), c('Coimbra'), c('Braga')],
  },
  {
    code: 'IRL',
    fr: 'Irlande',
    en: 'Ireland',
    adjective: 'Irish',
    frIn: 'en Irlande',
    frDe: "d'Irlande",
    weight: 2,
    places: [c('Dublin'), c('Cork'), c('Galway'), c('Limerick')],
  },
  {
    code: 'POL',
    fr: 'Pologne',
    en: 'Poland',
    adjective: 'Polish',
    frIn: 'en Pologne',
    frDe: 'de Pologne',
    weight: 2,
    places: [c('Varsovie', 'Warsaw'), r('f', 'Mazovie', 'Masovia'), c('Cracovie', 'Kraków'), c('Gdańsk'), c('Wrocław'), c('Poznań')],
  },
  {
    code: 'CZE',
    fr: 'Tchéquie',
    en: 'Czechia',
    adjective: 'Czech',
    frIn: 'en Tchéquie',
    frDe: 'de Tchéquie',
    weight: 1.5,
    places: [c('Prague'), c('Brno'), r('f', 'Moravie-du-Sud', 'South Moravia'), c('Olomouc')],
  },
  {
    code: 'GRC',
    fr: 'Grèce',
    en: 'Greece',
    adjective: 'Greek',
    frIn: 'en Grèce',
    frDe: 'de Grèce',
    weight: 1,
    places: [c('Athènes', 'Athens'), c('Thessalonique', 'Thessaloniki'), r('f', 'Crète', 'Crete'), c('Patras')],
  },
  {
    code: 'EST',
    fr: 'Estonie',
    en: 'Estonia',
    adjective: 'Estonian',
    frIn: 'en Estonie',
    frDe: "d'Estonie",
    weight: 1,
    places: [c('Tallinn'), c('Tartu')],
  },
];

const COUNTRY_BY_CODE = new Map<CountryCode, CountryInfo>(COUNTRIES.map((info) => [info.code, info]));
const COUNTRY_BANK = byWeight(COUNTRIES);
const PLACE_BANKS = new Map<CountryCode, Weighted<Place>>(COUNTRIES.map((info) => [info.code, zipf(info.places, 0.9)]));

function countryInfo(code: CountryCode): CountryInfo {
  return COUNTRY_BY_CODE.get(code) as CountryInfo;
}

// ---------------------------------------------------------------------------------------------
// Topics: conditions (with a "patients with ..." form) and other subjects

type Group =
  | 'onco'
  | 'cardio'
  | 'metabolic'
  | 'resp'
  | 'infect'
  | 'neuro'
  | 'mental'
  | 'chronic'
  | 'perinatal'
  | 'rare'
  | 'care'
  | 'mortality'
  | 'drugs'
  | 'lifestyle'
  | 'environment'
  | 'injury'
  | 'ageing';

type PopKey =
  | 'patients'
  | 'adults'
  | 'children'
  | 'adolescents'
  | 'newborns'
  | 'older'
  | 'pregnant'
  | 'women'
  | 'men'
  | 'employees'
  | 'students'
  | 'precarious'
  | 'migrants'
  | 'prisoners'
  | 'military'
  | 'farmers'
  | 'twins'
  | 'residents';

interface Topic {
  fr: string;
  en: string;
  /** With its article after "de": "du cancer du sein", "de l'asthme", "des maladies rares". */
  frDeArt: string;
  /** "sur le cancer du sein", derived from frDeArt. */
  frSur: string;
  /** "au cancer du sein", derived from frDeArt. */
  frA: string;
  /** For conditions: "atteint* d'un cancer du sein" (`*` takes the population's agreement). */
  frWith?: string;
  /** For conditions: "with breast cancer". */
  enWith?: string;
  weight: number;
  group: Group;
  pops?: PopKey[];
  themes?: HealthThemeCode[];
  /** True when the topic's own name says "santé" / "health". */
  healthWord?: boolean;
}

function derive(frDeArt: string): { frSur: string; frA: string } {
  if (frDeArt.startsWith('du ')) return { frSur: `sur le ${frDeArt.slice(3)}`, frA: `au ${frDeArt.slice(3)}` };
  if (frDeArt.startsWith('de la ')) return { frSur: `sur la ${frDeArt.slice(6)}`, frA: `à la ${frDeArt.slice(6)}` };
  if (frDeArt.startsWith("de l'")) return { frSur: `sur l'${frDeArt.slice(5)}`, frA: `à l'${frDeArt.slice(5)}` };
  if (frDeArt.startsWith('des ')) return { frSur: `sur les ${frDeArt.slice(4)}`, frA: `aux ${frDeArt.slice(4)}` };
  throw new Error(`unexpected French article in "${frDeArt}"`);
}

/** A condition. */
function cond(
  fr: string,
  frDeArt: string,
  frWith: string,
  en: string,
  weight: number,
  group: Group,
  extra: { enWith?: string; pops?: PopKey[]; themes?: HealthThemeCode[] } = {},
): Topic {
  return { fr, en, frDeArt, ...derive(frDeArt), frWith, enWith: extra.enWith ?? `with ${en}`, weight, group, pops: extra.pops, themes: extra.themes };
}

/** A subject that is not a condition (no "patients with ..." form). */
function subject(
  fr: string,
  frDeArt: string,
  en: string,
  weight: number,
  group: Group,
  extra: { pops?: PopKey[]; themes?: HealthThemeCode[]; healthWord?: boolean } = {},
): Topic {
  return { fr, en, frDeArt, ...derive(frDeArt), weight, group, ...extra };
}

const WOMEN: PopKey[] = ['patients', 'women', 'adults'];
const MEN: PopKey[] = ['patients', 'men', 'adults'];
const OLDER: PopKey[] = ['patients', 'older', 'residents'];
const RESPIRATORY_INFECTION: HealthThemeCode[] = ['IMMUNIZATION_DISEASES', 'RESPIRATORY_DISEASES'];
const BLOOD: HealthThemeCode[] = ['BLOOD_INFECTIONS'];

/** Weights are in per cent of datasets (roughly; they are normalised). */
const TOPICS: Topic[] = [
  // Cancers (the word "cancer" itself): about 6.5% of datasets, plus cancer screening.
  cond('cancer du sein', 'du cancer du sein', "atteint* d'un cancer du sein", 'breast cancer', 1.4, 'onco', { pops: WOMEN }),
  cond('cancer du poumon', 'du cancer du poumon', "atteint* d'un cancer du poumon", 'lung cancer', 0.95, 'onco'),
  cond('cancer colorectal', 'du cancer colorectal', "atteint* d'un cancer colorectal", 'colorectal cancer', 0.8, 'onco'),
  cond('cancer de la prostate', 'du cancer de la prostate', "atteint* d'un cancer de la prostate", 'prostate cancer', 0.7, 'onco', { pops: MEN }),
  cond('cancer du pancréas', 'du cancer du pancréas', "atteint* d'un cancer du pancréas", 'pancreatic cancer', 0.35, 'onco'),
  cond("cancer du col de l'utérus", "du cancer du col de l'utérus", "atteint* d'un cancer du col de l'utérus", 'cervical cancer', 0.35, 'onco', { pops: WOMEN }),
  cond("cancers de l'enfant", "des cancers de l'enfant", "atteint* d'un cancer", 'childhood cancer', 0.3, 'onco', {
    enWith: 'with cancer',
    pops: ['children', 'adolescents'],
  }),
  cond("cancer de l'ovaire", "du cancer de l'ovaire", "atteint* d'un cancer de l'ovaire", 'ovarian cancer', 0.25, 'onco', { pops: WOMEN }),
  cond('cancer de la thyroïde', 'du cancer de la thyroïde', "atteint* d'un cancer de la thyroïde", 'thyroid cancer', 0.25, 'onco'),
  cond('cancer de la vessie', 'du cancer de la vessie', "atteint* d'un cancer de la vessie", 'bladder cancer', 0.2, 'onco'),
  cond("cancer de l'estomac", "du cancer de l'estomac", "atteint* d'un cancer de l'estomac", 'stomach cancer', 0.15, 'onco'),
  cond('cancer du foie', 'du cancer du foie', "atteint* d'un cancer du foie", 'liver cancer', 0.15, 'onco'),
  // Other malignancies (oncology without the word "cancer")
  cond('leucémies', 'des leucémies', 'atteint* de leucémie', 'leukaemia', 0.3, 'onco'),
  cond('lymphomes', 'des lymphomes', "atteint* d'un lymphome", 'lymphoma', 0.25, 'onco'),
  cond('mélanome', 'du mélanome', "atteint* d'un mélanome", 'melanoma', 0.25, 'onco'),
  cond('myélome multiple', 'du myélome multiple', "atteint* d'un myélome multiple", 'multiple myeloma', 0.1, 'onco'),
  // Cardiovascular and metabolic
  cond('diabète de type 2', 'du diabète de type 2', 'atteint* de diabète de type 2', 'type 2 diabetes', 4.0, 'metabolic'),
  cond('hypertension artérielle', "de l'hypertension artérielle", "atteint* d'hypertension artérielle", 'hypertension', 2.5, 'cardio'),
  cond('insuffisance cardiaque', "de l'insuffisance cardiaque", "atteint* d'insuffisance cardiaque", 'heart failure', 2.5, 'cardio'),
  cond('accident vasculaire cérébral', "de l'accident vasculaire cérébral", 'ayant présenté un accident vasculaire cérébral', 'stroke', 2.2, 'cardio', {
    enWith: 'who had a stroke',
  }),
  cond('obésité', "de l'obésité", "en situation d'obésité", 'obesity', 2.0, 'metabolic', { enWith: 'living with obesity' }),
  cond('infarctus du myocarde', "de l'infarctus du myocarde", 'ayant présenté un infarctus du myocarde', 'myocardial infarction', 1.8, 'cardio', {
    enWith: 'who had a myocardial infarction',
  }),
  cond('diabète de type 1', 'du diabète de type 1', 'atteint* de diabète de type 1', 'type 1 diabetes', 1.2, 'metabolic'),
  cond('fibrillation atriale', 'de la fibrillation atriale', 'atteint* de fibrillation atriale', 'atrial fibrillation', 1.0, 'cardio'),
  cond('hypercholestérolémie', "de l'hypercholestérolémie", "atteint* d'hypercholestérolémie", 'hypercholesterolaemia', 0.6, 'metabolic'),
  // Respiratory
  cond('asthme', "de l'asthme", 'asthmatiques', 'asthma', 2.0, 'resp'),
  cond(
    'bronchopneumopathie chronique obstructive (BPCO)',
    'de la bronchopneumopathie chronique obstructive (BPCO)',
    'atteint* de BPCO',
    'chronic obstructive pulmonary disease (COPD)',
    1.5,
    'resp',
    { enWith: 'with COPD' },
  ),
  cond("syndrome d'apnées du sommeil", "du syndrome d'apnées du sommeil", "souffrant d'apnées du sommeil", 'sleep apnoea', 0.5, 'resp'),
  // Infectious diseases
  cond('COVID-19', 'de la COVID-19', 'atteint* de COVID-19', 'COVID-19', 3.0, 'infect', { themes: RESPIRATORY_INFECTION }),
  cond('grippe', 'de la grippe', 'atteint* de grippe', 'influenza', 1.5, 'infect', { themes: RESPIRATORY_INFECTION }),
  cond('infection par le VIH', "de l'infection par le VIH", 'vivant avec le VIH', 'HIV infection', 1.0, 'infect', { enWith: 'living with HIV', themes: BLOOD }),
  cond('hépatite C', "de l'hépatite C", "atteint* d'hépatite C", 'hepatitis C', 0.6, 'infect', { themes: BLOOD }),
  cond('tuberculose', 'de la tuberculose', 'atteint* de tuberculose', 'tuberculosis', 0.6, 'infect', { themes: ['RESPIRATORY_DISEASES'] }),
  cond('hépatite B', "de l'hépatite B", "atteint* d'hépatite B", 'hepatitis B', 0.4, 'infect', { themes: ['BLOOD_INFECTIONS', 'IMMUNIZATION_DISEASES'] }),
  cond(
    'infections sexuellement transmissibles',
    'des infections sexuellement transmissibles',
    "atteint* d'une infection sexuellement transmissible",
    'sexually transmitted infections',
    0.4,
    'infect',
    { enWith: 'with a sexually transmitted infection', themes: ['REPRODUCTIVE_HEALTH'] },
  ),
  cond('bronchiolite', 'de la bronchiolite', 'atteint* de bronchiolite', 'bronchiolitis', 0.4, 'infect', {
    pops: ['children', 'newborns'],
    themes: ['RESPIRATORY_DISEASES'],
  }),
  cond('sepsis', 'du sepsis', 'atteint* de sepsis', 'sepsis', 0.4, 'infect', { themes: BLOOD }),
  cond('rougeole', 'de la rougeole', 'atteint* de rougeole', 'measles', 0.3, 'infect', { themes: ['IMMUNIZATION_DISEASES'] }),
  cond('maladie de Lyme', 'de la maladie de Lyme', 'atteint* de la maladie de Lyme', 'Lyme disease', 0.3, 'infect', { themes: ['VECTOR_DISEASES'] }),
  cond('dengue', 'de la dengue', 'atteint* de dengue', 'dengue', 0.08, 'infect', { themes: ['VECTOR_DISEASES', 'TROPICAL_DISEASES'] }),
  // Neurology
  cond("maladie d'Alzheimer", "de la maladie d'Alzheimer", "atteint* de la maladie d'Alzheimer", "Alzheimer's disease", 1.5, 'neuro', { pops: OLDER }),
  cond('maladie de Parkinson', 'de la maladie de Parkinson', 'atteint* de la maladie de Parkinson', "Parkinson's disease", 0.8, 'neuro', {
    pops: ['patients', 'older'],
  }),
  cond('sclérose en plaques', 'de la sclérose en plaques', 'atteint* de sclérose en plaques', 'multiple sclerosis', 0.7, 'neuro'),
  cond('épilepsie', "de l'épilepsie", 'épileptiques', 'epilepsy', 0.6, 'neuro'),
  cond('migraine', 'de la migraine', 'souffrant de migraine', 'migraine', 0.3, 'neuro'),
  cond(
    'sclérose latérale amyotrophique',
    'de la sclérose latérale amyotrophique',
    'atteint* de sclérose latérale amyotrophique',
    'amyotrophic lateral sclerosis',
    0.15,
    'neuro',
  ),
  cond('maladie de Huntington', 'de la maladie de Huntington', 'atteint* de la maladie de Huntington', "Huntington's disease", 0.05, 'neuro'),
  cond('narcolepsie', 'de la narcolepsie', 'atteint* de narcolepsie', 'narcolepsy', 0.04, 'neuro'),
  // Mental disorders
  cond('dépression', 'de la dépression', 'souffrant de dépression', 'depression', 1.8, 'mental'),
  cond('schizophrénie', 'de la schizophrénie', 'atteint* de schizophrénie', 'schizophrenia', 0.6, 'mental'),
  cond(
    "troubles du spectre de l'autisme",
    "des troubles du spectre de l'autisme",
    "présentant un trouble du spectre de l'autisme",
    'autism spectrum disorder',
    0.6,
    'mental',
    { pops: ['children', 'adolescents', 'adults'] },
  ),
  cond(
    "troubles liés à l'usage d'alcool",
    "des troubles liés à l'usage d'alcool",
    "présentant un trouble lié à l'usage d'alcool",
    'alcohol use disorder',
    0.6,
    'mental',
  ),
  cond('troubles bipolaires', 'des troubles bipolaires', 'atteint* de troubles bipolaires', 'bipolar disorder', 0.5, 'mental'),
  cond(
    'troubles des conduites alimentaires',
    'des troubles des conduites alimentaires',
    'souffrant de troubles des conduites alimentaires',
    'eating disorders',
    0.3,
    'mental',
    { pops: ['adolescents', 'women', 'students'] },
  ),
  cond(
    "trouble du déficit de l'attention avec hyperactivité (TDAH)",
    "du trouble du déficit de l'attention avec hyperactivité (TDAH)",
    'présentant un TDAH',
    'attention deficit hyperactivity disorder (ADHD)',
    0.3,
    'mental',
    { enWith: 'with ADHD', pops: ['children', 'adolescents', 'adults'] },
  ),
  // Other chronic diseases
  cond('insuffisance rénale chronique', "de l'insuffisance rénale chronique", "atteint* d'insuffisance rénale chronique", 'chronic kidney disease', 1.2, 'chronic'),
  cond('polyarthrite rhumatoïde', 'de la polyarthrite rhumatoïde', 'atteint* de polyarthrite rhumatoïde', 'rheumatoid arthritis', 0.5, 'chronic'),
  cond('ostéoporose', "de l'ostéoporose", "atteint* d'ostéoporose", 'osteoporosis', 0.5, 'chronic', { pops: ['patients', 'women', 'older'] }),
  cond('arthrose', "de l'arthrose", "atteint* d'arthrose", 'osteoarthritis', 0.5, 'chronic'),
  cond('maladie de Crohn', 'de la maladie de Crohn', 'atteint* de la maladie de Crohn', "Crohn's disease", 0.4, 'chronic'),
  cond('psoriasis', 'du psoriasis', 'atteint* de psoriasis', 'psoriasis', 0.3, 'chronic'),
  cond('cirrhose', 'de la cirrhose', 'atteint* de cirrhose', 'liver cirrhosis', 0.2, 'chronic'),
  cond(
    "dégénérescence maculaire liée à l'âge (DMLA)",
    "de la dégénérescence maculaire liée à l'âge (DMLA)",
    'atteint* de DMLA',
    'age-related macular degeneration',
    0.2,
    'chronic',
    { pops: OLDER, themes: ['SENSORY_HEALTH'] },
  ),
  cond('glaucome', 'du glaucome', 'atteint* de glaucome', 'glaucoma', 0.15, 'chronic', { themes: ['SENSORY_HEALTH'] }),
  cond('surdité', 'de la surdité', 'atteint* de surdité', 'hearing loss', 0.15, 'chronic', { themes: ['SENSORY_HEALTH'] }),
  cond('lupus érythémateux systémique', 'du lupus érythémateux systémique', 'atteint* de lupus', 'systemic lupus erythematosus', 0.1, 'chronic'),
  // Perinatal
  cond('prématurité', 'de la prématurité', 'nés prématurément', 'preterm birth', 0.8, 'perinatal', { enWith: 'born preterm', pops: ['children'] }),
  cond('anomalies congénitales', 'des anomalies congénitales', "porteurs d'une anomalie congénitale", 'congenital anomalies', 0.4, 'perinatal', {
    enWith: 'with a congenital anomaly',
    pops: ['newborns', 'children'],
  }),
  cond('diabète gestationnel', 'du diabète gestationnel', 'présentant un diabète gestationnel', 'gestational diabetes', 0.3, 'perinatal', {
    pops: ['pregnant'],
  }),
  // Rare diseases
  cond('maladies rares', 'des maladies rares', "atteint* d'une maladie rare", 'rare diseases', 0.8, 'rare', { enWith: 'with a rare disease' }),
  cond('mucoviscidose', 'de la mucoviscidose', 'atteint* de mucoviscidose', 'cystic fibrosis', 0.3, 'rare'),
  cond('drépanocytose', 'de la drépanocytose', 'atteint* de drépanocytose', 'sickle cell disease', 0.2, 'rare'),
  cond('hémophilie', "de l'hémophilie", 'hémophiles', 'haemophilia', 0.15, 'rare'),
  cond(
    'dystrophie musculaire de Duchenne',
    'de la dystrophie musculaire de Duchenne',
    'atteint* de dystrophie musculaire de Duchenne',
    'Duchenne muscular dystrophy',
    0.06,
    'rare',
    { pops: ['children', 'adolescents'] },
  ),
  cond('sarcoïdose', 'de la sarcoïdose', 'atteint* de sarcoïdose', 'sarcoidosis', 0.05, 'rare'),
  cond('maladie de Fabry', 'de la maladie de Fabry', 'atteint* de la maladie de Fabry', 'Fabry disease', 0.03, 'rare'),

  // Subjects that are not conditions
  subject('recours aux soins', 'du recours aux soins', 'use of care services', 5.0, 'care'),
  subject('activité hospitalière', "de l'activité hospitalière", 'hospital activity', 4.0, 'care'),
  subject('dispensation de médicaments', 'de la dispensation de médicaments', 'medicine dispensing', 3.5, 'drugs'),
  subject('causes de décès', 'des causes de décès', 'causes of death', 2.5, 'mortality'),
  subject('couverture vaccinale', 'de la couverture vaccinale', 'vaccination coverage', 2.0, 'infect', { themes: ['IMMUNIZATION_DISEASES'] }),
  subject('santé mentale', 'de la santé mentale', 'mental health', 2.0, 'mental', { healthWord: true }),
  subject('tabagisme', 'du tabagisme', 'smoking', 1.2, 'lifestyle'),
  subject('santé périnatale', 'de la santé périnatale', 'perinatal health', 1.0, 'perinatal', {
    healthWord: true,
    pops: ['pregnant', 'newborns', 'women'],
  }),
  subject('nutrition', 'de la nutrition', 'nutrition', 1.0, 'lifestyle', { themes: ['NUTRITION_SECURITY'] }),
  subject('activité physique', "de l'activité physique", 'physical activity', 0.8, 'lifestyle'),
  subject("consommation d'alcool", "de la consommation d'alcool", 'alcohol consumption', 0.8, 'lifestyle'),
  subject('antibiorésistance', "de l'antibiorésistance", 'antimicrobial resistance', 0.8, 'infect', { themes: ['ANTIMICROBIAL_CONTROL'] }),
  subject('santé au travail', 'de la santé au travail', 'occupational health', 0.6, 'environment', {
    healthWord: true,
    pops: ['employees', 'farmers', 'military'],
  }),
  subject("pollution de l'air", "de la pollution de l'air", 'air pollution exposure', 0.6, 'environment'),
  subject('infections nosocomiales', 'des infections nosocomiales', 'hospital-acquired infections', 0.6, 'infect', {
    themes: ['ANTIMICROBIAL_CONTROL', 'BLOOD_INFECTIONS'],
  }),
  subject("perte d'autonomie", "de la perte d'autonomie", 'loss of autonomy', 0.6, 'ageing', { pops: OLDER }),
  subject('santé bucco-dentaire', 'de la santé bucco-dentaire', 'oral health', 0.5, 'chronic', { healthWord: true }),
  subject('chutes', 'des chutes', 'falls', 0.5, 'injury', { pops: OLDER }),
  subject('effets indésirables des médicaments', 'des effets indésirables des médicaments', 'adverse drug reactions', 0.5, 'drugs'),
  subject('dépistage organisé des cancers', 'du dépistage organisé des cancers', 'organised cancer screening', 0.4, 'onco', {
    pops: ['adults', 'women', 'men'],
  }),
  subject('tentatives de suicide', 'des tentatives de suicide', 'suicide attempts', 0.4, 'mental'),
  subject('traumatismes routiers', 'des traumatismes routiers', 'road traffic injuries', 0.4, 'injury'),
  subject('soins palliatifs', 'des soins palliatifs', 'palliative care', 0.4, 'care'),
  subject("transplantation d'organes", "de la transplantation d'organes", 'organ transplantation', 0.4, 'care'),
  subject('démographie médicale', 'de la démographie médicale', 'medical workforce', 0.4, 'care', { pops: ['patients'] }),
  subject('dispositifs médicaux implantables', 'des dispositifs médicaux implantables', 'implantable medical devices', 0.3, 'drugs'),
  subject('vagues de chaleur', 'des vagues de chaleur', 'heatwaves', 0.2, 'environment', { themes: ['CLIMATE_HEALTH', 'ENVIRONMENTAL_HEALTH'] }),
  subject('mort inattendue du nourrisson', 'de la mort inattendue du nourrisson', 'sudden unexpected infant death', 0.08, 'perinatal', {
    pops: ['newborns'],
  }),
  subject('intoxications au monoxyde de carbone', 'des intoxications au monoxyde de carbone', 'carbon monoxide poisoning', 0.06, 'environment'),
];

const TOPIC_BANK = byWeight(TOPICS);

interface GroupInfo {
  kwFr: string;
  kwEn: string;
  themes: HealthThemeCode[];
  coding: CodingSystemCode[];
}

const GROUPS: Record<Group, GroupInfo> = {
  onco: { kwFr: 'oncologie', kwEn: 'oncology', themes: ['CANCER_DISEASE', 'NONCOMMUNICABLE_DISEASES'], coding: ['ICD_O_3'] },
  cardio: { kwFr: 'maladies cardiovasculaires', kwEn: 'cardiovascular diseases', themes: ['NONCOMMUNICABLE_DISEASES'], coding: [] },
  metabolic: {
    kwFr: 'maladies métaboliques',
    kwEn: 'metabolic diseases',
    themes: ['NONCOMMUNICABLE_DISEASES', 'NUTRITION_SECURITY'],
    coding: ['LOINC'],
  },
  resp: { kwFr: 'maladies respiratoires', kwEn: 'respiratory diseases', themes: ['RESPIRATORY_DISEASES', 'NONCOMMUNICABLE_DISEASES'], coding: [] },
  infect: { kwFr: 'maladies infectieuses', kwEn: 'infectious diseases', themes: ['IMMUNIZATION_DISEASES'], coding: ['LOINC'] },
  neuro: { kwFr: 'neurologie', kwEn: 'neurology', themes: ['NONCOMMUNICABLE_DISEASES'], coding: [] },
  mental: { kwFr: 'psychiatrie', kwEn: 'psychiatry', themes: ['MENTAL_HEALTH'], coding: [] },
  chronic: { kwFr: 'maladies chroniques', kwEn: 'chronic diseases', themes: ['NONCOMMUNICABLE_DISEASES'], coding: [] },
  perinatal: { kwFr: 'périnatalité', kwEn: 'perinatal care', themes: ['REPRODUCTIVE_HEALTH', 'LIFECOURSE_HEALTH'], coding: [] },
  rare: { kwFr: 'maladies rares', kwEn: 'rare diseases', themes: ['NONCOMMUNICABLE_DISEASES'], coding: ['ORPHACODE'] },
  care: { kwFr: 'organisation des soins', kwEn: 'care organisation', themes: ['HEALTH_SYSTEMS'], coding: ['PROC_CODES_NAT'] },
  mortality: { kwFr: 'mortalité', kwEn: 'mortality', themes: ['LIFECOURSE_HEALTH', 'HEALTH_SYSTEMS'], coding: ['ICD_10'] },
  drugs: { kwFr: 'médicaments', kwEn: 'medicines', themes: ['HEALTH_PRODUCTS'], coding: ['ATC'] },
  lifestyle: { kwFr: 'modes de vie', kwEn: 'lifestyles', themes: ['NONCOMMUNICABLE_DISEASES', 'NUTRITION_SECURITY'], coding: [] },
  environment: { kwFr: 'environnement', kwEn: 'environment', themes: ['ENVIRONMENTAL_HEALTH', 'CLIMATE_HEALTH'], coding: [] },
  injury: { kwFr: 'traumatismes', kwEn: 'injuries', themes: ['INJURY_PREVENTION', 'EMERGENCY_SETTINGS'], coding: [] },
  ageing: { kwFr: 'vieillissement', kwEn: 'ageing', themes: ['LIFECOURSE_HEALTH'], coding: [] },
};

// ---------------------------------------------------------------------------------------------
// Populations, settings, kinds of dataset

interface Population {
  key: PopKey;
  fr: string;
  en: string;
  /** Agreement of "atteint*": 's' (masculine plural) or 'es' (feminine plural). */
  agree: 's' | 'es';
  minAge?: number;
  maxAge?: number;
  weight: number;
}

const POPULATIONS: Population[] = [
  { key: 'patients', fr: 'patients', en: 'patients', agree: 's', weight: 30 },
  { key: 'adults', fr: 'adultes', en: 'adults', agree: 's', minAge: 18, weight: 15 },
  { key: 'older', fr: 'personnes âgées', en: 'older adults', agree: 'es', minAge: 65, weight: 8 },
  { key: 'children', fr: 'enfants', en: 'children', agree: 's', minAge: 0, maxAge: 17, weight: 7 },
  { key: 'adolescents', fr: 'adolescents', en: 'adolescents', agree: 's', minAge: 11, maxAge: 17, weight: 3 },
  { key: 'women', fr: 'femmes', en: 'women', agree: 'es', minAge: 18, weight: 3 },
  { key: 'pregnant', fr: 'femmes enceintes', en: 'pregnant women', agree: 'es', minAge: 15, maxAge: 49, weight: 2.5 },
  { key: 'newborns', fr: 'nouveau-nés', en: 'newborns', agree: 's', minAge: 0, maxAge: 0, weight: 1.5 },
  { key: 'employees', fr: 'salariés', en: 'employees', agree: 's', minAge: 18, maxAge: 67, weight: 1.5 },
  { key: 'men', fr: 'hommes', en: 'men', agree: 's', minAge: 18, weight: 1 },
  { key: 'residents', fr: "résidents d'EHPAD", en: 'nursing home residents', agree: 's', minAge: 60, weight: 1 },
  { key: 'students', fr: 'étudiants', en: 'university students', agree: 's', minAge: 18, maxAge: 30, weight: 0.8 },
  { key: 'precarious', fr: 'personnes en situation de précarité', en: 'people in precarious situations', agree: 'es', weight: 0.6 },
  { key: 'migrants', fr: 'personnes migrantes', en: 'migrants', agree: 'es', weight: 0.4 },
  { key: 'farmers', fr: 'agriculteurs', en: 'farmers', agree: 's', minAge: 18, weight: 0.3 },
  { key: 'prisoners', fr: 'personnes détenues', en: 'people in prison', agree: 'es', minAge: 18, weight: 0.15 },
  { key: 'military', fr: 'militaires', en: 'military personnel', agree: 's', minAge: 18, maxAge: 60, weight: 0.15 },
  { key: 'twins', fr: 'jumeaux', en: 'twins', agree: 's', weight: 0.08 },
];

const POPULATION_BANK = byWeight(POPULATIONS);
const POPULATION_BY_KEY = new Map<PopKey, Population>(POPULATIONS.map((p) => [p.key, p]));

interface Setting {
  /** With a leading space: " en soins primaires". Empty for no particular setting. */
  fr: string;
  en: string;
  kwFr?: string;
  kwEn?: string;
  weight: number;
}

const SETTINGS: Setting[] = [
  { fr: '', en: '', weight: 38 },
  { fr: ' en milieu hospitalier', en: ' in hospital', kwFr: 'hôpital', kwEn: 'hospital', weight: 14 },
  { fr: ' en soins primaires', en: ' in primary care', kwFr: 'soins primaires', kwEn: 'primary care', weight: 12 },
  { fr: ' aux urgences', en: ' in emergency departments', kwFr: 'urgences', kwEn: 'emergency department', weight: 6 },
  { fr: ' en médecine de ville', en: ' in office-based practice', kwFr: 'médecine de ville', kwEn: 'office-based practice', weight: 4 },
  { fr: ' en EHPAD', en: ' in nursing homes', kwFr: 'EHPAD', kwEn: 'nursing homes', weight: 3 },
  { fr: ' en réanimation', en: ' in intensive care units', kwFr: 'réanimation', kwEn: 'intensive care', weight: 3 },
  { fr: ' en établissement psychiatrique', en: ' in psychiatric facilities', kwFr: 'établissement psychiatrique', kwEn: 'psychiatric facilities', weight: 2 },
  { fr: " en pharmacie d'officine", en: ' in community pharmacies', kwFr: 'pharmacie', kwEn: 'pharmacy', weight: 2 },
  { fr: ' à domicile', en: ' at home', kwFr: 'domicile', kwEn: 'home care', weight: 2 },
  { fr: ' en milieu scolaire', en: ' in schools', kwFr: 'milieu scolaire', kwEn: 'schools', weight: 1.2 },
  { fr: ' en maternité', en: ' in maternity units', kwFr: 'maternité', kwEn: 'maternity units', weight: 1.2 },
  { fr: ' en centre de dialyse', en: ' in dialysis centres', kwFr: 'dialyse', kwEn: 'dialysis', weight: 0.3 },
  { fr: ' en télésurveillance', en: ' under remote monitoring', kwFr: 'télésurveillance', kwEn: 'remote monitoring', weight: 0.3 },
  { fr: ' en milieu pénitentiaire', en: ' in prisons', kwFr: 'milieu pénitentiaire', kwEn: 'prisons', weight: 0.15 },
];

const SETTING_BANK = byWeight(SETTINGS);
const NO_SETTING = SETTINGS[0] as Setting;

type KindKey =
  | 'registry'
  | 'cohort'
  | 'survey'
  | 'warehouse'
  | 'claims'
  | 'discharge'
  | 'trial'
  | 'biobank'
  | 'surveillance'
  | 'observational'
  | 'aggregated'
  | 'pharmacovigilance'
  | 'devices'
  | 'genomic';

interface Kind {
  key: KindKey;
  weight: number;
  /** Title noun: "Registre", "Entrepôt de données cliniques". */
  frTitle: string;
  /** "Ce registre". */
  frThis: string;
  /** Lower-case noun for English titles and keywords: "registry". */
  en: string;
  enThis: string;
  kwFr: string;
  kwEn: string;
  /**
   * Sentence bodies. Placeholders: {pop} population, {with} "atteints de ...", {cond} bare condition
   * ("de diabète"), {de} / {sur} / {a} the subject with its article, {topic} the English subject.
   */
  frCond: string;
  enCond: string;
  frSubject: string;
  enSubject: string;
  categories: HealthCategoryCode[];
  frequencies: FrequencyCode[];
  records: [number, number];
  /** Indexes into COLLECTION. */
  collection: number[];
  /** Candidate coding systems, most likely first. */
  coding: CodingSystemCode[];
  formats: FileTypeCode[];
  /** Whether the "hospital admissions for ..." title suits it. */
  admissions?: boolean;
  /** What links the title noun to a population ("des" unless given): "Enquête auprès des patients ...". */
  frTitlePopulation?: string;
}

/** How the data are collected: "Les données sont ..." / "Data are ...". */
const COLLECTION: Array<[string, string]> = [
  /* 0 */ ['extraites des dossiers médicaux électroniques', 'extracted from electronic medical records'],
  /* 1 */ ['recueillies par questionnaires auto-administrés', 'collected through self-administered questionnaires'],
  /* 2 */ ["recueillies lors d'entretiens en face à face", 'collected during face-to-face interviews'],
  /* 3 */ ["issues des bases de remboursement de l'assurance maladie", 'derived from national insurance reimbursement databases'],
  /* 4 */ ['issues des résumés de sortie hospitaliers', 'derived from hospital discharge summaries'],
  /* 5 */ ['transmises par les laboratoires de biologie médicale', 'reported by clinical laboratories'],
  /* 6 */ ['déclarées par les médecins', 'notified by physicians'],
  /* 7 */ ["collectées lors d'examens cliniques standardisés", 'collected during standardised clinical examinations'],
  /* 8 */ ["saisies dans un cahier d'observation électronique", 'entered in an electronic case report form'],
  /* 9 */ ["recueillies par des techniciens d'études cliniques", 'abstracted by clinical research technicians'],
  /* 10 */ ['transmises automatiquement par des objets connectés', 'automatically transmitted by connected devices'],
  /* 11 */ ['issues des certificats de décès', 'derived from death certificates'],
  /* 12 */ ['produites par séquençage à haut débit', 'produced by high-throughput sequencing'],
  /* 13 */ ['consolidées à partir de sources administratives', 'consolidated from administrative sources'],
];

const KINDS: Kind[] = [
  {
    key: 'registry',
    weight: 16,
    frTitle: 'Registre',
    frThis: 'Ce registre',
    en: 'registry',
    enThis: 'This registry',
    kwFr: 'registre',
    kwEn: 'registry',
    frCond: 'recense de manière exhaustive les nouveaux cas {cond} chez les {pop}',
    enCond: 'records all new cases of {topic} among {pop}',
    frSubject: 'recense les événements relatifs {a} chez les {pop}',
    enSubject: 'records events related to {topic} among {pop}',
    categories: ['MRMR'],
    frequencies: ['ANNUAL', 'ANNUAL', 'ANNUAL', 'UPDATE_CONT', 'QUARTERLY'],
    records: [800, 2_000_000],
    collection: [6, 9, 4, 11],
    coding: ['ICD_10', 'ICD_10_NAT', 'SNOMED_CT', 'ICD_11'],
    formats: ['CSV', 'SAS', 'PDF', 'XLSX'],
  },
  {
    key: 'cohort',
    weight: 15,
    frTitle: 'Cohorte',
    frThis: 'Cette cohorte',
    en: 'cohort',
    enThis: 'This cohort',
    kwFr: 'cohorte',
    kwEn: 'cohort',
    frCond: 'suit au long cours des {pop} {with}',
    enCond: 'follows {pop} {with} over time',
    frSubject: "suit l'évolution {de} chez les {pop}",
    enSubject: 'follows trends in {topic} among {pop}',
    categories: ['RQSH'],
    frequencies: ['IRREG', 'ANNUAL', 'BIENNIAL'],
    records: [300, 200_000],
    collection: [1, 7, 0, 2],
    coding: ['ICD_10', 'ATC', 'SNOMED_CT'],
    formats: ['SAS', 'CSV', 'PDF', 'PARQUET'],
  },
  {
    key: 'claims',
    weight: 14,
    frTitle: 'Base médico-administrative',
    frThis: 'Cette base médico-administrative',
    en: 'claims database',
    enThis: 'This claims database',
    kwFr: 'données médico-administratives',
    kwEn: 'claims data',
    frCond: 'retrace le parcours de soins des {pop} {with}',
    enCond: 'traces the care pathways of {pop} {with}',
    frSubject: 'retrace les remboursements liés {a} chez les {pop}',
    enSubject: 'traces reimbursed care related to {topic} among {pop}',
    categories: ['HRAD'],
    frequencies: ['MONTHLY', 'ANNUAL', 'QUARTERLY'],
    records: [100_000, 2_000_000_000],
    collection: [3, 4, 13],
    coding: ['ICD_10_NAT', 'ATC', 'PROC_CODES_NAT', 'ICD_10', 'NOMESCO'],
    formats: ['SAS', 'PARQUET', 'CSV', 'SQL'],
    admissions: true,
  },
  {
    key: 'warehouse',
    weight: 13,
    frTitle: 'Entrepôt de données cliniques',
    frThis: 'Cet entrepôt de données cliniques',
    en: 'clinical data warehouse',
    enThis: 'This clinical data warehouse',
    kwFr: 'entrepôt de données',
    kwEn: 'data warehouse',
    frCond: 'rassemble les dossiers cliniques des {pop} {with}',
    enCond: 'brings together the clinical records of {pop} {with}',
    frSubject: "rassemble les dossiers cliniques utiles à l'étude {de} chez les {pop}",
    enSubject: 'brings together clinical records documenting {topic} among {pop}',
    categories: ['EHRS'],
    frequencies: ['UPDATE_CONT', 'DAILY', 'WEEKLY', 'MONTHLY'],
    records: [10_000, 50_000_000],
    collection: [0, 5],
    coding: ['ICD_10', 'SNOMED_CT', 'LOINC', 'ATC', 'OHDSI_VOCAB', 'PROC_CODES_NAT'],
    formats: ['PARQUET', 'FHIR', 'SQL', 'CSV'],
    admissions: true,
  },
  {
    key: 'survey',
    weight: 10,
    frTitle: 'Enquête',
    frThis: 'Cette enquête',
    en: 'survey',
    enThis: 'This survey',
    kwFr: 'enquête',
    kwEn: 'survey',
    frCond: 'interroge des {pop} {with} sur leur parcours de soins et leur qualité de vie',
    enCond: 'surveys {pop} {with} about their care pathway and quality of life',
    frSubject: 'interroge les {pop} {sur}',
    enSubject: 'surveys {pop} on {topic}',
    categories: ['RQSH'],
    frequencies: ['ANNUAL', 'BIENNIAL', 'TRIENNIAL', 'QUINQUENNIAL', 'IRREG'],
    records: [500, 100_000],
    collection: [1, 2],
    coding: ['ICD_10', 'ATC'],
    frTitlePopulation: 'auprès des',
    formats: ['CSV', 'XLSX', 'SAS', 'PDF'],
  },
  {
    key: 'discharge',
    weight: 6,
    frTitle: 'Base des séjours hospitaliers',
    frThis: 'Cette base des séjours hospitaliers',
    en: 'hospital discharge database',
    enThis: 'This hospital discharge database',
    kwFr: 'séjours hospitaliers',
    kwEn: 'hospital stays',
    frCond: 'décrit les séjours hospitaliers des {pop} {with}',
    enCond: 'describes the hospital stays of {pop} {with}',
    frSubject: 'décrit les séjours hospitaliers liés {a} chez les {pop}',
    enSubject: 'describes hospital stays related to {topic} among {pop}',
    categories: ['HRAD'],
    frequencies: ['ANNUAL', 'QUARTERLY', 'MONTHLY'],
    records: [50_000, 300_000_000],
    collection: [4, 13],
    coding: ['ICD_10_NAT', 'PROC_CODES_NAT', 'ICD_10', 'NOMESCO'],
    formats: ['SAS', 'PARQUET', 'CSV'],
    admissions: true,
  },
  {
    key: 'surveillance',
    weight: 6,
    frTitle: 'Système de surveillance',
    frThis: 'Ce système de surveillance',
    en: 'surveillance system',
    enThis: 'This surveillance system',
    kwFr: 'surveillance épidémiologique',
    kwEn: 'epidemiological surveillance',
    frCond: 'recueille en continu les signalements concernant les {pop} {with}',
    enCond: 'continuously collects notifications about {pop} {with}',
    frSubject: 'assure la surveillance {de} chez les {pop}',
    enSubject: 'monitors {topic} among {pop}',
    categories: ['PHDR'],
    frequencies: ['WEEKLY', 'DAILY', 'MONTHLY', 'CONT'],
    records: [1_000, 5_000_000],
    collection: [5, 6, 11],
    coding: ['ICD_10', 'LOINC', 'SNOMED_CT'],
    formats: ['CSV', 'JSON', 'XLSX', 'HTML'],
  },
  {
    key: 'observational',
    weight: 6,
    frTitle: 'Étude observationnelle',
    frThis: 'Cette étude observationnelle',
    en: 'observational study',
    enThis: 'This observational study',
    kwFr: 'étude observationnelle',
    kwEn: 'observational study',
    frCond: 'décrit la prise en charge des {pop} {with}',
    enCond: 'describes the management of {pop} {with}',
    frSubject: 'analyse les déterminants {de} chez les {pop}',
    enSubject: 'analyses the determinants of {topic} among {pop}',
    categories: ['RQSH'],
    frequencies: ['NEVER', 'IRREG', 'ANNUAL'],
    records: [200, 80_000],
    collection: [0, 9, 1],
    frTitlePopulation: 'chez les',
    coding: ['ICD_10', 'ATC', 'LOINC'],
    formats: ['CSV', 'SAS', 'PDF'],
  },
  {
    key: 'trial',
    weight: 5,
    frTitle: 'Essai clinique',
    frThis: 'Cet essai clinique',
    en: 'clinical trial',
    enThis: 'This clinical trial',
    kwFr: 'essai clinique',
    kwEn: 'clinical trial',
    frCond: 'évalue une nouvelle stratégie thérapeutique chez des {pop} {with}',
    enCond: 'evaluates a new treatment strategy in {pop} {with}',
    frSubject: 'évalue une intervention de prévention portant {sur} chez des {pop}',
    enSubject: 'evaluates a prevention intervention targeting {topic} in {pop}',
    categories: ['EHCT'],
    frequencies: ['NEVER', 'IRREG'],
    records: [40, 20_000],
    collection: [8, 7],
    frTitlePopulation: 'chez les',
    coding: ['ATC', 'ICD_10', 'SNOMED_CT', 'LOINC'],
    formats: ['SAS', 'CSV', 'PDF'],
  },
  {
    key: 'biobank',
    weight: 4,
    frTitle: 'Biobanque',
    frThis: 'Cette biobanque',
    en: 'biobank',
    enThis: 'This biobank',
    kwFr: 'biobanque',
    kwEn: 'biobank',
    frCond: 'conserve des échantillons biologiques (sang, tissus, ADN) prélevés chez des {pop} {with}',
    enCond: 'stores biological samples (blood, tissue, DNA) collected from {pop} {with}',
    frSubject: "conserve des échantillons biologiques utiles à l'étude {de} chez les {pop}",
    enSubject: 'stores biological samples for research on {topic} among {pop}',
    categories: ['EINS'],
    frequencies: ['UPDATE_CONT', 'IRREG', 'ANNUAL'],
    records: [200, 500_000],
    collection: [7, 12],
    coding: ['SNOMED_CT', 'ICD_10', 'ICD_O_3', 'LOINC'],
    formats: ['CSV', 'PDF', 'JSON'],
  },
  {
    key: 'aggregated',
    weight: 4,
    frTitle: 'Indicateurs agrégés',
    frThis: "Ce jeu d'indicateurs agrégés",
    en: 'aggregated indicators',
    enThis: 'This set of aggregated indicators',
    kwFr: 'indicateurs',
    kwEn: 'indicators',
    frCond: 'fournit des indicateurs annuels sur les {pop} {with}',
    enCond: 'provides annual indicators on {pop} {with}',
    frSubject: 'fournit des indicateurs annuels {sur} chez les {pop}',
    enSubject: 'provides annual indicators on {topic} among {pop}',
    categories: ['NRPE'],
    frequencies: ['ANNUAL', 'QUARTERLY', 'MONTHLY'],
    records: [50, 50_000],
    collection: [13],
    coding: ['ICD_10'],
    formats: ['CSV', 'XLSX', 'JSON', 'HTML', 'RDF_TURTLE'],
  },
  {
    key: 'genomic',
    weight: 1.5,
    frTitle: 'Étude génomique',
    frThis: 'Cette étude génomique',
    en: 'genomic study',
    enThis: 'This genomic study',
    kwFr: 'génomique',
    kwEn: 'genomics',
    frCond: 'analyse le génome des {pop} {with}',
    enCond: 'analyses the genomes of {pop} {with}',
    frSubject: 'étudie les déterminants génétiques {de} chez les {pop}',
    enSubject: 'studies the genetic determinants of {topic} among {pop}',
    categories: ['HGPD'],
    frequencies: ['NEVER', 'IRREG'],
    records: [100, 100_000],
    collection: [12, 7],
    coding: ['SNOMED_CT', 'ICD_10', 'ORPHACODE'],
    formats: ['PARQUET', 'CSV', 'PDF'],
  },
  {
    key: 'pharmacovigilance',
    weight: 1,
    frTitle: 'Base de pharmacovigilance',
    frThis: 'Cette base de pharmacovigilance',
    en: 'pharmacovigilance database',
    enThis: 'This pharmacovigilance database',
    kwFr: 'pharmacovigilance',
    kwEn: 'pharmacovigilance',
    frCond: 'recense les effets indésirables déclarés chez des {pop} {with}',
    enCond: 'records adverse reactions reported in {pop} {with}',
    frSubject: 'recense les déclarations relatives {a} chez les {pop}',
    enSubject: 'records reports related to {topic} among {pop}',
    categories: ['RMMD'],
    frequencies: ['UPDATE_CONT', 'MONTHLY'],
    records: [1_000, 3_000_000],
    collection: [6, 13],
    coding: ['ATC', 'ICD_10', 'SNOMED_CT'],
    formats: ['CSV', 'JSON', 'PDF'],
  },
  {
    key: 'devices',
    weight: 1,
    frTitle: 'Données de dispositifs connectés',
    frThis: 'Ce jeu de données de dispositifs connectés',
    en: 'connected device data',
    enThis: 'This connected device dataset',
    kwFr: 'objets connectés',
    kwEn: 'connected devices',
    frCond: 'collecte les mesures transmises par les objets connectés des {pop} {with}',
    enCond: 'collects measurements transmitted by the connected devices of {pop} {with}',
    frSubject: "collecte les mesures d'objets connectés utiles au suivi {de} chez les {pop}",
    enSubject: 'collects connected-device measurements to monitor {topic} among {pop}',
    categories: ['PGEH'],
    frequencies: ['CONT', 'DAILY', 'UPDATE_CONT'],
    records: [10_000, 500_000_000],
    collection: [10],
    coding: ['LOINC', 'SNOMED_CT'],
    formats: ['JSON', 'PARQUET', 'FHIR'],
  },
];

const KIND_BANK = byWeight(KINDS);

/** Extra health categories (the common ones first). */
const EXTRA_CATEGORIES = new Weighted<HealthCategoryCode>(
  ['HRAD', 'EHRS', 'RQSH', 'MRMR', 'PHDR', 'DIOH', 'NRPE', 'EMRD', 'HPML', 'IDHP', 'WELA', 'RPDG'],
  (_, i) => [30, 25, 20, 18, 6, 5, 4, 1.5, 1, 1, 0.8, 0.8][i] as number,
);

interface Variable {
  fr: string;
  en: string;
  kwFr: string;
  kwEn: string;
}

/** What a dataset records, most common first. */
const VARIABLES = zipf<Variable>(
  [
    { fr: 'les caractéristiques sociodémographiques', en: 'socio-demographic characteristics', kwFr: 'sociodémographie', kwEn: 'socio-demographics' },
    { fr: 'les diagnostics', en: 'diagnoses', kwFr: 'diagnostics', kwEn: 'diagnoses' },
    { fr: 'les traitements médicamenteux', en: 'drug treatments', kwFr: 'traitements', kwEn: 'treatments' },
    { fr: 'les hospitalisations', en: 'hospital admissions', kwFr: 'hospitalisations', kwEn: 'hospital admissions' },
    { fr: 'les actes médicaux', en: 'medical procedures', kwFr: 'actes médicaux', kwEn: 'medical procedures' },
    { fr: "les résultats d'analyses biologiques", en: 'laboratory test results', kwFr: 'biologie', kwEn: 'laboratory results' },
    { fr: 'les facteurs de risque', en: 'risk factors', kwFr: 'facteurs de risque', kwEn: 'risk factors' },
    { fr: 'les consultations', en: 'outpatient visits', kwFr: 'consultations', kwEn: 'outpatient visits' },
    { fr: 'les habitudes de vie', en: 'lifestyle habits', kwFr: 'habitudes de vie', kwEn: 'lifestyle' },
    { fr: 'la qualité de vie', en: 'quality of life', kwFr: 'qualité de vie', kwEn: 'quality of life' },
    { fr: 'les données de mortalité', en: 'mortality data', kwFr: 'décès', kwEn: 'deaths' },
    { fr: "les comptes rendus d'imagerie", en: 'imaging reports', kwFr: 'imagerie', kwEn: 'imaging' },
    { fr: 'les mesures anthropométriques', en: 'anthropometric measurements', kwFr: 'anthropométrie', kwEn: 'anthropometry' },
    { fr: 'les complications', en: 'complications', kwFr: 'complications', kwEn: 'complications' },
    { fr: 'le statut vaccinal', en: 'vaccination status', kwFr: 'vaccination', kwEn: 'vaccination' },
    { fr: 'les coûts de prise en charge', en: 'costs of care', kwFr: 'coûts', kwEn: 'costs' },
    { fr: 'la survie', en: 'survival', kwFr: 'survie', kwEn: 'survival' },
    { fr: "les délais d'accès aux soins", en: 'waiting times for care', kwFr: "délais d'accès", kwEn: 'waiting times' },
    { fr: 'les données génomiques', en: 'genomic data', kwFr: 'génomique', kwEn: 'genomics' },
    { fr: 'les expositions professionnelles', en: 'occupational exposures', kwFr: 'expositions professionnelles', kwEn: 'occupational exposure' },
    { fr: 'le recours à la téléconsultation', en: 'use of teleconsultation', kwFr: 'téléconsultation', kwEn: 'teleconsultation' },
    { fr: 'le lieu de résidence géocodé', en: 'geocoded place of residence', kwFr: 'géocodage', kwEn: 'geocoding' },
  ],
  0.8,
);

/** Why the data are collected, appended to the first sentence of some descriptions. */
const OBJECTIVES = zipf<Pair>(
  [
    { fr: "afin de décrire l'épidémiologie et les pratiques de prise en charge", en: 'to describe epidemiology and care practices' },
    { fr: 'afin de suivre les tendances temporelles', en: 'to monitor time trends' },
    { fr: "afin d'évaluer la qualité et la pertinence des soins", en: 'to assess the quality and appropriateness of care' },
    { fr: "afin d'identifier les facteurs de risque et de pronostic", en: 'to identify risk and prognostic factors' },
    { fr: "afin d'étudier les inégalités sociales et territoriales", en: 'to study social and geographical inequalities' },
    { fr: "afin d'évaluer l'impact des politiques de prévention", en: 'to evaluate the impact of prevention policies' },
    { fr: 'afin de mesurer le coût des parcours de soins', en: 'to measure the cost of care pathways' },
    { fr: 'afin de comparer les territoires et les établissements', en: 'to compare territories and facilities' },
    { fr: 'afin de soutenir la recherche translationnelle', en: 'to support translational research' },
    { fr: "afin d'alimenter des modèles de prévision épidémique", en: 'to feed epidemic forecasting models' },
    { fr: "afin d'entraîner et de valider des algorithmes d'aide à la décision", en: 'to train and validate decision-support algorithms' },
  ],
  0.9,
);

const HEALTH_LEADS: Pair[] = [
  { fr: 'Les données de santé recueillies comprennent', en: 'The health data collected include' },
  { fr: 'Les données de santé disponibles portent sur', en: 'The available health data cover' },
  { fr: 'Ce jeu de données de santé décrit', en: 'This health dataset describes' },
];

const PLAIN_LEADS: Pair[] = [
  { fr: 'Les variables recueillies comprennent', en: 'Recorded variables include' },
  { fr: 'Les données disponibles portent sur', en: 'The available data cover' },
  { fr: 'Le jeu de données décrit', en: 'The dataset describes' },
];

/** The long tail: scales, scores and techniques that few datasets mention. */
const INSTRUMENTS = zipf<{ fr: string; en: string; kw: string }>(
  [
    { fr: 'le questionnaire EQ-5D', en: 'the EQ-5D questionnaire', kw: 'EQ-5D' },
    { fr: 'le questionnaire SF-36', en: 'the SF-36 questionnaire', kw: 'SF-36' },
    { fr: 'le score de comorbidité de Charlson', en: 'the Charlson comorbidity index', kw: 'Charlson' },
    { fr: "l'échelle de dépression PHQ-9", en: 'the PHQ-9 depression scale', kw: 'PHQ-9' },
    { fr: 'le test MMSE', en: 'the MMSE test', kw: 'MMSE' },
    { fr: "l'indice de Barthel", en: 'the Barthel index', kw: 'Barthel' },
    { fr: 'la grille AGGIR', en: 'the AGGIR dependency scale', kw: 'AGGIR' },
    { fr: "l'échelle HAD d'anxiété et de dépression", en: 'the HADS anxiety and depression scale', kw: 'HADS' },
    { fr: 'le score SOFA', en: 'the SOFA score', kw: 'SOFA' },
    { fr: "l'échelle de Rankin modifiée", en: 'the modified Rankin Scale', kw: 'Rankin' },
    { fr: 'le score de Glasgow', en: 'the Glasgow Coma Scale', kw: 'Glasgow' },
    { fr: "le score d'Apgar", en: 'the Apgar score', kw: 'Apgar' },
    { fr: 'le questionnaire AUDIT', en: 'the AUDIT questionnaire', kw: 'AUDIT' },
    { fr: 'le score CHA2DS2-VASc', en: 'the CHA2DS2-VASc score', kw: 'CHA2DS2-VASc' },
    { fr: "l'échelle EDSS", en: 'the EDSS disability scale', kw: 'EDSS' },
    { fr: 'des mesures par accéléromètre au poignet', en: 'wrist-worn accelerometer measurements', kw: 'accéléromètre' },
    { fr: "l'IRM cérébrale", en: 'brain MRI', kw: 'IRM' },
    { fr: "le séquençage de l'exome", en: 'exome sequencing', kw: 'exome' },
    { fr: 'la spectrométrie de masse', en: 'mass spectrometry', kw: 'spectrométrie' },
    { fr: "l'échelle de somnolence d'Epworth", en: 'the Epworth sleepiness scale', kw: 'Epworth' },
    { fr: 'la polysomnographie', en: 'polysomnography', kw: 'polysomnographie' },
    { fr: "l'actimétrie", en: 'actigraphy', kw: 'actimétrie' },
    { fr: "l'électroencéphalogramme", en: 'electroencephalography', kw: 'EEG' },
    { fr: 'la capnographie', en: 'capnography', kw: 'capnographie' },
    { fr: "l'élastographie hépatique", en: 'liver elastography', kw: 'élastographie' },
    { fr: "l'échelle de Borg", en: 'the Borg scale', kw: 'Borg' },
    { fr: 'le score de Gleason', en: 'the Gleason score', kw: 'Gleason' },
    { fr: "l'indice de Tinetti", en: 'the Tinetti balance test', kw: 'Tinetti' },
    { fr: 'la spirométrie', en: 'spirometry', kw: 'spirométrie' },
    { fr: 'le test de marche de six minutes', en: 'the six-minute walk test', kw: 'test de marche' },
  ],
  1.1,
);

/** Short labels of coding systems for descriptions and keywords. */
const CODING_TEXT: Record<CodingSystemCode, { fr: string; en: string; kwFr: string; kwEn: string }> = {
  ICD_10: { fr: 'la CIM-10', en: 'ICD-10', kwFr: 'CIM-10', kwEn: 'ICD-10' },
  ICD_10_NAT: { fr: 'la version nationale de la CIM-10', en: 'the national version of ICD-10', kwFr: 'CIM-10', kwEn: 'ICD-10' },
  ICD_11: { fr: 'la CIM-11', en: 'ICD-11', kwFr: 'CIM-11', kwEn: 'ICD-11' },
  ATC: { fr: 'la classification ATC', en: 'the ATC classification', kwFr: 'ATC', kwEn: 'ATC' },
  PROC_CODES_NAT: { fr: 'la nomenclature nationale des actes', en: 'the national procedure classification', kwFr: 'actes', kwEn: 'procedures' },
  SNOMED_CT: { fr: 'SNOMED CT', en: 'SNOMED CT', kwFr: 'SNOMED CT', kwEn: 'SNOMED CT' },
  LOINC: { fr: 'LOINC', en: 'LOINC', kwFr: 'LOINC', kwEn: 'LOINC' },
  ORPHACODE: { fr: 'les ORPHAcodes', en: 'ORPHAcodes', kwFr: 'ORPHAcodes', kwEn: 'ORPHAcodes' },
  OHDSI_VOCAB: { fr: 'les vocabulaires standardisés OMOP', en: 'the OMOP standardised vocabularies', kwFr: 'OMOP', kwEn: 'OMOP' },
  ICD_O_3: { fr: 'la CIM-O-3', en: 'ICD-O-3', kwFr: 'CIM-O-3', kwEn: 'ICD-O-3' },
  NOMESCO: { fr: 'la classification NOMESCO', en: 'the NOMESCO classification', kwFr: 'NOMESCO', kwEn: 'NOMESCO' },
};
const FRENCH_PROCEDURES = { fr: 'la CCAM', en: 'the French CCAM procedure classification', kwFr: 'CCAM', kwEn: 'CCAM' };
const NORDIC: ReadonlySet<CountryCode> = new Set<CountryCode>(['FIN', 'SWE', 'DNK', 'NOR', 'ISL', 'EST']);

const FORMATS: Record<FileTypeCode, { mediaType: string; ext: string; fr: string; en: string; doc?: boolean }> = {
  CSV: { mediaType: 'text/csv', ext: 'csv', fr: 'Extraction CSV', en: 'CSV extract' },
  JSON: { mediaType: 'application/json', ext: 'json', fr: 'Export JSON', en: 'JSON export' },
  PARQUET: { mediaType: 'application/vnd.apache.parquet', ext: 'parquet', fr: 'Fichiers Parquet', en: 'Parquet files' },
  SAS: { mediaType: 'application/x-sas-data', ext: 'sas7bdat', fr: 'Tables SAS', en: 'SAS tables' },
  XLSX: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    fr: 'Tableaux de résultats',
    en: 'Result tables',
  },
  PDF: { mediaType: 'application/pdf', ext: 'pdf', fr: 'Dictionnaire des variables', en: 'Data dictionary', doc: true },
  HTML: { mediaType: 'text/html', ext: 'html', fr: 'Documentation en ligne', en: 'Online documentation', doc: true },
  RDF_TURTLE: { mediaType: 'text/turtle', ext: 'ttl', fr: 'Métadonnées RDF', en: 'RDF metadata', doc: true },
  SQL: { mediaType: 'application/sql', ext: 'sql', fr: 'Base SQL', en: 'SQL database' },
  FHIR: { mediaType: 'application/fhir+json', ext: 'ndjson', fr: 'Ressources FHIR', en: 'FHIR resources' },
};

// ---------------------------------------------------------------------------------------------
// Data holders

const HOLDER_SALT = 0x686f6c64; // "hold"
const DATASET_SALT = 0x64617461; // "data"

/** Countries of access bodies, in order: the first access body is French, the second Finnish... */
const ACCESS_BODY_COUNTRIES: CountryCode[] = [
  'FRA', 'FIN', 'DEU', 'BEL', 'NLD', 'ESP', 'ITA', 'SWE', 'DNK', 'AUT', 'PRT', 'IRL', 'POL', 'CZE', 'GRC', 'EST',
];

/** Countries of the other holders, cycled: 10 French slots out of 25, one for each other country. */
const HOLDER_COUNTRY_CYCLE: CountryCode[] = [
  'FRA', 'DEU', 'FRA', 'ITA', 'ESP', 'FRA', 'NLD', 'BEL', 'FRA', 'FIN', 'SWE', 'FRA', 'DNK',
  'AUT', 'FRA', 'PRT', 'IRL', 'FRA', 'POL', 'CZE', 'FRA', 'GRC', 'FRA', 'EST', 'FRA',
];

const HOLDER_TYPES = new Weighted<PublisherTypeCode>(
  [
    'HEALTHCARE_SYSTEM',
    'RESEARCH_INSTITUTION',
    'REGISTRY',
    'GOVERNMENT_HEALTH_DEPARTMENT',
    'HEALTH_INSURANCE',
    'BIOBANK',
    'NATIONAL_PUBLIC_HEALTH_INSTITUTE',
    'NGO',
    'PHARMA_BIOTECH',
    'NATIONAL_STATISTICS_INSTITUTE',
    'HEALTH_ORGANISATION',
  ],
  (_, i) => [28, 20, 14, 8, 6, 6, 5, 5, 4, 3, 1][i] as number,
);

const COMPANY_STEMS = ['Biolane', 'Therapix', 'Genovea', 'Medicéa', 'Nordgen', 'Cellvia', 'Immunora', 'Pharmalys', 'Oncovia', 'Neurexa', 'Cardialis', 'Vaxelia'];
const FR_REGISTRY_SUBJECTS = [
  'cancers',
  'accidents vasculaires cérébraux',
  'cardiopathies ischémiques',
  'malformations congénitales',
  "handicaps de l'enfant",
  'maladies inflammatoires du tube digestif',
  'hémopathies malignes',
  "tumeurs de l'enfant",
  'cancers digestifs',
  'cancers du sein et gynécologiques',
];
const EN_REGISTRY_SUBJECTS = ['Cancer', 'Stroke', 'Diabetes', 'Cardiac Arrest', 'Birth Defects', 'Multiple Sclerosis', 'Hip Fracture', 'Kidney'];
const FR_RESEARCH_FIELDS = ['oncologie', 'neurosciences', 'cardiologie', 'pédiatrie', 'santé environnementale', 'maladies infectieuses', 'gériatrie'];
const EN_RESEARCH_FIELDS = ['Oncology', 'Neuroscience', 'Cardiology', 'Paediatrics', 'Environmental Epidemiology', 'Infectious Diseases', 'Ageing'];
const EN_NGO_SUBJECTS = ['Diabetes', 'Heart', "Alzheimer's", 'Rare Diseases', 'Kidney Patients', 'Cystic Fibrosis', 'Mental Wellbeing'];

interface HolderName {
  name: string;
  acronym?: string;
}

function citiesOf(info: CountryInfo): Place[] {
  const cities = info.places.filter((p) => p.level === 'city');
  return cities.length > 0 ? cities : info.places;
}

function regionsOf(info: CountryInfo): Place[] {
  const regions = info.places.filter((p) => p.level === 'region');
  return regions.length > 0 ? regions : info.places;
}

function frenchHolderName(rng: Rng, type: PublisherTypeCode, info: CountryInfo): HolderName {
  const city = pick(rng, citiesOf(info));
  const region = pick(rng, regionsOf(info));
  const area = pick(rng, info.places);
  switch (type) {
    case 'HEALTHCARE_SYSTEM':
      return pick<HolderName>(rng, [
        { name: `Centre hospitalier universitaire ${city.frDe}`, acronym: `CHU ${city.fr}` },
        { name: `Centre hospitalier ${city.frDe}`, acronym: `CH ${city.fr}` },
        { name: `Groupe hospitalier ${pick(rng, ['Nord', 'Sud', 'Est', 'Ouest'])} ${city.frDe}` },
        { name: `Service d'information médicale du CHU ${city.frDe}` },
        { name: `Centre régional de lutte contre le cancer ${city.frDe}` },
        { name: `Hôpital d'instruction des armées ${city.frDe}` },
      ]);
    case 'REGISTRY': {
      const qualifier = area.level === 'region' ? 'régional ' : area.level === 'dept' ? pick(rng, ['général ', '']) : '';
      return { name: `Registre ${qualifier}des ${pick(rng, FR_REGISTRY_SUBJECTS)} ${area.frDe}` };
    }
    case 'RESEARCH_INSTITUTION':
      return pick<HolderName>(rng, [
        { name: `Unité de recherche en épidémiologie clinique ${city.frDe}` },
        { name: `Laboratoire d'épidémiologie et de santé publique ${city.frDe}` },
        { name: `Centre d'investigation clinique ${city.frDe}`, acronym: `CIC ${city.fr}` },
        { name: `Institut de recherche en ${pick(rng, FR_RESEARCH_FIELDS)} ${city.frDe}` },
        { name: `Équipe de biostatistique de l'université ${city.frDe}` },
      ]);
    case 'NATIONAL_PUBLIC_HEALTH_INSTITUTE':
      return pick<HolderName>(rng, [
        { name: `Observatoire régional de la santé ${region.frDe}`, acronym: `ORS ${region.fr}` },
        { name: `Cellule régionale d'épidémiologie ${region.frDe}` },
      ]);
    case 'GOVERNMENT_HEALTH_DEPARTMENT':
      return pick<HolderName>(rng, [
        { name: `Agence régionale de santé ${region.fr}`, acronym: `ARS ${region.fr}` },
        { name: `Service de protection maternelle et infantile ${area.frDe}`, acronym: `PMI ${area.fr}` },
      ]);
    case 'HEALTH_INSURANCE':
      return pick<HolderName>(rng, [
        { name: `Caisse primaire d'assurance maladie ${area.frDe}`, acronym: `CPAM ${area.fr}` },
        { name: `Mutualité sociale agricole ${region.frDe}`, acronym: `MSA ${region.fr}` },
        { name: `Direction régionale du service médical ${region.frDe}` },
      ]);
    case 'BIOBANK':
      return pick<HolderName>(rng, [
        { name: `Centre de ressources biologiques ${city.frDe}`, acronym: `CRB ${city.fr}` },
        { name: `Tumorothèque régionale ${region.frDe}` },
        { name: `Biobanque ${city.frDe}` },
      ]);
    case 'NGO':
      return pick<HolderName>(rng, [
        { name: `Association régionale des diabétiques ${region.frDe}` },
        { name: `Réseau régional de cancérologie ${region.frDe}` },
        { name: `Fédération des usagers de la psychiatrie ${area.frDe}` },
        { name: `Association des insuffisants rénaux ${area.frDe}` },
      ]);
    case 'NATIONAL_STATISTICS_INSTITUTE':
      return { name: `Insee – direction régionale ${region.frDe}` };
    case 'PHARMA_BIOTECH':
      return { name: pick(rng, ['Laboratoires ', '']) + pick(rng, COMPANY_STEMS) + pick(rng, [' Santé', ' Pharma', ' Biotech']) };
    case 'HEALTH_ORGANISATION':
      return { name: `Réseau européen des registres pédiatriques – antenne ${city.frDe}` };
    default:
      return { name: `Registre ${area.frDe}` };
  }
}

function englishHolderName(rng: Rng, type: PublisherTypeCode, info: CountryInfo): HolderName {
  const city = pick(rng, citiesOf(info)).en;
  const region = pick(rng, regionsOf(info)).en;
  const adjective = info.adjective;
  switch (type) {
    case 'HEALTHCARE_SYSTEM':
      return {
        name: pick(rng, [
          `${city} University Hospital`,
          `${city} University Hospital research unit`,
          `${city} General Hospital`,
          `${city} Children's Hospital`,
          `${region} Hospital District`,
          `${city} Comprehensive Cancer Centre`,
        ]),
      };
    case 'REGISTRY':
      return {
        name: pick(rng, [
          `${region} ${pick(rng, EN_REGISTRY_SUBJECTS)} Registry`,
          `${adjective} National ${pick(rng, EN_REGISTRY_SUBJECTS)} Registry`,
        ]),
      };
    case 'RESEARCH_INSTITUTION':
      return {
        name: pick(rng, [
          `Institute of Epidemiology, University of ${city}`,
          `${city} Centre for Clinical Research`,
          `Department of Public Health, University of ${city}`,
          `${city} Institute for Medical Informatics`,
          `${city} Institute of ${pick(rng, EN_RESEARCH_FIELDS)} Research`,
        ]),
      };
    case 'NATIONAL_PUBLIC_HEALTH_INSTITUTE':
      return { name: pick(rng, [`${adjective} Institute for Public Health`, `${adjective} Institute for Public Health – ${region} office`]) };
    case 'GOVERNMENT_HEALTH_DEPARTMENT':
      return { name: pick(rng, [`${region} Regional Health Authority`, `${adjective} Ministry of Health – analytics unit`]) };
    case 'HEALTH_INSURANCE':
      return { name: pick(rng, [`${region} Health Insurance Fund`, `${adjective} Social Insurance Institution – research department`]) };
    case 'BIOBANK':
      return { name: pick(rng, [`${city} Biobank`, `Biobank of ${region}`, `${city} University Biobank`]) };
    case 'NGO':
      return { name: `${adjective} ${pick(rng, EN_NGO_SUBJECTS)} Association` };
    case 'NATIONAL_STATISTICS_INSTITUTE':
      return {
        name: pick(rng, [
          `${adjective} Statistical Office – health statistics division`,
          `Statistics ${info.en} – health and social statistics`,
          `${region} Regional Statistics Office`,
        ]),
      };
    case 'PHARMA_BIOTECH':
      return { name: `${pick(rng, COMPANY_STEMS)} ${pick(rng, ['Therapeutics', 'Biopharma', 'Biotech'])} ${adjective === 'Dutch' ? 'B.V.' : ''}`.trim() };
    case 'HEALTH_ORGANISATION':
      return { name: `European ${pick(rng, ['Paediatric', 'Stroke', 'Rare Disease', 'Cancer'])} Registries Network – ${city} hub` };
    default:
      return { name: `${city} Health Data Unit` };
  }
}

/** The first access body of a country is national, later ones regional. */
function accessBodyName(rng: Rng, info: CountryInfo, national: boolean): HolderName {
  const region = pick(rng, regionsOf(info));
  if (info.code === 'FRA') {
    return national
      ? { name: "Guichet national d'accès aux données de santé", acronym: 'GNADS' }
      : { name: `Guichet régional d'accès aux données de santé ${region.frDe}` };
  }
  return { name: national ? `${info.adjective} Health Data Access Body` : `${region.en} Health Data Access Service` };
}

/**
 * Synthetic organisations: `syn-holder-1` ... `syn-holder-<count>`. One in twenty (holders 1, 21,
 * 41...) is a health data access body, of a different country each time (France first, then Finland,
 * Germany...); the others cycle through countries with France in 40% of the slots.
 */
export function syntheticDataHolders(options: { count: number; seed?: number }): DataHolderRecordInput[] {
  const { count } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const seed = normalizeSeed(options.seed);
  const holders: DataHolderRecordInput[] = [];
  const names = new Set<string>();
  let accessBodies = 0;
  let others = 0;
  for (let n = 1; n <= count; n++) {
    const rng = mulberry32(itemSeed(seed, n, HOLDER_SALT));
    const id = `syn-holder-${n}`;
    const isAccessBody = (n - 1) % 20 === 0;
    const nationalAccessBody = accessBodies < ACCESS_BODY_COUNTRIES.length;
    const country = isAccessBody
      ? (ACCESS_BODY_COUNTRIES[accessBodies++ % ACCESS_BODY_COUNTRIES.length] as CountryCode)
      : (HOLDER_COUNTRY_CYCLE[others++ % HOLDER_COUNTRY_CYCLE.length] as CountryCode);
    const info = countryInfo(country);
    const type: PublisherTypeCode = isAccessBody ? 'GOVERNMENT_HEALTH_DEPARTMENT' : HOLDER_TYPES.pick(rng);
    let holderName: HolderName = { name: '' };
    for (let attempt = 0; attempt < 8; attempt++) {
      holderName = isAccessBody
        ? accessBodyName(rng, info, nationalAccessBody && attempt === 0)
        : country === 'FRA'
          ? frenchHolderName(rng, type, info)
          : englishHolderName(rng, type, info);
      if (!names.has(holderName.name)) break;
    }
    if (names.has(holderName.name)) {
      holderName = { name: `${holderName.name} (${country === 'FRA' ? 'site' : 'unit'} ${n})` };
    }
    names.add(holderName.name);

    const holder: DataHolderRecordInput = {
      id,
      name: holderName.name,
      publisherType: type,
      country,
      homepage: `${BASE_URL}/holders/${id}`,
      isAccessBody,
    };
    if (holderName.acronym !== undefined) holder.acronym = holderName.acronym.slice(0, 40);
    if (chance(rng, 0.6)) holder.email = `${country === 'FRA' ? 'donnees' : 'data'}@${id}.example.org`;
    holders.push(holder);
  }
  return holders;
}

// ---------------------------------------------------------------------------------------------
// Datasets

interface HolderPools {
  all: DataHolderRecordInput[];
  /** Publishers (holders that are not access bodies) by country. */
  publishersByCountry: Map<CountryCode, DataHolderRecordInput[]>;
  publishers: DataHolderRecordInput[];
  accessBodyByCountry: Map<CountryCode, DataHolderRecordInput>;
}

function holderPools(holders: DataHolderRecordInput[]): HolderPools {
  const publishersByCountry = new Map<CountryCode, DataHolderRecordInput[]>();
  const accessBodyByCountry = new Map<CountryCode, DataHolderRecordInput>();
  const publishers: DataHolderRecordInput[] = [];
  for (const holder of holders) {
    const country = holder.country as CountryCode;
    if (holder.isAccessBody) {
      if (!accessBodyByCountry.has(country)) accessBodyByCountry.set(country, holder);
      continue;
    }
    publishers.push(holder);
    const list = publishersByCountry.get(country) ?? [];
    list.push(holder);
    publishersByCountry.set(country, list);
  }
  return { all: holders, publishersByCountry, publishers: publishers.length > 0 ? publishers : holders, accessBodyByCountry };
}

/** A few holders publish most datasets of their country. */
function skewedPick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(Math.pow(rng(), 1.8) * items.length)] as T;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

const DAY_MS = 86_400_000;
const ISSUED_FROM = Date.UTC(2015, 0, 1);
const ISSUED_TO = Date.UTC(2025, 11, 31);
const MODIFIED_TO = Date.UTC(2026, 5, 30);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const MIN_DESCRIPTION = 300;
const MAX_DESCRIPTION = 700;

function makeDataset(n: number, rng: Rng, pools: HolderPools): DatasetRecordInput {
  const id = `syn-${n}`;

  // What, who, where, when
  const kind = KIND_BANK.pick(rng);
  const topic = TOPIC_BANK.pick(rng);
  const isCondition = topic.frWith !== undefined;
  const group = GROUPS[topic.group];
  const pop =
    topic.pops !== undefined && chance(rng, 0.85)
      ? (POPULATION_BY_KEY.get(pick(rng, topic.pops)) as Population)
      : isCondition && chance(rng, 0.45)
        ? (POPULATION_BY_KEY.get('patients') as Population)
        : POPULATION_BANK.pick(rng);
  const setting = pop.key === 'residents' ? NO_SETTING : SETTING_BANK.pick(rng);
  const country = COUNTRY_BANK.pick(rng);
  const local = chance(rng, 0.62) ? (PLACE_BANKS.get(country.code) as Weighted<Place>).pick(rng) : undefined;
  const healthWord = chance(rng, HEALTH_WORD_SHARE);

  let start: number | undefined;
  let end: number | undefined;
  if (chance(rng, 0.8)) {
    start = 2022 - Math.floor(Math.pow(rng(), 1.6) * 43);
    if (chance(rng, 0.55)) end = Math.min(2025, start + int(rng, 0, 25));
  }

  // Shared phrase pieces
  const popFr = pop.fr;
  const popEn = pop.en;
  const withFr = topic.frWith?.replace('*', pop.agree) ?? '';
  const withEn = topic.enWith ?? '';
  const placeFrIn = local ? ` ${local.frIn}` : ` ${country.frIn}`;
  const placeEnIn = local ? ` in ${local.en}` : ` in ${country.en}`;
  const periodFr = start === undefined ? '' : end === undefined ? ` depuis ${start}` : ` entre ${start} et ${end}`;
  const periodEn = start === undefined ? '' : end === undefined ? ` since ${start}` : ` between ${start} and ${end}`;
  const values = {
    pop: popFr,
    with: withFr,
    cond: deBare(topic.fr),
    de: topic.frDeArt,
    sur: topic.frSur,
    a: topic.frA,
  };
  const valuesEn = { pop: popEn, with: withEn, topic: topic.en };

  // Title
  let titleFr: string;
  let titleEn: string;
  const titleStyle = rng();
  if (isCondition && kind.admissions && titleStyle < 0.3) {
    titleFr = `Base de données des hospitalisations pour ${topic.fr}${local ? ` ${local.frIn}` : ''}`;
    titleEn = `Database of hospital admissions for ${topic.en}${local ? ` in ${local.en}` : ''}`;
  } else if (titleStyle < 0.55) {
    titleFr = isCondition
      ? `${kind.frTitle} ${topic.frDeArt}${local ? ` ${local.frDe}` : ''}`
      : `${kind.frTitle} ${topic.frSur}${local ? ` ${local.frIn}` : ''}`;
    titleEn = isCondition
      ? `${local ? `${local.en} ` : ''}${topic.en} ${kind.en}`
      : `${capitalize(kind.en)} on ${topic.en}${local ? ` in ${local.en}` : ''}`;
  } else {
    const settingFr = setting.fr;
    titleFr = isCondition
      ? `${kind.frTitle} ${kind.frTitlePopulation ?? 'des'} ${popFr} ${withFr}${settingFr}${local ? ` ${local.frIn}` : ''}`
      : `${kind.frTitle} ${topic.frSur} chez les ${popFr}${settingFr}${local ? ` ${local.frIn}` : ''}`;
    const kindEn = capitalize(kind.en);
    titleEn = isCondition
      ? `${kindEn} of ${popEn} ${withEn}${setting.en}${local ? `, ${local.en}` : ''}`
      : `${kindEn} on ${topic.en} among ${popEn}${setting.en}${local ? `, ${local.en}` : ''}`;
  }
  if (start !== undefined && chance(rng, 0.45)) {
    titleFr += end === undefined ? ` (depuis ${start})` : ` (${start}-${end})`;
    titleEn += end === undefined ? ` (since ${start})` : ` (${start}-${end})`;
  }
  titleFr = capitalize(titleFr);
  titleEn = capitalize(titleEn);

  // Coding systems
  const codingCandidates: CodingSystemCode[] = [...group.coding.filter((code) => kind.coding.includes(code) || chance(rng, 0.6)), ...kind.coding];
  if (NORDIC.has(country.code) && kind.coding.includes('NOMESCO') === false && chance(rng, 0.1)) codingCandidates.push('NOMESCO');
  const codingCount = kind.key === 'aggregated' || kind.key === 'survey' ? int(rng, 0, 2) : chance(rng, 0.12) ? 0 : int(rng, 1, 4);
  const coding: CodingSystemCode[] = [];
  for (const code of codingCandidates) {
    if (coding.length >= codingCount) break;
    if (code === 'NOMESCO' && !NORDIC.has(country.code)) continue;
    if (code === 'ICD_10_NAT' && coding.includes('ICD_10')) continue;
    if (code === 'ICD_10' && coding.includes('ICD_10_NAT')) continue;
    if (!coding.includes(code) && chance(rng, 0.75)) coding.push(code);
  }
  if (chance(rng, 0.02) && !coding.includes('ICD_11') && coding.length < 4) coding.push('ICD_11');
  const codingText = coding.map((code) => (code === 'PROC_CODES_NAT' && country.code === 'FRA' ? FRENCH_PROCEDURES : CODING_TEXT[code]));

  // Access
  const accessRights: AccessRightsCode =
    kind.key === 'aggregated'
      ? chance(rng, 0.7)
        ? 'PUBLIC'
        : 'RESTRICTED'
      : rng() < 0.12
        ? 'PUBLIC'
        : chance(rng, 0.58)
          ? 'RESTRICTED'
          : 'NON_PUBLIC';
  const frequency: FrequencyCode = end !== undefined && chance(rng, 0.5) ? 'NEVER' : pick(rng, kind.frequencies);

  // Description: what and why, what is recorded, how it is collected and coded, one detail
  const objective = chance(rng, 0.55) ? OBJECTIVES.pick(rng) : undefined;
  const s1: Pair = {
    fr: `${kind.frThis} ${fill(isCondition ? kind.frCond : kind.frSubject, values)}${setting.fr}${placeFrIn}${periodFr}${objective ? `, ${objective.fr}` : ''}.`,
    en: `${kind.enThis} ${fill(isCondition ? kind.enCond : kind.enSubject, valuesEn)}${setting.en}${placeEnIn}${periodEn}${objective ? `, ${objective.en}` : ''}.`,
  };
  const variables = VARIABLES.pickDistinct(rng, int(rng, 2, 5));
  const lead = (healthWord ? HEALTH_LEADS : PLAIN_LEADS)[Math.floor(rng() * 3)] as Pair;
  const s2: Pair = {
    fr: `${lead.fr} ${listFr(variables.map((v) => v.fr))}.`,
    en: `${lead.en} ${listEn(variables.map((v) => v.en))}.`,
  };

  const optional: Pair[] = [];
  const first = chance(rng, 0.92) ? (COLLECTION[pick(rng, kind.collection)] as [string, string]) : undefined;
  const codingFr = listFr(codingText.map((t) => t.fr));
  const codingEn = listEn(codingText.map((t) => t.en));
  if (first && codingText.length > 0) {
    optional.push({ fr: `Les données, ${first[0]}, sont codées selon ${codingFr}.`, en: `Data are ${first[1]} and coded using ${codingEn}.` });
  } else if (first) {
    const second = chance(rng, 0.4) ? (COLLECTION[pick(rng, kind.collection)] as [string, string]) : undefined;
    const firstVerb = first[0].split(' ')[0];
    optional.push(
      second && second[0].split(' ')[0] !== firstVerb
        ? { fr: `Les données sont ${first[0]} et ${second[0]}.`, en: `Data are ${first[1]} and ${second[1]}.` }
        : { fr: `Les données sont ${first[0]}.`, en: `Data are ${first[1]}.` },
    );
  } else if (codingText.length > 0) {
    optional.push({ fr: `Les informations sont codées selon ${codingFr}.`, en: `Information is coded using ${codingEn}.` });
  }
  const instrument = chance(rng, 0.14) ? INSTRUMENTS.pick(rng) : undefined;
  if (instrument) {
    optional.push(
      chance(rng, 0.5)
        ? { fr: `Le suivi comprend ${instrument.fr}.`, en: `Follow-up includes ${instrument.en}.` }
        : { fr: `Les mesures recueillies incluent ${instrument.fr}.`, en: `Measurements include ${instrument.en}.` },
    );
  } else if (topic.group === 'onco' && isCondition && chance(rng, 0.4)) {
    optional.push({ fr: 'Le stade au diagnostic est codé selon la classification TNM.', en: 'Stage at diagnosis is coded using the TNM classification.' });
  }

  const extras: Pair[] = [
    accessRights === 'PUBLIC'
      ? { fr: 'Les données agrégées sont librement réutilisables sous licence ouverte.', en: 'Aggregated data are freely reusable under an open licence.' }
      : { fr: "L'accès aux données individuelles est soumis à autorisation préalable.", en: 'Access to individual-level data requires prior authorisation.' },
    { fr: `Fréquence de mise à jour : ${frequencies[frequency].fr.toLowerCase()}.`, en: `Update frequency: ${frequencies[frequency].en.toLowerCase()}.` },
    { fr: 'Les données sont pseudonymisées avant toute mise à disposition.', en: 'Data are pseudonymised before being made available.' },
    { fr: 'Des contrôles de qualité et de complétude sont réalisés à chaque extraction.', en: 'Quality and completeness checks are performed at each extraction.' },
    {
      fr: 'Un dictionnaire des variables et une documentation méthodologique accompagnent le jeu de données.',
      en: 'A data dictionary and methodological documentation accompany the dataset.',
    },
    country.code === 'FRA' && healthWord
      ? {
          fr: 'Un chaînage avec le Système national des données de santé (SNDS) est possible.',
          en: 'Linkage with the French national health data system (SNDS) is possible.',
        }
      : { fr: 'Un chaînage avec les données de mortalité est possible.', en: 'Linkage with mortality data is possible.' },
  ];
  if (pop.minAge !== undefined && pop.maxAge !== undefined && pop.maxAge > pop.minAge) {
    extras.push({ fr: `La population étudiée est âgée de ${pop.minAge} à ${pop.maxAge} ans.`, en: `The study population is aged ${pop.minAge} to ${pop.maxAge}.` });
  }
  const extraOrder = shuffled(rng, extras);
  if (optional.length < 2 && chance(rng, 0.75)) optional.push(extraOrder.pop() as Pair);

  const sentences: Pair[] = [s1, s2];
  let frLength = s1.fr.length + s2.fr.length + 1;
  let enLength = s1.en.length + s2.en.length + 1;
  const tryAdd = (sentence: Pair): void => {
    const fr = frLength + 1 + sentence.fr.length;
    const en = enLength + 1 + sentence.en.length;
    if (fr > MAX_DESCRIPTION || en > MAX_DESCRIPTION) return;
    sentences.push(sentence);
    frLength = fr;
    enLength = en;
  };
  for (const sentence of optional) tryAdd(sentence);
  // Short descriptions get extra sentences until both languages reach the minimum length: one that is
  // long enough if there is one, otherwise the longest, so that few descriptions need five sentences.
  while ((frLength < MIN_DESCRIPTION || enLength < MIN_DESCRIPTION) && extraOrder.length > 0) {
    const missing = Math.max(MIN_DESCRIPTION - frLength, MIN_DESCRIPTION - enLength) - 1;
    let index = extraOrder.findIndex((e) => Math.min(e.fr.length, e.en.length) >= missing);
    if (index < 0) {
      index = 0;
      extraOrder.forEach((e, i) => {
        if (e.en.length > (extraOrder[index] as Pair).en.length) index = i;
      });
    }
    tryAdd(extraOrder.splice(index, 1)[0] as Pair);
  }
  const descriptionFr = sentences.map((s) => s.fr).join(' ');
  const descriptionEn = sentences.map((s) => s.en).join(' ');

  // Keywords: the topic, the kind and its field first, then a few others
  const keywordPairs: Pair[] = [
    { fr: topic.fr, en: topic.en },
    { fr: kind.kwFr, en: kind.kwEn },
    { fr: group.kwFr, en: group.kwEn },
  ];
  const more: Pair[] = [];
  if (pop.key !== 'patients') more.push({ fr: popFr, en: popEn });
  if (setting.kwFr !== undefined && setting.kwEn !== undefined) more.push({ fr: setting.kwFr, en: setting.kwEn });
  more.push(local ? { fr: local.fr, en: local.en } : { fr: country.fr, en: country.en });
  for (const v of variables.slice(0, 2)) more.push({ fr: v.kwFr, en: v.kwEn });
  const firstCoding = codingText[0];
  if (firstCoding) more.push({ fr: firstCoding.kwFr, en: firstCoding.kwEn });
  if (instrument) more.push({ fr: instrument.kw, en: instrument.kw });
  if (healthWord && chance(rng, 0.35)) more.push({ fr: 'santé publique', en: 'public health' });
  const keywordTarget = int(rng, 3, 8);
  const seen = new Set<string>();
  const keywords: Pair[] = [];
  for (const pair of [...keywordPairs, ...shuffled(rng, more)]) {
    if (keywords.length >= keywordTarget) break;
    const key = pair.fr.toLowerCase();
    if (seen.has(key) || seen.has(pair.en.toLowerCase())) continue;
    seen.add(key);
    seen.add(pair.en.toLowerCase());
    keywords.push(pair);
  }

  // Facets
  const healthCategories: HealthCategoryCode[] = [...kind.categories];
  if (kind.key === 'registry' && chance(rng, 0.4)) healthCategories.push('PHDR');
  if (kind.key === 'biobank' && chance(rng, 0.5)) healthCategories.push('HGPD');
  if (kind.key === 'genomic' && chance(rng, 0.3)) healthCategories.push('HPML');
  if (kind.key === 'surveillance' && topic.group === 'infect' && chance(rng, 0.6)) healthCategories.push('RPDG');
  if ((topic.group === 'lifestyle' || topic.group === 'environment') && chance(rng, 0.5)) healthCategories.push('DIOH');
  const extraCategories = rng();
  for (const category of EXTRA_CATEGORIES.pickDistinct(rng, extraCategories < 0.5 ? 0 : extraCategories < 0.85 ? 1 : 2)) {
    if (healthCategories.length < 3 && !healthCategories.includes(category)) healthCategories.push(category);
  }

  const themePool = topic.themes ?? group.themes;
  const healthThemeCount = chance(rng, 0.2) ? 0 : int(rng, 1, Math.min(3, themePool.length + 1));
  const healthThemes: HealthThemeCode[] = [];
  for (const theme of shuffled(rng, themePool)) {
    if (healthThemes.length >= healthThemeCount) break;
    healthThemes.push(theme);
  }
  if (healthThemes.length > 0 && healthThemes.length < healthThemeCount && !healthThemes.includes('HEALTH_SYSTEMS')) {
    healthThemes.push(kind.key === 'claims' || kind.key === 'discharge' ? 'HEALTH_SYSTEMS' : 'LIFECOURSE_HEALTH');
  }
  const uniqueThemes = [...new Set(healthThemes)];

  const themes: DataThemeCode[] = ['HEAL'];
  if (chance(rng, kind.key === 'survey' || kind.key === 'aggregated' ? 0.5 : 0.15)) themes.push('SOCI');
  if ((kind.key === 'claims' || kind.key === 'aggregated') && chance(rng, 0.3)) themes.push('ECON');
  if ((kind.key === 'genomic' || kind.key === 'devices' || kind.key === 'warehouse') && chance(rng, 0.3)) themes.push('TECH');
  if (topic.group === 'environment' && chance(rng, 0.7)) themes.push('ENVI');
  if (local && local.level !== 'city' && chance(rng, 0.1)) themes.push('REGI');
  if (chance(rng, 0.04)) themes.push('GOVE');

  const applicableLegislation: LegislationCode[] = [];
  if (accessRights !== 'PUBLIC' || chance(rng, 0.3)) applicableLegislation.push('GDPR');
  if (chance(rng, 0.3)) applicableLegislation.push('EHDS');
  if (country.code === 'FRA' && (kind.key === 'claims' || kind.key === 'discharge') && chance(rng, 0.8)) applicableLegislation.push('FR_LOI_2016_41');
  if (country.code === 'FRA' && chance(rng, 0.1)) applicableLegislation.push('FR_LOI_2019_774');
  if (country.code === 'FIN' && chance(rng, 0.6)) applicableLegislation.push('FI_SECONDARY_USE_ACT');
  if (chance(rng, 0.03)) applicableLegislation.push('DATA_GOVERNANCE_ACT');

  const personalData: PersonalDataCode[] = [];
  if (kind.key !== 'aggregated') {
    if (chance(rng, 0.9)) personalData.push('AGE', 'GENDER');
    if (chance(rng, 0.85)) personalData.push('MEDICAL_HEALTH');
    if (chance(rng, 0.6)) personalData.push('IDENTIFIER');
    if (chance(rng, 0.4)) personalData.push('DOMICILE');
    if (chance(rng, 0.2)) personalData.push('BIRTH_DATE');
    if (chance(rng, 0.2)) personalData.push('DEMOGRAPHIC');
    if (country.code === 'FRA' && kind.key === 'claims' && chance(rng, 0.3)) personalData.push('OFFICIAL_ID');
    if (kind.key === 'warehouse' || (kind.key === 'observational' && chance(rng, 0.5))) personalData.push('HEALTH_RECORD');
    if (kind.key === 'biobank' || kind.key === 'genomic') personalData.push('GENETIC');
    if ((kind.key === 'survey' || kind.key === 'cohort' || topic.group === 'lifestyle') && chance(rng, 0.6)) personalData.push('BEHAVIORAL');
    if (chance(rng, 0.1)) personalData.push('PHYSICAL_CHARACTERISTIC');
    if (chance(rng, 0.1)) personalData.push('JOB');
    if (chance(rng, 0.07)) personalData.push('EDUCATION');
    if (chance(rng, 0.05)) personalData.push('MARITAL_STATUS');
  }

  const legalBasis: LegalBasisCode[] = [];
  if (kind.key === 'cohort' || kind.key === 'trial' || kind.key === 'biobank' || kind.key === 'genomic' || kind.key === 'survey') {
    legalBasis.push(chance(rng, 0.5) ? 'GDPR_6_1_A' : 'GDPR_6_1_E', chance(rng, 0.5) ? 'GDPR_9_2_A' : 'GDPR_9_2_J');
  } else if (kind.key === 'aggregated') {
    if (chance(rng, 0.4)) legalBasis.push('GDPR_6_1_E');
  } else {
    legalBasis.push(chance(rng, 0.7) ? 'GDPR_6_1_E' : 'GDPR_6_1_C');
    legalBasis.push(
      kind.key === 'warehouse' || kind.key === 'claims' ? (chance(rng, 0.5) ? 'GDPR_9_2_H' : 'GDPR_9_2_J') : chance(rng, 0.6) ? 'GDPR_9_2_I' : 'GDPR_9_2_J',
    );
    if (chance(rng, 0.03)) legalBasis.push('GDPR_6_1_F');
  }

  const purposes: PurposeCode[] = [];
  if (chance(rng, 0.75)) purposes.push('SCIENTIFIC_RESEARCH');
  if (chance(rng, 0.5)) purposes.push('PUBLIC_HEALTH');
  if ((kind.key === 'aggregated' || kind.key === 'survey' || kind.key === 'claims') && chance(rng, 0.5)) purposes.push('OFFICIAL_STATISTICS');
  if (purposes.length < 3 && chance(rng, 0.2)) purposes.push('POLICY_MAKING');
  if (purposes.length < 3 && chance(rng, 0.2)) purposes.push('IMPROVING_CARE');
  if (purposes.length < 3 && chance(rng, 0.05)) purposes.push('EDUCATION');
  if (purposes.length === 0) purposes.push(kind.key === 'aggregated' ? 'OFFICIAL_STATISTICS' : 'SCIENTIFIC_RESEARCH');

  // Who
  const sameCountry = pools.publishersByCountry.get(country.code);
  const publisher = sameCountry && sameCountry.length > 0 ? skewedPick(rng, sameCountry) : skewedPick(rng, pools.publishers);
  const custodianPool = sameCountry && sameCountry.length > 1 ? sameCountry : pools.publishers;
  let custodian: DataHolderRecordInput | undefined;
  if (chance(rng, 0.25)) {
    const candidate = pick(rng, custodianPool);
    if (candidate.id !== publisher.id) custodian = candidate;
  }
  const accessBody = accessRights !== 'PUBLIC' && chance(rng, 0.55) ? pools.accessBodyByCountry.get(country.code) : undefined;

  const record: DatasetRecordInput = {
    id,
    identifier: `${BASE_URL}/datasets/${id}`,
    title: { fr: titleFr, en: titleEn },
    description: { fr: descriptionFr, en: descriptionEn },
    keywords: { fr: keywords.map((k) => k.fr), en: keywords.map((k) => k.en) },
    themes,
    healthCategories,
    healthThemes: uniqueThemes,
    accessRights,
    applicableLegislation,
    publisher: publisher.id,
    contactPoint: {
      name: country.code === 'FRA' ? `Service des données – ${publisher.name}` : `Data desk – ${publisher.name}`,
      url: `${BASE_URL}/holders/${publisher.id}/contact`,
    },
    spatial: [country.code],
    codingSystems: coding,
    personalData,
    legalBasis,
    purposes,
    frequency,
  };
  if (custodian) record.custodian = custodian.id;
  if (accessBody) record.accessBody = accessBody.id;
  if (publisher.email !== undefined && chance(rng, 0.7)) record.contactPoint.email = publisher.email;
  if (start !== undefined) {
    record.temporal = { start: `${start}-${pad2(int(rng, 1, 12))}-01` };
    if (end !== undefined) record.temporal.end = `${end}-12-31`;
  }
  if (local) record.spatialDetail = { fr: local.fr, en: local.en };

  if (chance(rng, 0.55)) {
    const [min, max] = kind.records;
    const records = logInt(rng, min, max);
    record.numberOfRecords = records;
    if (chance(rng, 0.7)) record.numberOfUniqueIndividuals = Math.max(1, Math.round(records / (1 + rng() * 30)));
  }
  if (pop.minAge !== undefined) record.minTypicalAge = pop.minAge;
  if (pop.maxAge !== undefined) record.maxTypicalAge = pop.maxAge;
  if (chance(rng, 0.3)) {
    record.populationCoverage = isCondition
      ? { fr: `${capitalize(popFr)} ${withFr}${placeFrIn}`, en: `${capitalize(popEn)} ${withEn}${placeEnIn}` }
      : { fr: `${capitalize(popFr)} résidant${placeFrIn}`, en: `${capitalize(popEn)} living${placeEnIn}` };
  }
  if (chance(rng, 0.2)) {
    const years = pick(rng, [5, 10, 15, 20, 30]);
    record.retentionPeriod = { fr: `${years} ans après la dernière mise à jour`, en: `${years} years after the last update` };
  }

  const issuedMs = ISSUED_FROM + Math.floor(rng() * ((ISSUED_TO - ISSUED_FROM) / DAY_MS)) * DAY_MS;
  record.issued = isoDay(issuedMs);
  if (chance(rng, 0.85)) record.modified = isoDay(issuedMs + Math.floor(rng() * ((MODIFIED_TO - issuedMs) / DAY_MS)) * DAY_MS);
  if (chance(rng, 0.4)) record.version = `${int(rng, 1, 5)}.${int(rng, 0, 9)}`;
  if (chance(rng, 0.7)) record.landingPage = `${BASE_URL}/datasets/${id}`;

  const distributionRoll = rng();
  const distributionCount = distributionRoll < 0.25 ? 0 : distributionRoll < 0.65 ? 1 : distributionRoll < 0.9 ? 2 : 3;
  const formats = shuffled(rng, kind.formats).slice(0, distributionCount);
  record.distributions = formats.map((format, i) => {
    const spec = FORMATS[format];
    const accessUrl = `${BASE_URL}/datasets/${id}/distributions/${i + 1}`;
    return {
      title: { fr: spec.fr, en: spec.en },
      accessUrl,
      ...(accessRights === 'PUBLIC' || spec.doc ? { downloadUrl: `${accessUrl}/download.${spec.ext}` } : {}),
      format,
      mediaType: spec.mediaType,
      byteSize: spec.doc ? logInt(rng, 20_000, 5_000_000) : logInt(rng, 100_000, 50_000_000_000),
      ...(accessRights !== 'PUBLIC' && !spec.doc && chance(rng, 0.5)
        ? { rights: { fr: 'Accès sur autorisation', en: 'Access subject to authorisation' } }
        : {}),
    };
  });

  return record;
}

/**
 * Synthetic datasets `syn-1` ... `syn-<datasets>`, yielded one at a time. Each refers to holders of
 * `syntheticDataHolders({ count: holders ?? 200, seed })`: a publisher (of the dataset's country when
 * there is one), sometimes a custodian and, for restricted data, sometimes the access body of its country.
 */
export function* syntheticDatasets(options: SyntheticCatalogOptions): Generator<DatasetRecordInput> {
  const { datasets } = options;
  if (!Number.isInteger(datasets) || datasets < 0) throw new RangeError(`datasets must be a non-negative integer, got ${datasets}`);
  const holderCount = options.holders ?? DEFAULT_HOLDERS;
  if (!Number.isInteger(holderCount) || holderCount < 1) throw new RangeError(`holders must be a positive integer, got ${holderCount}`);
  const seed = normalizeSeed(options.seed);
  const pools = holderPools(syntheticDataHolders({ count: holderCount, seed: options.seed }));
  for (let n = 1; n <= datasets; n++) {
    yield makeDataset(n, mulberry32(itemSeed(seed, n, DATASET_SALT)), pools);
  }
}
