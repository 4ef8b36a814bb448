import type { organisation } from '../db/schema/organisation.js';

/**
 * Demo partner organisations. The identifiers (ROR, SIREN) are left out rather than guessed; admins add
 * them through `createOrganisation`.
 */
export const demoOrganisations: (typeof organisation.$inferInsert)[] = [
  { id: 'inserm', name: 'Institut national de la santé et de la recherche médicale (Inserm)', country: 'FRA', type: 'RESEARCH_INSTITUTE' },
  { id: 'aphp', name: 'Assistance Publique – Hôpitaux de Paris', country: 'FRA', type: 'HOSPITAL' },
  { id: 'univ-bordeaux', name: 'Université de Bordeaux', country: 'FRA', type: 'UNIVERSITY' },
  { id: 'santepubliquefrance', name: 'Santé publique France', country: 'FRA', type: 'PUBLIC_BODY' },
  { id: 'thl', name: 'Finnish Institute for Health and Welfare (THL)', country: 'FIN', type: 'PUBLIC_BODY' },
  { id: 'karolinska', name: 'Karolinska Institutet', country: 'SWE', type: 'UNIVERSITY' },
];
