/**
 * Demo seed: the components of the French SNDS "base principale" and the COVID-19 sources fed into it.
 *
 * Facts come from the SNDS documentation of CNAM and the Health Data Hub, table names from its data
 * dictionary. Figures appear only where they were checked at their source, and then in the text as approximate
 * ("about 68 million"); no numeric count, issue date or version is given because none was checked.
 */
import type { DatasetRecordInput } from '../model/dataset-record.js';

type Legislation = NonNullable<DatasetRecordInput['applicableLegislation']>;
type PersonalData = NonNullable<DatasetRecordInput['personalData']>;
type LegalBasis = NonNullable<DatasetRecordInput['legalBasis']>;
type Purposes = NonNullable<DatasetRecordInput['purposes']>;

/** The SNDS laws (2016 creation, 2019 widening and Health Data Hub), GDPR and the EHDS. */
const sndsLegislation: Legislation = ['FR_LOI_2016_41', 'FR_LOI_2019_774', 'GDPR', 'EHDS'];

/** Pseudonymised individual data as held in the SNDS. */
const sndsPersonalData: PersonalData = ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH'];

const sndsLegalBasis: LegalBasis = ['GDPR_6_1_E', 'GDPR_9_2_I', 'GDPR_9_2_J'];

const sndsPurposes: Purposes = ['PUBLIC_HEALTH', 'POLICY_MAKING', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'];

/** Retention rule of the base principale (checked). */
const sndsRetention: DatasetRecordInput['retentionPeriod'] = {
  fr: "19 ans en plus de l'année en cours, puis 10 ans d'archivage.",
  en: '19 years plus the current year, then 10 years in archive.',
};

const sndsPopulation: DatasetRecordInput['populationCoverage'] = {
  fr: "Quasi-totalité de la population française couverte par l'assurance maladie, tous régimes confondus.",
  en: 'Almost the whole population of France covered by health insurance, all schemes together.',
};

const hdhContact: DatasetRecordInput['contactPoint'] = {
  name: 'Health Data Hub – accès aux données du SNDS',
  url: 'https://www.health-data-hub.fr',
};

const cnamContact: DatasetRecordInput['contactPoint'] = {
  name: "Caisse nationale de l'Assurance Maladie (CNAM)",
  url: 'https://www.assurance-maladie.ameli.fr',
};

const atihContact: DatasetRecordInput['contactPoint'] = {
  name: "Agence technique de l'information sur l'hospitalisation (ATIH)",
  url: 'https://www.atih.sante.fr',
};

const dgsContact: DatasetRecordInput['contactPoint'] = {
  name: 'Direction générale de la santé (DGS)',
  url: 'https://sante.gouv.fr',
};

const sndsDocumentation = 'https://www.snds.gouv.fr';

export const sndsDatasets: DatasetRecordInput[] = [
  {
    id: 'snds-base-principale',
    identifier: 'SNDS base principale',
    title: {
      fr: 'SNDS – base principale',
      en: 'SNDS main database (base principale)',
    },
    description: {
      fr: "La base principale du Système national des données de santé (SNDS) relie, par un identifiant pseudonyme commun, les remboursements de l'assurance maladie, les séjours hospitaliers et les causes médicales de décès de la quasi-totalité de la population française, soit environ 68 millions de personnes. Elle est alimentée par le DCIR, les quatre champs du PMSI, la base des causes de décès du CépiDc et les données des MDPH, sous la responsabilité conjointe de la CNAM et du Health Data Hub. Un projet de recherche y accède par le Health Data Hub, après avis du comité éthique CESREES puis autorisation de la CNIL ; certains organismes publics disposent d'un accès permanent.",
      en: 'The main database of the French National Health Data System (SNDS) links, through a shared pseudonymous identifier, health-insurance reimbursements, hospital stays and medical causes of death for almost the entire French population, about 68 million people. It is fed by the DCIR claims datamart, the four PMSI hospital branches, the CépiDc causes-of-death database and MDPH disability data, and is jointly controlled by CNAM and the Health Data Hub. A research project gains access through the Health Data Hub, after an opinion of the CESREES ethics committee and an authorisation from the CNIL; some public bodies have permanent access.',
    },
    keywords: {
      fr: ['SNDS', 'données de santé', 'remboursement', 'hospitalisation', 'décès', 'assurance maladie', 'données pseudonymisées'],
      en: ['SNDS', 'health data', 'claims', 'reimbursement', 'hospitalisation', 'deaths', 'health insurance', 'pseudonymised data'],
    },
    themes: ['HEAL', 'ECON'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cnam',
    custodian: 'health-data-hub',
    accessBody: 'health-data-hub',
    contactPoint: hdhContact,
    spatial: ['FRA'],
    codingSystems: ['ICD_10', 'ICD_10_NAT', 'PROC_CODES_NAT', 'ATC'],
    populationCoverage: {
      fr: "Quasi-totalité de la population française (environ 68 millions de personnes), tous régimes d'assurance maladie confondus.",
      en: 'Almost the whole population of France (about 68 million people), all health insurance schemes together.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: sndsDocumentation,
    distributions: [
      {
        title: { fr: 'Documentation du SNDS', en: 'SNDS documentation' },
        accessUrl: sndsDocumentation,
        format: 'HTML',
        mediaType: 'text/html',
      },
      {
        title: { fr: "Demande d'accès via le Health Data Hub", en: 'Access request through the Health Data Hub' },
        accessUrl: 'https://www.health-data-hub.fr',
        format: 'HTML',
        mediaType: 'text/html',
      },
    ],
  },
  {
    id: 'snds-dcir',
    identifier: 'DCIR',
    title: {
      fr: 'DCIR – Datamart de consommation inter-régimes',
      en: 'DCIR – inter-scheme outpatient claims datamart',
    },
    description: {
      fr: "Le DCIR rassemble les soins de ville remboursés par l'ensemble des régimes d'assurance maladie : consultations, actes, biologie, médicaments délivrés en officine, dispositifs médicaux et transports. Chaque prestation est une ligne de la table ER_PRS_F, précisée par des tables d'affinage comme ER_PHA_F (pharmacie, codes CIP13 rapprochables de la classification ATC) et ER_CAM_F (actes médicaux codés en CCAM). Un identifiant pseudonyme du bénéficiaire permet de chaîner le DCIR aux séjours hospitaliers du PMSI.",
      en: 'DCIR gathers the outpatient care reimbursed by all French health insurance schemes: consultations, procedures, laboratory tests, medicines dispensed by community pharmacies, medical devices and transport. Each reimbursed benefit is a row of the ER_PRS_F table, detailed by tables such as ER_PHA_F (pharmacy dispensing, with CIP13 drug codes that can be mapped to ATC) and ER_CAM_F (medical procedures coded in CCAM). A pseudonymous beneficiary identifier chains DCIR to the PMSI hospital stays.',
    },
    keywords: {
      fr: ['remboursement', 'soins de ville', 'médicaments', 'pharmacie', 'actes CCAM', 'ER_PRS_F', 'ER_PHA_F', 'ER_CAM_F'],
      en: ['claims', 'reimbursement', 'outpatient care', 'drugs', 'pharmacy dispensing', 'ER_PRS_F', 'ER_PHA_F', 'ER_CAM_F'],
    },
    themes: ['HEAL', 'ECON'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS', 'HEALTH_PRODUCTS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cnam',
    accessBody: 'health-data-hub',
    contactPoint: cnamContact,
    spatial: ['FRA'],
    codingSystems: ['PROC_CODES_NAT', 'ATC'],
    populationCoverage: sndsPopulation,
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: sndsDocumentation,
  },
  {
    id: 'snds-dcirs',
    identifier: 'DCIRS',
    title: {
      fr: 'DCIRS – DCIR simplifié',
      en: 'DCIRS – simplified DCIR datamart',
    },
    description: {
      fr: "Le DCIRS est une version simplifiée du DCIR, dérivée de celui-ci, qui rend les données de remboursement des soins de ville plus faciles à interroger. Ses tables portent le préfixe NS_, par exemple NS_PRS_F pour les prestations, NS_PHA_F pour la pharmacie et NS_CAM_F pour les actes codés en CCAM, et ses bénéficiaires sont décrits dans le référentiel IR_IBA_R.",
      en: 'DCIRS is a simplified version of the DCIR claims datamart, derived from it to make outpatient reimbursement data easier to query. Its tables carry the NS_ prefix, for example NS_PRS_F for benefits, NS_PHA_F for pharmacy dispensing and NS_CAM_F for CCAM-coded procedures, and its beneficiaries are described in the IR_IBA_R reference table.',
    },
    keywords: {
      fr: ['remboursement', 'soins de ville', 'médicaments', 'DCIRS', 'NS_PRS_F', 'NS_PHA_F'],
      en: ['claims', 'reimbursement', 'outpatient care', 'drugs', 'DCIRS', 'NS_PRS_F', 'NS_PHA_F'],
    },
    themes: ['HEAL', 'ECON'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS', 'HEALTH_PRODUCTS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cnam',
    accessBody: 'health-data-hub',
    contactPoint: cnamContact,
    spatial: ['FRA'],
    codingSystems: ['PROC_CODES_NAT', 'ATC'],
    populationCoverage: sndsPopulation,
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: sndsDocumentation,
  },
  {
    id: 'pmsi-mco',
    identifier: 'PMSI MCO',
    title: {
      fr: 'PMSI MCO – séjours en médecine, chirurgie et obstétrique',
      en: 'PMSI MCO – acute hospital stays (medicine, surgery, obstetrics)',
    },
    description: {
      fr: "Le champ MCO du programme de médicalisation des systèmes d'information (PMSI), collecté par l'ATIH, décrit les séjours hospitaliers de court séjour en médecine, chirurgie et obstétrique. Les diagnostics sont codés avec la version française de la CIM-10 et les actes avec la CCAM ; les consultations externes et les médicaments ou dispositifs facturés en sus y figurent aussi. Dans le SNDS, les séjours sont chaînés aux remboursements grâce à l'identifiant pseudonyme du patient (table T_MCOaa_nnC).",
      en: 'The MCO branch of the French hospital discharge database (PMSI), collected by ATIH, describes acute hospital stays in medicine, surgery and obstetrics. Diagnoses are coded with the French version of ICD-10 and procedures with CCAM; outpatient hospital consultations and drugs or devices billed on top of the stay are recorded too. In the SNDS, stays are chained to claims through the pseudonymous patient identifier (T_MCOaa_nnC table).',
    },
    keywords: {
      fr: ['hospitalisation', 'séjours hospitaliers', 'PMSI', 'CIM-10', 'CCAM', 'diagnostics', 'chirurgie', 'obstétrique'],
      en: ['hospitalisation', 'hospital stays', 'hospital discharge data', 'ICD-10', 'CCAM', 'diagnoses', 'surgery', 'obstetrics'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD', 'EHRS'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'atih',
    accessBody: 'health-data-hub',
    contactPoint: atihContact,
    spatial: ['FRA'],
    codingSystems: ['ICD_10_NAT', 'PROC_CODES_NAT'],
    populationCoverage: {
      fr: 'Patients hospitalisés en court séjour (médecine, chirurgie, obstétrique) en France.',
      en: 'Patients admitted for acute care (medicine, surgery, obstetrics) in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: 'https://www.atih.sante.fr',
  },
  {
    id: 'pmsi-ssr',
    identifier: 'PMSI SSR',
    title: {
      fr: 'PMSI SSR (SMR) – soins de suite et de réadaptation',
      en: 'PMSI SSR (now SMR) – follow-up care and rehabilitation stays',
    },
    description: {
      fr: "Ce champ du PMSI recense les séjours en soins de suite et de réadaptation (SSR), devenus soins médicaux et de réadaptation (SMR). L'activité de rééducation est codée avec le catalogue CSARR, les actes médicaux avec la CCAM et les diagnostics avec la CIM-10 française. Les données, collectées par l'ATIH, sont chaînées au reste du SNDS par l'identifiant pseudonyme du patient.",
      en: 'This PMSI branch records stays in follow-up care and rehabilitation units (SSR), since renamed SMR (soins médicaux et de réadaptation). Rehabilitation activity is coded with the CSARR catalogue, medical procedures with CCAM and diagnoses with the French version of ICD-10. The data are collected by ATIH and chained to the rest of the SNDS through the pseudonymous patient identifier.',
    },
    keywords: {
      fr: ['hospitalisation', 'réadaptation', 'rééducation', 'soins de suite', 'PMSI', 'CSARR'],
      en: ['hospitalisation', 'rehabilitation', 'follow-up care', 'hospital stays', 'PMSI', 'CSARR'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'atih',
    accessBody: 'health-data-hub',
    contactPoint: atihContact,
    spatial: ['FRA'],
    codingSystems: ['ICD_10_NAT', 'PROC_CODES_NAT'],
    populationCoverage: {
      fr: 'Patients pris en charge en soins de suite et de réadaptation en France.',
      en: 'Patients treated in follow-up care and rehabilitation units in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: 'https://www.atih.sante.fr',
  },
  {
    id: 'pmsi-had',
    identifier: 'PMSI HAD',
    title: {
      fr: 'PMSI HAD – hospitalisation à domicile',
      en: 'PMSI HAD – hospital-at-home care',
    },
    description: {
      fr: "Ce champ du PMSI couvre l'hospitalisation à domicile (HAD), où un établissement de santé assure des soins hospitaliers au domicile du patient. Les prises en charge sont décrites par des résumés anonymes par sous-séquence (RAPSS), avec des diagnostics codés en CIM-10 et des actes en CCAM. Les données sont collectées par l'ATIH et chaînées au SNDS.",
      en: "This PMSI branch covers hospital-at-home care (HAD), in which a healthcare establishment delivers hospital-level care in the patient's home. Episodes are described by anonymous summaries per sub-sequence (RAPSS), with diagnoses coded in ICD-10 and procedures in CCAM. The data are collected by ATIH and chained to the SNDS.",
    },
    keywords: {
      fr: ['hospitalisation à domicile', 'HAD', 'hospitalisation', 'PMSI', 'soins à domicile'],
      en: ['hospital at home', 'home hospitalisation', 'hospitalisation', 'PMSI', 'home care'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'atih',
    accessBody: 'health-data-hub',
    contactPoint: atihContact,
    spatial: ['FRA'],
    codingSystems: ['ICD_10_NAT', 'PROC_CODES_NAT'],
    populationCoverage: {
      fr: 'Patients pris en charge en hospitalisation à domicile en France.',
      en: 'Patients receiving hospital-at-home care in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: 'https://www.atih.sante.fr',
  },
  {
    id: 'pmsi-rimp',
    identifier: 'PMSI RIM-P',
    title: {
      fr: 'PMSI RIM-P – recueil d’informations médicalisé en psychiatrie',
      en: 'PMSI RIM-P – psychiatric care',
    },
    description: {
      fr: "Le RIM-P est le volet du PMSI consacré à la psychiatrie : il décrit les prises en charge assurées par les établissements et services psychiatriques. Il documente aussi les mesures d'isolement et de contention, dans un fichier complémentaire dédié (T_RIPaa_nnISOCONT). Les diagnostics sont codés avec la CIM-10 française et les données sont chaînées au SNDS.",
      en: 'RIM-P is the psychiatry branch of the PMSI: it describes the care provided by psychiatric hospitals and services. It also documents seclusion and restraint measures, in a dedicated supplementary file (T_RIPaa_nnISOCONT). Diagnoses are coded with the French version of ICD-10 and the data are chained to the SNDS.',
    },
    keywords: {
      fr: ['psychiatrie', 'santé mentale', 'hospitalisation', 'isolement', 'contention', 'PMSI'],
      en: ['psychiatry', 'mental health', 'hospitalisation', 'seclusion', 'restraint', 'PMSI'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['MENTAL_HEALTH', 'HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'atih',
    accessBody: 'health-data-hub',
    contactPoint: atihContact,
    spatial: ['FRA'],
    codingSystems: ['ICD_10_NAT', 'PROC_CODES_NAT'],
    populationCoverage: {
      fr: 'Patients suivis par les établissements et services de psychiatrie en France.',
      en: 'Patients cared for by psychiatric hospitals and services in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: 'https://www.atih.sante.fr',
  },
  {
    id: 'cepidc-bcmd',
    identifier: 'BCMD',
    title: {
      fr: 'Causes médicales de décès (BCMD)',
      en: 'Medical causes of death (BCMD)',
    },
    description: {
      fr: "La base des causes médicales de décès du CépiDc-Inserm est constituée à partir des certificats de décès, dont les causes sont codées en CIM-10. Intégrée au SNDS depuis 2016, elle y fournit des données à partir de 2012, dans les tables KI_CCI_R (certificats) et KI_ECD_R (causes). Reliée aux remboursements et aux hospitalisations, elle permet d'étudier la mortalité selon les maladies et les traitements.",
      en: 'The CépiDc-Inserm causes-of-death database is built from medical death certificates, whose causes are coded in ICD-10. Part of the SNDS since 2016, it provides data from 2012 onwards, in the KI_CCI_R (certificates) and KI_ECD_R (causes) tables. Linked to claims and hospital stays, it supports studies of mortality by disease and by treatment.',
    },
    keywords: {
      fr: ['décès', 'causes de décès', 'mortalité', 'certificats de décès', 'CIM-10', 'CépiDc'],
      en: ['deaths', 'causes of death', 'mortality', 'death certificates', 'ICD-10', 'CépiDc'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['MRMR'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cepidc-inserm',
    accessBody: 'health-data-hub',
    contactPoint: { name: 'CépiDc-Inserm', url: 'https://www.cepidc.inserm.fr' },
    temporal: { start: '2012-01-01' },
    spatial: ['FRA'],
    codingSystems: ['ICD_10'],
    populationCoverage: {
      fr: 'Personnes décédées en France.',
      en: 'People who died in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: 'https://www.cepidc.inserm.fr',
  },
  {
    id: 'mdph',
    identifier: 'Données MDPH',
    title: {
      fr: 'Données des maisons départementales des personnes handicapées (MDPH)',
      en: 'Disability data from the departmental disability centres (MDPH)',
    },
    description: {
      fr: "Données sur le handicap issues des maisons départementales des personnes handicapées (MDPH), rassemblées au niveau national par la CNSA. Intégrées à la base principale du SNDS, elles permettent de croiser la situation de handicap avec le parcours de soins.",
      en: 'Disability data from the departmental disability centres (maisons départementales des personnes handicapées, MDPH), brought together nationally by CNSA. As part of the SNDS base principale, they allow disability to be studied alongside the care pathway.',
    },
    keywords: {
      fr: ['handicap', 'MDPH', 'autonomie', 'personnes handicapées', 'CNSA'],
      en: ['disability', 'MDPH', 'autonomy', 'disabled people', 'CNSA'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cnsa',
    accessBody: 'health-data-hub',
    contactPoint: { name: "Caisse nationale de solidarité pour l'autonomie (CNSA)", url: 'https://www.cnsa.fr' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Personnes connues des maisons départementales des personnes handicapées.',
      en: 'People known to the departmental disability centres.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    retentionPeriod: sndsRetention,
    landingPage: 'https://www.cnsa.fr',
  },
  {
    id: 'cartographie-pathologies',
    identifier: 'Cartographie des pathologies et des dépenses',
    title: {
      fr: 'Cartographie des pathologies et des dépenses',
      en: 'Annual mapping of medical conditions and healthcare expenditure',
    },
    description: {
      fr: "Chaque année, l'Assurance Maladie applique des algorithmes aux données du DCIR et du PMSI pour repérer les pathologies, traitements chroniques et épisodes de soins des assurés, et leur affecter les dépenses remboursées. Les résultats agrégés de cette cartographie sont publiés par l'Assurance Maladie ; les tables individuelles correspondantes (CT_IND pour les pathologies, CT_IDE pour les individus, CT_DEP pour les dépenses, une série par année et par version d'algorithme) sont disponibles dans le SNDS selon ses règles d'accès.",
      en: 'Every year the French national health insurance runs algorithms over DCIR and PMSI data to identify the conditions, long-term treatments and care episodes of insured people and to allocate reimbursed spending to them. The aggregated results of this mapping are published by the Assurance Maladie; the matching individual-level tables (CT_IND for conditions, CT_IDE for individuals, CT_DEP for spending, one set per year and algorithm version) are available within the SNDS under its access rules.',
    },
    keywords: {
      fr: ['pathologies', 'dépenses de santé', 'maladies chroniques', 'cartographie', 'remboursement', 'CT_IND', 'CT_DEP'],
      en: ['medical conditions', 'health expenditure', 'chronic diseases', 'disease mapping', 'reimbursement', 'CT_IND', 'CT_DEP'],
    },
    themes: ['HEAL', 'ECON'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS', 'NONCOMMUNICABLE_DISEASES'],
    accessRights: 'PUBLIC',
    applicableLegislation: sndsLegislation,
    publisher: 'cnam',
    accessBody: 'health-data-hub',
    contactPoint: cnamContact,
    spatial: ['FRA'],
    populationCoverage: {
      fr: "Assurés de l'assurance maladie en France.",
      en: 'People covered by the French national health insurance.',
    },
    legalBasis: ['GDPR_6_1_E', 'GDPR_9_2_I'],
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'],
    frequency: 'ANNUAL',
    landingPage: 'https://www.assurance-maladie.ameli.fr',
    distributions: [
      {
        title: { fr: "Résultats publiés par l'Assurance Maladie", en: 'Results published by the Assurance Maladie' },
        accessUrl: 'https://www.assurance-maladie.ameli.fr',
        format: 'HTML',
        mediaType: 'text/html',
      },
    ],
  },
  {
    id: 'snds-esnd',
    identifier: 'ESND',
    title: {
      fr: 'ESND – Échantillon du SNDS (ex-EGB)',
      en: 'ESND – sample of SNDS beneficiaries (formerly EGB)',
    },
    description: {
      fr: "L'ESND, qui a succédé à l'échantillon généraliste des bénéficiaires (EGB), est un échantillon de bénéficiaires du SNDS conçu pour être représentatif de la population couverte. Il réunit les données de remboursement et d'hospitalisation des personnes échantillonnées, ce qui allège les études longitudinales par rapport à la base complète.",
      en: 'ESND, the successor of the échantillon généraliste des bénéficiaires (EGB), is a sample of SNDS beneficiaries designed to be representative of the covered population. It brings together the claims and hospital data of the sampled people, which makes longitudinal studies lighter to run than on the full database.',
    },
    keywords: {
      fr: ['échantillon', 'EGB', 'ESND', 'remboursement', 'hospitalisation', 'étude longitudinale'],
      en: ['sample', 'EGB', 'ESND', 'claims', 'hospitalisation', 'longitudinal study'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cnam',
    accessBody: 'health-data-hub',
    contactPoint: cnamContact,
    spatial: ['FRA'],
    codingSystems: ['ICD_10_NAT', 'PROC_CODES_NAT', 'ATC'],
    populationCoverage: {
      fr: 'Échantillon représentatif des bénéficiaires du SNDS.',
      en: 'A representative sample of SNDS beneficiaries.',
    },
    personalData: sndsPersonalData,
    legalBasis: sndsLegalBasis,
    purposes: sndsPurposes,
    landingPage: sndsDocumentation,
  },
  {
    id: 'vac-si',
    identifier: 'VAC-SI',
    title: {
      fr: 'VAC-SI (Vaccin Covid) – vaccinations contre la Covid-19',
      en: 'VAC-SI (Vaccin Covid) – COVID-19 vaccination records',
    },
    description: {
      fr: "VAC-SI est le système d'information dans lequel ont été enregistrées les vaccinations contre la Covid-19 en France, sous la responsabilité de l'Assurance Maladie et de la Direction générale de la santé. Mis à disposition dans le SNDS, il permet des études de pharmaco-épidémiologie et d'efficacité vaccinale en lien avec les soins et les hospitalisations.",
      en: 'VAC-SI is the information system in which COVID-19 vaccinations given in France were recorded, under the responsibility of the national health insurance (CNAM) and the Directorate General for Health (DGS). Made available in the SNDS, it supports pharmaco-epidemiology and vaccine-effectiveness studies linked with care and hospital stays.',
    },
    keywords: {
      fr: ['vaccination', 'Covid-19', 'vaccins', 'couverture vaccinale', 'SARS-CoV-2'],
      en: ['vaccination', 'COVID-19', 'vaccines', 'vaccine coverage', 'SARS-CoV-2'],
    },
    themes: ['HEAL'],
    healthCategories: ['PHDR'],
    healthThemes: ['IMMUNIZATION_DISEASES', 'RESPIRATORY_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cnam',
    custodian: 'dgs',
    accessBody: 'health-data-hub',
    contactPoint: cnamContact,
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Personnes vaccinées contre la Covid-19 en France.',
      en: 'People vaccinated against COVID-19 in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: ['GDPR_6_1_E', 'GDPR_9_2_I'],
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
  },
  {
    id: 'si-dep',
    identifier: 'SI-DEP',
    title: {
      fr: 'SI-DEP – résultats des tests de dépistage de la Covid-19',
      en: 'SI-DEP – COVID-19 test results',
    },
    description: {
      fr: "SI-DEP, le système d'information de dépistage piloté par la Direction générale de la santé, a centralisé les résultats des tests de dépistage de la Covid-19 réalisés en France, RT-PCR comme tests antigéniques. Il a été arrêté le 30 juin 2023 et remplacé par néoSI-DEP.",
      en: 'SI-DEP, the screening information system run by the Directorate General for Health, centralised the results of COVID-19 tests performed in France, both RT-PCR and antigen tests. It was stopped on 30 June 2023 and replaced by néoSI-DEP.',
    },
    keywords: {
      fr: ['dépistage', 'Covid-19', 'tests PCR', 'tests antigéniques', 'SARS-CoV-2', 'surveillance'],
      en: ['testing', 'COVID-19', 'PCR tests', 'antigen tests', 'SARS-CoV-2', 'surveillance'],
    },
    themes: ['HEAL'],
    healthCategories: ['RPDG'],
    healthThemes: ['RESPIRATORY_DISEASES', 'EMERGENCY_SETTINGS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'dgs',
    accessBody: 'health-data-hub',
    contactPoint: dgsContact,
    temporal: { end: '2023-06-30' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Personnes testées pour la Covid-19 en France.',
      en: 'People tested for COVID-19 in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: ['GDPR_6_1_E', 'GDPR_9_2_I'],
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    frequency: 'NEVER',
  },
  {
    id: 'si-vic',
    identifier: 'SI-VIC',
    title: {
      fr: 'SI-VIC – suivi des patients hospitalisés pour Covid-19',
      en: 'SI-VIC – tracking of patients hospitalised with COVID-19',
    },
    description: {
      fr: "SI-VIC, le système d'information pour le suivi des victimes, a été créé en 2016 pour suivre la prise en charge hospitalière des victimes d'attentats. Pendant l'épidémie, la Direction générale de la santé l'a utilisé pour suivre les patients hospitalisés pour Covid-19.",
      en: 'SI-VIC, the victim-tracking information system, was created in 2016 to follow hospital care of the victims of terrorist attacks. During the epidemic, the Directorate General for Health used it to track patients hospitalised with COVID-19.',
    },
    keywords: {
      fr: ['Covid-19', 'hospitalisation', 'suivi des patients', 'victimes', 'attentats', 'crise sanitaire'],
      en: ['COVID-19', 'hospitalisation', 'patient tracking', 'victims', 'terrorist attacks', 'health crisis'],
    },
    themes: ['HEAL'],
    healthCategories: ['EHRS'],
    healthThemes: ['EMERGENCY_SETTINGS', 'RESPIRATORY_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'dgs',
    accessBody: 'health-data-hub',
    contactPoint: dgsContact,
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Patients hospitalisés pour Covid-19 en France.',
      en: 'Patients hospitalised with COVID-19 in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: ['GDPR_6_1_E', 'GDPR_9_2_I'],
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
  },
  {
    id: 'snds-fast-track',
    identifier: 'SNDS Fast Track',
    title: {
      fr: 'SNDS Fast Track – remontée accélérée des séjours Covid-19',
      en: 'SNDS Fast Track – fast feed of COVID-19 hospital stays',
    },
    description: {
      fr: "Le Fast Track a été mis en place par l'Assurance Maladie, l'ATIH et le Health Data Hub pour faire entrer les séjours hospitaliers liés à la Covid-19 dans le SNDS bien plus vite que le circuit habituel du PMSI. Il a permis d'étudier l'épidémie pendant qu'elle se déroulait, en reliant ces séjours aux autres données du SNDS.",
      en: 'The Fast Track was set up by the national health insurance (CNAM), ATIH and the Health Data Hub to bring COVID-19 hospital stays into the SNDS much faster than the usual PMSI release cycle. It made it possible to study the epidemic while it was unfolding, by linking those stays to the rest of the SNDS.',
    },
    keywords: {
      fr: ['Covid-19', 'hospitalisation', 'PMSI', 'séjours hospitaliers', 'données rapides'],
      en: ['COVID-19', 'hospitalisation', 'PMSI', 'hospital stays', 'rapid data'],
    },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    healthThemes: ['RESPIRATORY_DISEASES', 'EMERGENCY_SETTINGS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: sndsLegislation,
    publisher: 'cnam',
    custodian: 'atih',
    accessBody: 'health-data-hub',
    contactPoint: hdhContact,
    spatial: ['FRA'],
    codingSystems: ['ICD_10_NAT', 'PROC_CODES_NAT'],
    populationCoverage: {
      fr: 'Patients hospitalisés pour Covid-19 en France.',
      en: 'Patients hospitalised with COVID-19 in France.',
    },
    personalData: sndsPersonalData,
    legalBasis: ['GDPR_6_1_E', 'GDPR_9_2_I', 'GDPR_9_2_J'],
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.health-data-hub.fr',
  },
];
