import type { Vocabulary } from './term.js';

const base = 'https://hdeu-dcat.data.health.europa.eu/resource/authority/healthcategories/';

/** The 17 HealthDCAT-AP health categories (EHDS Art. 51 categories of electronic health data). */
export const healthCategories = {
  EHRS: { uri: `${base}EHRS`, en: 'Electronic health data from EHRs', fr: 'Dossiers de santé électroniques' },
  DIOH: {
    uri: `${base}DIOH`,
    en: 'Factors impacting on health (socio-economic, environmental, behavioural determinants)',
    fr: 'Facteurs influant sur la santé (déterminants socio-économiques, environnementaux, comportementaux)',
  },
  NRPE: {
    uri: `${base}NRPE`,
    en: 'Aggregated data on healthcare needs, resources, provision, expenditure and financing',
    fr: 'Données agrégées sur les besoins, ressources, prestations, dépenses et financement des soins',
  },
  RPDG: { uri: `${base}RPDG`, en: 'Pathogens that impact human health', fr: 'Agents pathogènes ayant un impact sur la santé humaine' },
  HRAD: {
    uri: `${base}HRAD`,
    en: 'Healthcare-related administrative data (dispensations, claims, reimbursements)',
    fr: 'Données administratives liées aux soins (dispensations, demandes de remboursement, remboursements)',
  },
  HGPD: { uri: `${base}HGPD`, en: 'Human genetic, epigenomic and genomic data', fr: 'Données génétiques, épigénomiques et génomiques humaines' },
  HPML: {
    uri: `${base}HPML`,
    en: 'Other human molecular data (proteomic, transcriptomic, metabolomic, lipidomic, other omics)',
    fr: 'Autres données moléculaires humaines (protéomique, transcriptomique, métabolomique, lipidomique, autres omiques)',
  },
  PGEH: {
    uri: `${base}PGEH`,
    en: 'Personal electronic health data generated automatically by medical devices',
    fr: 'Données de santé personnelles générées automatiquement par des dispositifs médicaux',
  },
  WELA: { uri: `${base}WELA`, en: 'Data from wellness applications', fr: "Données d'applications de bien-être" },
  IDHP: {
    uri: `${base}IDHP`,
    en: 'Professional status, specialisation and institution of health professionals',
    fr: 'Statut, spécialisation et établissement des professionnels de santé',
  },
  PHDR: { uri: `${base}PHDR`, en: 'Population-based health data registries', fr: 'Registres de santé en population' },
  MRMR: { uri: `${base}MRMR`, en: 'Medical registries and mortality registries', fr: 'Registres médicaux et registres de mortalité' },
  EHCT: {
    uri: `${base}EHCT`,
    en: 'Clinical trials, clinical studies, clinical investigations and performance studies',
    fr: 'Essais cliniques, études cliniques, investigations cliniques et études de performance',
  },
  EMRD: { uri: `${base}EMRD`, en: 'Other health data from medical devices', fr: 'Autres données de santé issues de dispositifs médicaux' },
  RMMD: {
    uri: `${base}RMMD`,
    en: 'Registries of medicinal products and medical devices',
    fr: 'Registres des médicaments et des dispositifs médicaux',
  },
  RQSH: {
    uri: `${base}RQSH`,
    en: 'Research cohorts, questionnaires and surveys related to health',
    fr: 'Cohortes de recherche, questionnaires et enquêtes sur la santé',
  },
  EINS: { uri: `${base}EINS`, en: 'Health data from biobanks and associated databases', fr: 'Données de biobanques et bases associées' },
} as const satisfies Vocabulary<string>;

export type HealthCategoryCode = keyof typeof healthCategories;
