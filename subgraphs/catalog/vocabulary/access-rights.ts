import type { Vocabulary } from './term.js';

const base = 'http://publications.europa.eu/resource/authority/access-right/';

/** EU access-right vocabulary: who may read the data itself (not its metadata). */
export const accessRights = {
  PUBLIC: { uri: `${base}PUBLIC`, en: 'Public', fr: 'Public' },
  RESTRICTED: { uri: `${base}RESTRICTED`, en: 'Restricted', fr: 'Restreint' },
  NON_PUBLIC: { uri: `${base}NON_PUBLIC`, en: 'Non-public', fr: 'Non public' },
} as const satisfies Vocabulary<string>;

export type AccessRightsCode = keyof typeof accessRights;
