import { countries } from '../vocabulary/countries.js';

/** The reserved source id of the catalogue's own datasets (a harvest source may not take it). */
export const LOCAL_SOURCE = 'local';

/**
 * The country of this catalogue (`CATALOGUE_COUNTRY`, an EU country code, FRA unless set): the country
 * its own datasets count under in the SOURCE_COUNTRY facet and filter. An unknown code falls back to FRA
 * (the configuration check refuses it at start).
 */
export function catalogueCountry(): keyof typeof countries {
  const code = process.env.CATALOGUE_COUNTRY ?? 'FRA';
  return code in countries && code !== 'UNKNOWN' ? (code as keyof typeof countries) : 'FRA';
}
