/**
 * Demo seed: health datasets of other EU countries (Finland, Denmark, Germany, the Netherlands,
 * Estonia, Spain).
 *
 * Facts come from the holders' public descriptions. Apart from Findata's procedure, these facts were
 * not re-read at their source: headcounts appear only in the text and as approximate ("about 205,000 adults"),
 * never in numeric fields, and start years only where a source states them.
 */
import type { DatasetRecordInput } from '../model/dataset-record.js';

type Legislation = NonNullable<DatasetRecordInput['applicableLegislation']>;
type LegalBasis = NonNullable<DatasetRecordInput['legalBasis']>;
type PersonalData = NonNullable<DatasetRecordInput['personalData']>;

const finnishLegislation: Legislation = ['FI_SECONDARY_USE_ACT', 'GDPR', 'EHDS'];
const euLegislation: Legislation = ['GDPR', 'EHDS'];

const registryLegalBasis: LegalBasis = ['GDPR_6_1_E', 'GDPR_9_2_I', 'GDPR_9_2_J'];
const researchLegalBasis: LegalBasis = ['GDPR_6_1_E', 'GDPR_9_2_J'];
const consentedCohort: LegalBasis = ['GDPR_6_1_E', 'GDPR_9_2_A'];

const registryData: PersonalData = ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH'];
const cohortData: PersonalData = ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH', 'BEHAVIORAL', 'PHYSICAL_CHARACTERISTIC'];

/** Findata's procedure (checked): shared by the French and English descriptions of Finnish datasets. */
const findataProcedure = {
  fr: "Pour un usage secondaire, Findata délivre les autorisations : elle statue en trois mois, prolongeables de trois mois, accorde des autorisations à durée limitée et met les données à disposition dans son environnement sécurisé Kapseli.",
  en: 'For secondary use, permits are issued by Findata, which decides within three months (extendable by three more), grants fixed-term permits and provides the data in its secure processing environment, Kapseli.',
};

const findataDistribution: NonNullable<DatasetRecordInput['distributions']>[number] = {
  title: { fr: "Demande d'autorisation auprès de Findata", en: 'Data permit application through Findata' },
  accessUrl: 'https://findata.fi',
  format: 'HTML',
  mediaType: 'text/html',
};

const thlContact = { name: 'Finnish Institute for Health and Welfare (THL)', url: 'https://thl.fi' };
const sdsContact = { name: 'Danish Health Data Authority (Sundhedsdatastyrelsen)', url: 'https://sundhedsdatastyrelsen.dk' };

