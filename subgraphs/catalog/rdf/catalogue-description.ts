import { legislation } from '../vocabulary/legislation.js';

/**
 * How the catalogue describes itself (`dcat:Catalog`). DCAT-AP 3 requires a title, a description and a
 * publisher; HealthDCAT-AP requires the legislation that applies to the catalogue, here the EHDS
 * Regulation, under which health dataset catalogues are published. The publisher is named after the
 * platform, whose deployment has no configured operator name yet (see docs/catalogue-export.md).
 */
export const catalogueDescription = {
  title: { en: 'Catalogue of health datasets', fr: 'Catalogue de jeux de données de santé' },
  description: {
    en: 'Health datasets described after HealthDCAT-AP (DCAT-AP 3 with the health extension), for researchers and for the European Health Data Space.',
    fr: "Jeux de données de santé décrits selon HealthDCAT-AP (DCAT-AP 3 et son extension santé), pour les chercheurs et pour l'espace européen des données de santé.",
  },
  publisherName: 'Health metadata gateway',
  languages: ['http://publications.europa.eu/resource/authority/language/FRA', 'http://publications.europa.eu/resource/authority/language/ENG'],
  applicableLegislation: [legislation.EHDS.uri],
} as const;