export const europeanDatasets: DatasetRecordInput[] = [
  // Finland
  {
    id: 'fi-hilmo',
    identifier: 'Hilmo',
    title: {
      fr: 'Registre des soins de santé (Hilmo)',
      en: 'Care Register for Health Care (Hilmo)',
    },
    description: {
      fr: `Registre national finlandais, tenu par l'Institut finlandais de la santé et du bien-être (THL), des épisodes de soins hospitaliers et de soins spécialisés. ${findataProcedure.fr}`,
      en: `Finnish national register, kept by the Finnish Institute for Health and Welfare (THL), of hospital and specialist care episodes. ${findataProcedure.en}`,
    },
    keywords: {
      fr: ['hospitalisation', 'soins spécialisés', 'registre', 'Finlande', 'Hilmo', 'Findata'],
      en: ['hospitalisation', 'specialist care', 'register', 'Finland', 'Hilmo', 'Findata'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: finnishLegislation,
    publisher: 'thl',
    accessBody: 'findata',
    contactPoint: thlContact,
    spatial: ['FIN'],
    populationCoverage: {
      fr: 'Patients pris en charge en soins hospitaliers et spécialisés en Finlande.',
      en: 'Patients receiving hospital and specialist care in Finland.',
    },
    personalData: registryData,
    legalBasis: registryLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://thl.fi',
    distributions: [findataDistribution],
  },
  {
    id: 'fi-avohilmo',
    identifier: 'Avohilmo',
    title: {
      fr: 'Registre des consultations de soins primaires (Avohilmo)',
      en: 'Register of Primary Health Care Visits (Avohilmo)',
    },
    description: {
      fr: `Registre national finlandais des consultations de soins primaires, tenu par le THL. ${findataProcedure.fr}`,
      en: `Finnish national register of primary health care visits, kept by THL. ${findataProcedure.en}`,
    },
    keywords: {
      fr: ['soins primaires', 'consultations', 'médecine générale', 'registre', 'Finlande', 'Avohilmo'],
      en: ['primary care', 'visits', 'general practice', 'register', 'Finland', 'Avohilmo'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: finnishLegislation,
    publisher: 'thl',
    accessBody: 'findata',
    contactPoint: thlContact,
    spatial: ['FIN'],
    populationCoverage: {
      fr: 'Personnes consultant en soins primaires en Finlande.',
      en: 'People visiting primary health care in Finland.',
    },
    personalData: registryData,
    legalBasis: registryLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://thl.fi',
    distributions: [findataDistribution],
  },
  {
    id: 'fi-prescriptions',
    identifier: 'Kela and Kanta prescription data',
    title: {
      fr: 'Données de prescription (Kela, Kanta)',
      en: 'Prescription data (Kela, Kanta)',
    },
    description: {
      fr: `Données finlandaises sur les prescriptions de médicaments et leurs délivrances en pharmacie, issues des services nationaux Kanta et de la Kela, l'institution d'assurance sociale. Findata instruit les demandes d'accès aux données Kanta. ${findataProcedure.fr}`,
      en: `Finnish data on medicine prescriptions and purchases at pharmacies, from the national Kanta services and Kela, the Social Insurance Institution. Findata handles access requests for Kanta data. ${findataProcedure.en}`,
    },
    keywords: {
      fr: ['médicaments', 'prescriptions', 'pharmacie', 'remboursement', 'Kanta', 'Kela', 'Finlande'],
      en: ['medicines', 'prescriptions', 'pharmacy', 'reimbursement', 'Kanta', 'Kela', 'Finland'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_PRODUCTS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: finnishLegislation,
    publisher: 'kela',
    accessBody: 'findata',
    contactPoint: { name: 'Social Insurance Institution of Finland (Kela)', url: 'https://www.kela.fi' },
    spatial: ['FIN'],
    populationCoverage: {
      fr: 'Personnes ayant reçu ou acheté des médicaments sur prescription en Finlande.',
      en: 'People prescribed or buying prescription medicines in Finland.',
    },
    personalData: registryData,
    legalBasis: registryLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.kela.fi',
    distributions: [findataDistribution],
  },

  // Denmark
  {
    id: 'dk-lpr',
    identifier: 'LPR',
    title: {
      fr: 'Registre national des patients danois (Landspatientregistret, LPR)',
      en: 'Danish National Patient Register (Landspatientregistret, LPR)',
    },
    description: {
      fr: "Registre national danois des contacts avec l'hôpital, tenu par l'Autorité danoise des données de santé. Il couvre les contacts hospitaliers depuis 1977, avec des diagnostics codés en CIM-10 depuis 1994, ce qui en fait une source majeure pour les études épidémiologiques de long terme.",
      en: 'The Danish national register of hospital contacts, kept by the Danish Health Data Authority. It covers hospital contacts from 1977 onwards, with diagnoses coded in ICD-10 since 1994, which makes it a major source for long-term epidemiological studies.',
    },
    keywords: {
      fr: ['hospitalisation', 'registre des patients', 'diagnostics', 'CIM-10', 'Danemark', 'LPR'],
      en: ['hospitalisation', 'patient register', 'diagnoses', 'ICD-10', 'Denmark', 'LPR'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'danish-health-data-authority',
    contactPoint: sdsContact,
    temporal: { start: '1977-01-01' },
    spatial: ['DNK'],
    codingSystems: ['ICD_10'],
    populationCoverage: {
      fr: 'Personnes ayant eu un contact avec un hôpital au Danemark.',
      en: 'People who had a hospital contact in Denmark.',
    },
    personalData: registryData,
    legalBasis: registryLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://sundhedsdatastyrelsen.dk',
  },
  {
    id: 'dk-prescription-registry',
    identifier: 'Danish National Prescription Registry',
    title: {
      fr: 'Registre national danois des prescriptions',
      en: 'Danish National Prescription Registry',
    },
    description: {
      fr: "Registre des médicaments délivrés par les pharmacies au Danemark, tenu par l'Autorité danoise des données de santé. Les médicaments y sont codés selon la classification ATC, ce qui permet d'étudier leur usage et leurs effets en population.",
      en: 'A registry of medicines dispensed by pharmacies in Denmark, kept by the Danish Health Data Authority. Drugs are coded with the ATC classification, which supports population studies of medicine use and effects.',
    },
    keywords: {
      fr: ['médicaments', 'prescriptions', 'pharmacie', 'ATC', 'pharmaco-épidémiologie', 'Danemark'],
      en: ['medicines', 'prescriptions', 'pharmacy dispensing', 'ATC', 'pharmacoepidemiology', 'Denmark'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_PRODUCTS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'danish-health-data-authority',
    contactPoint: sdsContact,
    spatial: ['DNK'],
    codingSystems: ['ATC'],
    populationCoverage: {
      fr: 'Personnes ayant retiré des médicaments en pharmacie au Danemark.',
      en: 'People who collected medicines at pharmacies in Denmark.',
    },
    personalData: registryData,
    legalBasis: registryLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://sundhedsdatastyrelsen.dk',
  },

  // Germany
  {
    id: 'de-fdz-claims',
    identifier: 'FDZ Gesundheit GKV billing data',
    title: {
      fr: "Données de facturation de l'assurance maladie obligatoire allemande (FDZ Gesundheit)",
      en: 'Statutory health insurance claims (FDZ Gesundheit)',
    },
    description: {
      fr: "Données de facturation des caisses d'assurance maladie obligatoire allemandes (GKV), portant sur environ 73 millions d'assurés. Elles sont mises à disposition de la recherche par le centre de données de recherche en santé (Forschungsdatenzentrum Gesundheit) du BfArM.",
      en: 'Billing data from the German statutory health insurance funds (GKV), covering about 73 million insured people. They are made available for research by the Research Data Centre Health (Forschungsdatenzentrum Gesundheit) at BfArM.',
    },
    keywords: {
      fr: ['remboursement', 'facturation', 'assurance maladie', 'Allemagne', 'GKV', 'FDZ Gesundheit'],
      en: ['claims', 'billing data', 'health insurance', 'Germany', 'GKV', 'FDZ Gesundheit'],
    },
    themes: ['HEAL', 'ECON'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'bfarm',
    contactPoint: { name: 'Forschungsdatenzentrum Gesundheit (BfArM)', url: 'https://www.bfarm.de' },
    spatial: ['DEU'],
    populationCoverage: {
      fr: "Assurés de l'assurance maladie obligatoire en Allemagne (environ 73 millions de personnes).",
      en: 'People insured by German statutory health insurance (about 73 million).',
    },
    personalData: registryData,
    legalBasis: researchLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.bfarm.de',
  },
  {
    id: 'de-nako',
    identifier: 'NAKO Gesundheitsstudie',
    title: {
      fr: 'Étude de santé NAKO (NAKO Gesundheitsstudie)',
      en: 'German National Cohort (NAKO Gesundheitsstudie)',
    },
    description: {
      fr: "La cohorte nationale allemande NAKO suit environ 205 000 adultes pour étudier l'apparition des maladies chroniques répandues et leurs facteurs de risque. Elle associe questionnaires, examens médicaux et échantillons biologiques.",
      en: 'The German National Cohort follows about 205,000 adults to study how common chronic diseases develop and what their risk factors are. It combines questionnaires, medical examinations and biological samples.',
    },
    keywords: {
      fr: ['cohorte', 'maladies chroniques', 'facteurs de risque', 'adultes', 'Allemagne', 'NAKO'],
      en: ['cohort', 'chronic diseases', 'risk factors', 'adults', 'Germany', 'NAKO'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['RQSH'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'nako',
    contactPoint: { name: 'NAKO e.V.', url: 'https://nako.de' },
    spatial: ['DEU'],
    populationCoverage: {
      fr: 'Environ 205 000 adultes vivant en Allemagne.',
      en: 'About 205,000 adults living in Germany.',
    },
    personalData: cohortData,
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH'],
    landingPage: 'https://nako.de',
  },
  {
    id: 'de-zfkd',
    identifier: 'ZfKD',
    title: {
      fr: 'Données des registres du cancer (Zentrum für Krebsregisterdaten, ZfKD)',
      en: 'Cancer registry data (Zentrum für Krebsregisterdaten, ZfKD)',
    },
    description: {
      fr: "Le centre fédéral des données des registres du cancer, au Robert Koch-Institut, rassemble au niveau national les données des registres du cancer allemands. Il sert à estimer l'incidence, la prévalence et la survie des cancers en Allemagne.",
      en: 'The federal centre for cancer registry data at the Robert Koch-Institut brings together German cancer registry data at national level. It is used to estimate cancer incidence, prevalence and survival in Germany.',
    },
    keywords: {
      fr: ['cancer', 'registre du cancer', 'incidence', 'survie', 'Allemagne', 'ZfKD'],
      en: ['cancer', 'cancer registry', 'incidence', 'survival', 'Germany', 'ZfKD'],
    },
    themes: ['HEAL'],
    healthCategories: ['MRMR'],
    healthThemes: ['CANCER_DISEASE'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'rki',
    contactPoint: { name: 'Robert Koch-Institut – Zentrum für Krebsregisterdaten', url: 'https://www.rki.de' },
    spatial: ['DEU'],
    populationCoverage: {
      fr: 'Personnes atteintes de cancer en Allemagne.',
      en: 'People diagnosed with cancer in Germany.',
    },
    personalData: registryData,
    legalBasis: registryLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.rki.de',
  },

  // Netherlands
  {
    id: 'nl-nivel-primary-care',
    identifier: 'Nivel Zorgregistraties Eerste Lijn',
    title: {
      fr: 'Nivel Zorgregistraties Eerste Lijn – données de soins primaires',
      en: 'Nivel Zorgregistraties Eerste Lijn – primary care data',
    },
    description: {
      fr: "Données issues des dossiers médicaux électroniques tenus en routine par les professionnels de soins primaires aux Pays-Bas, collectées par l'institut de recherche Nivel. Elles servent à décrire la morbidité et le recours aux soins de premier recours.",
      en: 'Data from the electronic health records that primary-care providers in the Netherlands keep in routine practice, collected by the Nivel research institute. They are used to describe morbidity and the use of first-line care.',
    },
    keywords: {
      fr: ['soins primaires', 'médecine générale', 'dossier médical', 'morbidité', 'Pays-Bas', 'Nivel'],
      en: ['primary care', 'general practice', 'electronic health records', 'morbidity', 'Netherlands', 'Nivel'],
    },
    themes: ['HEAL'],
    healthCategories: ['EHRS'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'nivel',
    contactPoint: { name: 'Nivel', url: 'https://www.nivel.nl' },
    spatial: ['NLD'],
    populationCoverage: {
      fr: 'Patients des cabinets de soins primaires participants aux Pays-Bas.',
      en: 'Patients of participating primary-care practices in the Netherlands.',
    },
    personalData: ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH', 'HEALTH_RECORD'],
    legalBasis: researchLegalBasis,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH', 'IMPROVING_CARE'],
    landingPage: 'https://www.nivel.nl',
  },
  {
    id: 'nl-nkr',
    identifier: 'NKR',
    title: {
      fr: 'Registre néerlandais du cancer (Nederlandse Kankerregistratie, NKR)',
      en: 'Netherlands Cancer Registry (Nederlandse Kankerregistratie, NKR)',
    },
    description: {
      fr: "Registre du cancer en population couvrant les Pays-Bas depuis 1989, tenu par l'organisation néerlandaise de lutte contre le cancer (IKNL). Il enregistre les nouveaux cas de cancer ainsi que leur diagnostic et leur traitement, pour suivre l'incidence, la prise en charge et la survie.",
      en: 'A population-based cancer registry covering the Netherlands since 1989, kept by the Netherlands Comprehensive Cancer Organisation (IKNL). It records new cancer cases with their diagnosis and treatment, to follow incidence, care and survival.',
    },
    keywords: {
      fr: ['cancer', 'registre du cancer', 'incidence', 'survie', 'Pays-Bas', 'IKNL'],
      en: ['cancer', 'cancer registry', 'incidence', 'survival', 'Netherlands', 'IKNL'],
    },
    themes: ['HEAL'],
    healthCategories: ['MRMR'],
    healthThemes: ['CANCER_DISEASE'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'iknl',
    contactPoint: { name: 'IKNL – Nederlandse Kankerregistratie', url: 'https://iknl.nl' },
    temporal: { start: '1989-01-01' },
    spatial: ['NLD'],
    populationCoverage: {
      fr: 'Personnes atteintes de cancer aux Pays-Bas.',
      en: 'People diagnosed with cancer in the Netherlands.',
    },
    personalData: registryData,
    legalBasis: registryLegalBasis,
    purposes: ['PUBLIC_HEALTH', 'IMPROVING_CARE', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://iknl.nl',
  },
  {
    id: 'nl-lifelines',
    identifier: 'Lifelines',
    title: {
      fr: 'Lifelines – cohorte sur trois générations du nord des Pays-Bas',
      en: 'Lifelines – three-generation cohort of the northern Netherlands',
    },
    description: {
      fr: "Cohorte et biobanque portant sur trois générations, qui suit environ 167 000 personnes vivant dans le nord des Pays-Bas. Elle étudie le vieillissement en bonne santé et les facteurs de risque des maladies chroniques, avec l'appui du centre médical universitaire de Groningue (UMCG).",
      en: 'A three-generation cohort and biobank following about 167,000 people living in the northern Netherlands. It studies healthy ageing and the risk factors of chronic diseases, with the support of the University Medical Center Groningen (UMCG).',
    },
    keywords: {
      fr: ['cohorte', 'biobanque', 'trois générations', 'vieillissement', 'maladies chroniques', 'Pays-Bas'],
      en: ['cohort', 'biobank', 'three generations', 'healthy ageing', 'chronic diseases', 'Netherlands'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['RQSH'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES', 'LIFECOURSE_HEALTH'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'lifelines',
    contactPoint: { name: 'Lifelines', url: 'https://www.lifelines.nl' },
    spatial: ['NLD'],
    spatialDetail: { fr: 'Nord des Pays-Bas', en: 'Northern Netherlands' },
    populationCoverage: {
      fr: 'Environ 167 000 participants de trois générations dans le nord des Pays-Bas.',
      en: 'About 167,000 participants from three generations in the northern Netherlands.',
    },
    personalData: cohortData,
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH'],
    landingPage: 'https://www.lifelines.nl',
  },

  // Estonia
  {
    id: 'ee-biobank',
    identifier: 'Estonian Biobank',
    title: {
      fr: 'Biobanque estonienne',
      en: 'Estonian Biobank',
    },
    description: {
      fr: "Biobanque en population de l'université de Tartu, qui compte environ 200 000 participants génotypés. Les données génétiques y sont reliées à des informations de santé, ce qui en fait une ressource pour la recherche en génomique et en médecine personnalisée.",
      en: 'The population-based biobank of the University of Tartu, with about 200,000 genotyped participants. Genetic data are linked with health information, making it a resource for genomic research and personalised medicine.',
    },
    keywords: {
      fr: ['biobanque', 'génomique', 'génotypage', 'génétique', 'Estonie', 'médecine personnalisée'],
      en: ['biobank', 'genomics', 'genotyping', 'genetics', 'Estonia', 'personalised medicine'],
    },
    themes: ['HEAL', 'TECH'],
    healthCategories: ['EINS', 'HGPD'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'university-of-tartu',
    contactPoint: { name: 'University of Tartu, Institute of Genomics', url: 'https://genomics.ut.ee' },
    spatial: ['EST'],
    populationCoverage: {
      fr: 'Environ 200 000 participants volontaires en Estonie.',
      en: 'About 200,000 volunteer participants in Estonia.',
    },
    personalData: ['IDENTIFIER', 'AGE', 'GENDER', 'MEDICAL_HEALTH', 'GENETIC'],
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH'],
    landingPage: 'https://genomics.ut.ee',
  },

  // Spain
  {
    id: 'es-sidiap',
    identifier: 'SIDIAP',
    title: {
      fr: "SIDIAP – données de soins primaires de Catalogne (Sistema d'Informació per al Desenvolupament de la Investigació en Atenció Primària)",
      en: "SIDIAP – Catalan primary care data (Sistema d'Informació per al Desenvolupament de la Investigació en Atenció Primària)",
    },
    description: {
      fr: "Base de données de recherche constituée à partir des dossiers médicaux électroniques des soins primaires de Catalogne, gérée par l'institut IDIAPJGol. Les données sont transformées vers le modèle commun OMOP, ce qui permet des études multicentriques avec d'autres bases du réseau OHDSI.",
      en: 'A research database built from the primary-care electronic health records of Catalonia, managed by the IDIAPJGol institute. The data are mapped to the OMOP common data model, which allows multi-database studies with other sources of the OHDSI network.',
    },
    keywords: {
      fr: ['soins primaires', 'dossier médical', 'OMOP', 'Catalogne', 'Espagne', 'SIDIAP'],
      en: ['primary care', 'electronic health records', 'OMOP', 'Catalonia', 'Spain', 'SIDIAP'],
    },
    themes: ['HEAL', 'REGI'],
    healthCategories: ['EHRS'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'idiapjgol',
    contactPoint: { name: 'SIDIAP (IDIAPJGol)', url: 'https://www.sidiap.org' },
    spatial: ['ESP'],
    spatialDetail: { fr: 'Catalogne', en: 'Catalonia' },
    codingSystems: ['OHDSI_VOCAB'],
    populationCoverage: {
      fr: 'Patients des soins primaires de Catalogne.',
      en: 'Primary-care patients in Catalonia.',
    },
    personalData: ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH', 'HEALTH_RECORD'],
    legalBasis: researchLegalBasis,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH'],
    landingPage: 'https://www.sidiap.org',
  },
];
