/**
 * Demo seed: French health datasets outside the SNDS base principale (the SNDS catalogue, clinical
 * data warehouses, cohorts, registries and national surveys).
 *
 * Facts come from the holders' public descriptions. Most were not re-read at their source, so
 * every headcount is written in the text as approximate ("about 200,000 adults") and no numeric
 * count field is filled; start years are given only where a source states them.
 */
import type { DatasetRecordInput } from '../model/dataset-record.js';

type Legislation = NonNullable<DatasetRecordInput['applicableLegislation']>;
type LegalBasis = NonNullable<DatasetRecordInput['legalBasis']>;
type PersonalData = NonNullable<DatasetRecordInput['personalData']>;

const euLegislation: Legislation = ['GDPR', 'EHDS'];

/** Datasets hosted by or built with the Health Data Hub also fall under the 2019 law that created it. */
const hdhLegislation: Legislation = ['FR_LOI_2019_774', 'GDPR', 'EHDS'];

/** Public-interest research and registries. */
const publicInterestResearch: LegalBasis = ['GDPR_6_1_E', 'GDPR_9_2_J'];

/** Public-health surveillance and registries run by public bodies. */
const publicHealth: LegalBasis = ['GDPR_6_1_E', 'GDPR_9_2_I', 'GDPR_9_2_J'];

/** Cohorts whose participants volunteered and gave explicit consent. */
const consentedCohort: LegalBasis = ['GDPR_6_1_E', 'GDPR_9_2_A'];

const clinicalData: PersonalData = ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH'];

const cohortData: PersonalData = ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH', 'BEHAVIORAL'];

const inserm = { name: 'Inserm', url: 'https://www.inserm.fr' };
const spf = { name: 'Santé publique France', url: 'https://www.santepubliquefrance.fr' };
const abm = { name: 'Agence de la biomédecine', url: 'https://www.agence-biomedecine.fr' };

export const frenchDatasets: DatasetRecordInput[] = [
  {
    id: 'oscour',
    identifier: 'OSCOUR',
    title: {
      fr: 'OSCOUR – Organisation de la surveillance coordonnée des urgences',
      en: 'OSCOUR – emergency department surveillance network',
    },
    description: {
      fr: "OSCOUR est le réseau de surveillance des services d'urgences animé par Santé publique France : chaque passage aux urgences y produit un résumé individuel. Ces données servent à la surveillance sanitaire des épidémies et d'autres événements ayant un effet sur la santé. OSCOUR a été la première base de données hébergée par le Health Data Hub.",
      en: "OSCOUR is Santé publique France's surveillance network of hospital emergency departments: each emergency visit produces an individual summary record. The data are used for health surveillance of epidemics and other events that affect health. OSCOUR was the first database hosted by the Health Data Hub.",
    },
    keywords: {
      fr: ['urgences', 'passages aux urgences', 'surveillance sanitaire', 'épidémies', 'hôpital', 'OSCOUR'],
      en: ['emergency department', 'emergency visits', 'health surveillance', 'epidemics', 'hospital', 'OSCOUR'],
    },
    themes: ['HEAL'],
    healthCategories: ['EHRS'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: hdhLegislation,
    publisher: 'sante-publique-france',
    accessBody: 'health-data-hub',
    contactPoint: spf,
    spatial: ['FRA'],
    populationCoverage: {
      fr: "Patients passés par les services d'urgences participant au réseau.",
      en: 'Patients seen in the emergency departments that take part in the network.',
    },
    personalData: clinicalData,
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.santepubliquefrance.fr',
  },
  {
    id: 'eds-aphp',
    identifier: 'EDS AP-HP',
    title: {
      fr: "Entrepôt de données de santé de l'AP-HP",
      en: 'AP-HP clinical data warehouse',
    },
    description: {
      fr: "L'entrepôt de données de santé de l'Assistance Publique – Hôpitaux de Paris rassemble des données issues des dossiers patients informatisés des hôpitaux publics parisiens. Il sert à la recherche et à l'amélioration des soins, pour des projets autorisés. L'AP-HP publie les métadonnées de l'entrepôt au format HealthDCAT-AP.",
      en: 'The clinical data warehouse of Assistance Publique – Hôpitaux de Paris brings together data from the electronic health records of the Paris public hospitals. It serves research and the improvement of care, for authorised projects. AP-HP publishes the warehouse metadata in the HealthDCAT-AP format.',
    },
    keywords: {
      fr: ['entrepôt de données de santé', 'dossier patient', 'hôpital', 'AP-HP', 'données cliniques', 'EDS'],
      en: ['clinical data warehouse', 'electronic health records', 'hospital', 'AP-HP', 'clinical data', 'EDS'],
    },
    themes: ['HEAL'],
    healthCategories: ['EHRS'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'aphp',
    contactPoint: { name: 'AP-HP – Entrepôt de données de santé', url: 'https://www.aphp.fr' },
    spatial: ['FRA'],
    spatialDetail: { fr: 'Paris et Île-de-France', en: 'Paris and Île-de-France' },
    populationCoverage: {
      fr: "Patients pris en charge dans les hôpitaux de l'AP-HP.",
      en: 'Patients treated in AP-HP hospitals.',
    },
    personalData: ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH', 'HEALTH_RECORD'],
    legalBasis: publicInterestResearch,
    purposes: ['SCIENTIFIC_RESEARCH', 'IMPROVING_CARE'],
    landingPage: 'https://www.aphp.fr',
  },
  {
    id: 'eds-emc2',
    identifier: 'EDS EMC2',
    title: {
      fr: 'EDS EMC2 – entrepôt de données hospitalières chaîné au SNDS',
      en: 'EDS EMC2 – hospital data warehouse linked to the SNDS',
    },
    description: {
      fr: "Entrepôt de données construit par le Health Data Hub avec quatre établissements hospitaliers, dont le Centre Léon Bérard, pour un programme d'études de l'Agence européenne des médicaments. Les données hospitalières y sont chaînées au SNDS, ce qui permet de suivre les patients entre l'hôpital et la ville.",
      en: 'A data warehouse built by the Health Data Hub with four hospitals, among them the Centre Léon Bérard, for a study programme of the European Medicines Agency. The hospital data are linked to the SNDS, so that patients can be followed between hospital and community care.',
    },
    keywords: {
      fr: ['entrepôt de données de santé', 'hôpital', 'SNDS', 'médicaments', 'Agence européenne des médicaments', 'EMC2'],
      en: ['clinical data warehouse', 'hospital', 'SNDS', 'medicines', 'European Medicines Agency', 'EMC2'],
    },
    themes: ['HEAL'],
    healthCategories: ['EHRS'],
    healthThemes: ['HEALTH_PRODUCTS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: hdhLegislation,
    publisher: 'health-data-hub',
    accessBody: 'health-data-hub',
    contactPoint: { name: 'Health Data Hub', url: 'https://www.health-data-hub.fr' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Patients des quatre établissements participants.',
      en: 'Patients of the four participating hospitals.',
    },
    personalData: ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH', 'HEALTH_RECORD'],
    legalBasis: publicInterestResearch,
    purposes: ['SCIENTIFIC_RESEARCH', 'POLICY_MAKING'],
    landingPage: 'https://www.health-data-hub.fr',
  },
  {
    id: 'e-must',
    identifier: 'e-MUST',
    title: {
      fr: "e-MUST – registre de l'infarctus du myocarde pris en charge en urgence en Île-de-France",
      en: 'e-MUST – registry of emergency care for myocardial infarction in Île-de-France',
    },
    description: {
      fr: "Registre des patients victimes d'un infarctus du myocarde pris en charge en urgence en Île-de-France, tenu avec l'Agence régionale de santé et les SAMU de la région. Il décrit la prise en charge préhospitalière et le parcours de soins afin d'évaluer et d'améliorer le traitement en urgence de l'infarctus.",
      en: 'A registry of patients with myocardial infarction who received emergency care in the Île-de-France region, run with the regional health agency and the regional emergency medical services (SAMU). It describes pre-hospital management and the care pathway in order to assess and improve the emergency treatment of heart attacks.',
    },
    keywords: {
      fr: ['infarctus du myocarde', 'crise cardiaque', 'urgences', 'SAMU', 'cardiologie', 'registre'],
      en: ['myocardial infarction', 'heart attack', 'emergency care', 'SAMU', 'cardiology', 'registry'],
    },
    themes: ['HEAL', 'REGI'],
    healthCategories: ['MRMR'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'ars-ile-de-france',
    contactPoint: { name: 'Agence régionale de santé Île-de-France', url: 'https://www.iledefrance.ars.sante.fr' },
    spatial: ['FRA'],
    spatialDetail: { fr: 'Île-de-France', en: 'Île-de-France' },
    populationCoverage: {
      fr: "Patients pris en charge en urgence pour un infarctus du myocarde en Île-de-France.",
      en: 'Patients receiving emergency care for myocardial infarction in Île-de-France.',
    },
    personalData: clinicalData,
    legalBasis: publicHealth,
    purposes: ['IMPROVING_CARE', 'PUBLIC_HEALTH', 'SCIENTIFIC_RESEARCH'],
  },
  {
    id: 'hepather',
    identifier: 'ANRS CO22 HEPATHER',
    title: {
      fr: 'HEPATHER (ANRS CO22) – cohorte hépatites B et C',
      en: 'HEPATHER (ANRS CO22) – hepatitis B and C cohort',
    },
    description: {
      fr: "Cohorte française de patients traités pour une hépatite B ou C, suivis pour étudier l'évolution de leur maladie et les effets des traitements. Elle est promue par l'ANRS | Maladies infectieuses émergentes et menée avec l'Inserm.",
      en: 'A French cohort of patients treated for hepatitis B or C, followed to study how their disease evolves and what the treatments achieve. It is sponsored by ANRS | Emerging Infectious Diseases and run with Inserm.',
    },
    keywords: {
      fr: ['hépatite B', 'hépatite C', 'cohorte', 'maladies du foie', 'antiviraux', 'ANRS'],
      en: ['hepatitis B', 'hepatitis C', 'cohort', 'liver disease', 'antiviral treatment', 'ANRS'],
    },
    themes: ['HEAL'],
    healthCategories: ['RQSH'],
    healthThemes: ['BLOOD_INFECTIONS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'anrs-mie',
    custodian: 'inserm',
    contactPoint: { name: 'ANRS | Maladies infectieuses émergentes', url: 'https://www.anrs.fr' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Patients traités pour une hépatite B ou C.',
      en: 'Patients treated for hepatitis B or C.',
    },
    personalData: clinicalData,
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH'],
  },
  {
    id: 'constances',
    identifier: 'CONSTANCES',
    title: {
      fr: 'CONSTANCES – cohorte épidémiologique en population générale',
      en: 'CONSTANCES – general-population epidemiological cohort',
    },
    description: {
      fr: "Cohorte en population générale d'environ 200 000 adultes âgés de 18 à 69 ans à l'inclusion, portée par l'Inserm, l'université de Versailles Saint-Quentin-en-Yvelines (UVSQ) et l'Assurance Maladie. Les participants répondent à des questionnaires et passent des examens de santé, et leurs données sont chaînées au SNDS (remboursements et hospitalisations).",
      en: 'A general-population cohort of about 200,000 adults aged 18 to 69 when they joined, run by Inserm, the University of Versailles Saint-Quentin-en-Yvelines (UVSQ) and the national health insurance (CNAM). Participants answer questionnaires and undergo health examinations, and their data are linked to the SNDS claims and hospital data.',
    },
    keywords: {
      fr: ['cohorte', 'population générale', 'adultes', 'épidémiologie', 'SNDS', 'questionnaires', 'santé au travail'],
      en: ['cohort', 'general population', 'adults', 'epidemiology', 'SNDS', 'questionnaires', 'occupational health'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['RQSH'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'inserm',
    custodian: 'cnam',
    contactPoint: { name: 'Cohorte CONSTANCES', url: 'https://www.constances.fr' },
    spatial: ['FRA'],
    minTypicalAge: 18,
    maxTypicalAge: 69,
    populationCoverage: {
      fr: "Environ 200 000 adultes âgés de 18 à 69 ans à l'inclusion.",
      en: 'About 200,000 adults aged 18 to 69 at enrolment.',
    },
    personalData: [...cohortData, 'JOB', 'EDUCATION', 'PHYSICAL_CHARACTERISTIC'],
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH'],
    landingPage: 'https://www.constances.fr',
  },
  {
    id: 'e3n',
    identifier: 'E3N',
    title: {
      fr: 'E3N – cohorte de femmes suivies depuis 1990',
      en: 'E3N – cohort of women followed since 1990',
    },
    description: {
      fr: "Cohorte d'environ 100 000 femmes suivies par l'Inserm depuis 1990 au moyen de questionnaires. Elle sert à étudier les facteurs de risque des maladies chroniques, en particulier des cancers comme le cancer du sein.",
      en: 'A cohort of about 100,000 French women followed by Inserm since 1990 through questionnaires. It is used to study risk factors for chronic diseases, cancers in particular, such as breast cancer.',
    },
    keywords: {
      fr: ['cohorte', 'femmes', 'cancer', 'cancer du sein', 'facteurs de risque', 'maladies chroniques'],
      en: ['cohort', 'women', 'cancer', 'breast cancer', 'risk factors', 'chronic diseases'],
    },
    themes: ['HEAL'],
    healthCategories: ['RQSH'],
    healthThemes: ['CANCER_DISEASE', 'NONCOMMUNICABLE_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'inserm',
    contactPoint: { name: 'Cohorte E3N', url: 'https://www.e3n.fr' },
    temporal: { start: '1990-01-01' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Environ 100 000 femmes vivant en France.',
      en: 'About 100,000 women living in France.',
    },
    personalData: cohortData,
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH'],
    landingPage: 'https://www.e3n.fr',
  },
  {
    id: 'nutrinet-sante',
    identifier: 'NutriNet-Santé',
    title: {
      fr: 'NutriNet-Santé – cohorte en ligne sur la nutrition et la santé',
      en: 'NutriNet-Santé – web-based cohort on nutrition and health',
    },
    description: {
      fr: "Cohorte menée en ligne depuis 2009 pour étudier les liens entre alimentation, activité physique et santé ; plus de 170 000 adultes environ y ont participé. Elle est conduite par l'Équipe de recherche en épidémiologie nutritionnelle (EREN), qui associe l'Inserm, l'INRAE, le Cnam et l'université Sorbonne Paris Nord.",
      en: 'A web-based cohort running since 2009 that studies the links between diet, physical activity and health; roughly 170,000 adults or more have taken part. It is run by the Nutritional Epidemiology Research Team (EREN), which brings together Inserm, INRAE, Cnam and Université Sorbonne Paris Nord.',
    },
    keywords: {
      fr: ['nutrition', 'alimentation', 'cohorte', 'activité physique', 'questionnaires en ligne', 'maladies chroniques'],
      en: ['nutrition', 'diet', 'cohort', 'physical activity', 'online questionnaires', 'chronic diseases'],
    },
    themes: ['HEAL', 'AGRI'],
    healthCategories: ['RQSH'],
    healthThemes: ['NUTRITION_SECURITY', 'NONCOMMUNICABLE_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'eren',
    custodian: 'inserm',
    contactPoint: { name: 'Étude NutriNet-Santé (EREN)', url: 'https://etude-nutrinet-sante.fr' },
    temporal: { start: '2009-01-01' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Adultes volontaires vivant en France (plus de 170 000 environ).',
      en: 'Adult volunteers living in France (roughly 170,000 or more).',
    },
    personalData: [...cohortData, 'PHYSICAL_CHARACTERISTIC'],
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH'],
    landingPage: 'https://etude-nutrinet-sante.fr',
  },
  {
    id: 'elfe',
    identifier: 'ELFE',
    title: {
      fr: "ELFE – Étude longitudinale française depuis l'enfance",
      en: 'ELFE – French longitudinal study of children',
    },
    description: {
      fr: "Cohorte de naissance qui suit environ 18 000 enfants nés en France en 2011, pour comprendre comment l'environnement, la famille et les conditions de vie influencent leur santé et leur développement. Elle est menée par l'Ined et l'Inserm avec l'Établissement français du sang (EFS).",
      en: 'A birth cohort following about 18,000 children born in France in 2011, to understand how environment, family and living conditions shape their health and development. It is run by Ined and Inserm with the French blood establishment (EFS).',
    },
    keywords: {
      fr: ['cohorte de naissance', 'enfants', 'enfance', 'développement', 'environnement', 'ELFE'],
      en: ['birth cohort', 'children', 'childhood', 'child development', 'environment', 'ELFE'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['RQSH'],
    healthThemes: ['LIFECOURSE_HEALTH', 'ENVIRONMENTAL_HEALTH'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'ined',
    custodian: 'inserm',
    contactPoint: { name: 'Étude ELFE', url: 'https://www.elfe-france.fr' },
    temporal: { start: '2011-01-01' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Environ 18 000 enfants nés en France en 2011, et leurs familles.',
      en: 'About 18,000 children born in France in 2011, and their families.',
    },
    personalData: [...cohortData, 'BIRTH_DATE', 'EDUCATION'],
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'PUBLIC_HEALTH'],
    landingPage: 'https://www.elfe-france.fr',
  },
  {
    id: 'epipage-2',
    identifier: 'EPIPAGE 2',
    title: {
      fr: 'EPIPAGE 2 – cohorte des enfants nés prématurés en 2011',
      en: 'EPIPAGE 2 – cohort of children born preterm in 2011',
    },
    description: {
      fr: "Cohorte nationale d'enfants nés prématurément en 2011, menée par l'Inserm. Elle décrit leur prise en charge à la naissance puis suit leur santé et leur développement au fil de l'enfance.",
      en: 'A national cohort of children born preterm in 2011, run by Inserm. It describes their care at birth and then follows their health and development through childhood.',
    },
    keywords: {
      fr: ['prématurité', 'naissance prématurée', 'enfants', 'cohorte', 'néonatalogie', 'développement'],
      en: ['preterm birth', 'prematurity', 'children', 'cohort', 'neonatal care', 'child development'],
    },
    themes: ['HEAL'],
    healthCategories: ['RQSH'],
    healthThemes: ['LIFECOURSE_HEALTH', 'REPRODUCTIVE_HEALTH'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'inserm',
    contactPoint: inserm,
    temporal: { start: '2011-01-01' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Enfants nés prématurément en France en 2011.',
      en: 'Children born preterm in France in 2011.',
    },
    personalData: [...clinicalData, 'BIRTH_DATE'],
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'IMPROVING_CARE'],
  },
  {
    id: 'registre-rein',
    identifier: 'REIN',
    title: {
      fr: 'Registre REIN – insuffisance rénale chronique terminale',
      en: 'REIN registry – end-stage kidney disease',
    },
    description: {
      fr: "Registre national des patients atteints d'insuffisance rénale chronique terminale traités par dialyse ou par greffe de rein, tenu par l'Agence de la biomédecine. Il décrit l'incidence et la prévalence de l'insuffisance rénale traitée ainsi que les parcours de soins des patients.",
      en: 'National registry of patients with end-stage kidney disease treated by dialysis or kidney transplantation, kept by the Agence de la biomédecine. It describes the incidence and prevalence of treated kidney failure and the care pathways of patients.',
    },
    keywords: {
      fr: ['insuffisance rénale', 'dialyse', 'greffe de rein', 'néphrologie', 'registre', 'REIN'],
      en: ['kidney failure', 'dialysis', 'kidney transplant', 'nephrology', 'registry', 'REIN'],
    },
    themes: ['HEAL'],
    healthCategories: ['MRMR'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'agence-biomedecine',
    contactPoint: abm,
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Patients traités par dialyse ou greffe rénale en France.',
      en: 'Patients treated by dialysis or kidney transplantation in France.',
    },
    personalData: clinicalData,
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.agence-biomedecine.fr',
  },
  {
    id: 'cristal',
    identifier: 'CRISTAL',
    title: {
      fr: "CRISTAL – liste d'attente et suivi des greffes d'organes",
      en: 'CRISTAL – organ transplant waiting list and graft registry',
    },
    description: {
      fr: "Système d'information de l'Agence de la biomédecine pour la greffe d'organes : il gère la liste nationale d'attente et enregistre le suivi des greffons et des patients greffés. Ses données servent à évaluer l'activité et les résultats de la transplantation en France.",
      en: "The Agence de la biomédecine's information system for organ transplantation: it holds the national waiting list and records the follow-up of grafts and transplant recipients. Its data are used to assess transplant activity and outcomes in France.",
    },
    keywords: {
      fr: ["greffe d'organes", 'transplantation', "liste d'attente", 'greffons', 'registre', 'CRISTAL'],
      en: ['organ transplantation', 'transplant', 'waiting list', 'grafts', 'registry', 'CRISTAL'],
    },
    themes: ['HEAL'],
    healthCategories: ['MRMR'],
    healthThemes: ['HEALTH_SYSTEMS'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'agence-biomedecine',
    contactPoint: abm,
    spatial: ['FRA'],
    populationCoverage: {
      fr: "Patients inscrits sur la liste d'attente de greffe et patients greffés en France.",
      en: 'Patients on the transplant waiting list and transplant recipients in France.',
    },
    personalData: clinicalData,
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'IMPROVING_CARE'],
    landingPage: 'https://www.agence-biomedecine.fr',
  },
  {
    id: 'bndmr',
    identifier: 'BNDMR',
    title: {
      fr: 'BNDMR – Banque nationale de données maladies rares',
      en: 'BNDMR – French national rare disease data bank',
    },
    description: {
      fr: "Banque nationale de données sur les maladies rares, hébergée par l'AP-HP, qui recueille un socle commun d'informations sur les patients suivis pour une maladie rare. Les diagnostics y sont codés avec les ORPHAcodes, ce qui permet de dénombrer les patients et de décrire leur prise en charge maladie par maladie.",
      en: 'The national data bank on rare diseases, hosted by AP-HP, which collects a common set of information on patients followed for a rare disease. Diagnoses are coded with ORPHAcodes, so patients can be counted and their care described disease by disease.',
    },
    keywords: {
      fr: ['maladies rares', 'ORPHAcodes', 'Orphanet', 'registre', 'BNDMR'],
      en: ['rare diseases', 'ORPHAcodes', 'Orphanet', 'registry', 'BNDMR'],
    },
    themes: ['HEAL'],
    healthCategories: ['PHDR'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'aphp',
    contactPoint: { name: 'AP-HP – BNDMR', url: 'https://www.aphp.fr' },
    spatial: ['FRA'],
    codingSystems: ['ORPHACODE'],
    populationCoverage: {
      fr: 'Patients suivis pour une maladie rare en France.',
      en: 'Patients followed for a rare disease in France.',
    },
    personalData: clinicalData,
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'IMPROVING_CARE', 'SCIENTIFIC_RESEARCH'],
  },
  {
    id: 'esme',
    identifier: 'ESME',
    title: {
      fr: 'ESME – plateforme de données de vie réelle en cancérologie',
      en: 'ESME – real-world oncology data platform',
    },
    description: {
      fr: "Plateforme de données de vie réelle en cancérologie portée par Unicancer, constituée à partir des dossiers de patients traités pour un cancer du sein, de l'ovaire ou du poumon. Elle permet d'étudier les traitements et leurs résultats en dehors des essais cliniques.",
      en: 'A real-world oncology data platform run by Unicancer, built from the records of patients treated for breast, ovarian or lung cancer. It makes it possible to study treatments and their outcomes outside clinical trials.',
    },
    keywords: {
      fr: ['cancer', 'cancer du sein', "cancer de l'ovaire", 'cancer du poumon', 'données de vie réelle', 'oncologie'],
      en: ['cancer', 'breast cancer', 'ovarian cancer', 'lung cancer', 'real-world data', 'oncology'],
    },
    themes: ['HEAL'],
    healthCategories: ['EHRS'],
    healthThemes: ['CANCER_DISEASE'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'unicancer',
    contactPoint: { name: 'Unicancer', url: 'https://www.unicancer.fr' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: "Patients traités pour un cancer du sein, de l'ovaire ou du poumon.",
      en: 'Patients treated for breast, ovarian or lung cancer.',
    },
    personalData: ['IDENTIFIER', 'AGE', 'GENDER', 'DOMICILE', 'MEDICAL_HEALTH', 'HEALTH_RECORD'],
    legalBasis: publicInterestResearch,
    purposes: ['SCIENTIFIC_RESEARCH', 'IMPROVING_CARE'],
    landingPage: 'https://www.unicancer.fr',
  },
  {
    id: 'canto',
    identifier: 'CANTO',
    title: {
      fr: 'CANTO – cohorte sur les toxicités à long terme des traitements du cancer du sein',
      en: 'CANTO – cohort on long-term toxicities of breast cancer treatment',
    },
    description: {
      fr: "Cohorte de patientes traitées pour un cancer du sein, suivies pour mesurer les toxicités à long terme des traitements et leurs conséquences sur la qualité de vie. Elle est menée par Gustave Roussy avec Unicancer.",
      en: 'A cohort of patients treated for breast cancer, followed to measure the long-term toxicities of their treatments and the effect on quality of life. It is run by Gustave Roussy with Unicancer.',
    },
    keywords: {
      fr: ['cancer du sein', 'cancer', 'toxicité', 'effets secondaires', 'qualité de vie', 'cohorte'],
      en: ['breast cancer', 'cancer', 'toxicity', 'side effects', 'quality of life', 'cohort'],
    },
    themes: ['HEAL'],
    healthCategories: ['RQSH'],
    healthThemes: ['CANCER_DISEASE'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'gustave-roussy',
    custodian: 'unicancer',
    contactPoint: { name: 'Gustave Roussy', url: 'https://www.gustaveroussy.fr' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Patientes traitées pour un cancer du sein.',
      en: 'Patients treated for breast cancer.',
    },
    personalData: cohortData,
    legalBasis: consentedCohort,
    purposes: ['SCIENTIFIC_RESEARCH', 'IMPROVING_CARE'],
  },
  {
    id: 'registre-mucoviscidose',
    identifier: 'Registre français de la mucoviscidose',
    title: {
      fr: 'Registre français de la mucoviscidose',
      en: 'French cystic fibrosis registry',
    },
    description: {
      fr: "Registre national des personnes atteintes de mucoviscidose, tenu par l'association Vaincre la Mucoviscidose. Il recueille des données sur l'état de santé et les traitements des patients pour suivre l'évolution de la maladie et de sa prise en charge.",
      en: 'The national registry of people with cystic fibrosis, kept by the patient association Vaincre la Mucoviscidose. It collects data on patients’ health and treatments to follow how the disease and its care evolve.',
    },
    keywords: {
      fr: ['mucoviscidose', 'maladie génétique', 'maladies rares', 'registre', 'poumons'],
      en: ['cystic fibrosis', 'genetic disease', 'rare diseases', 'registry', 'lungs'],
    },
    themes: ['HEAL'],
    healthCategories: ['MRMR'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES', 'RESPIRATORY_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'vaincre-la-mucoviscidose',
    contactPoint: { name: 'Vaincre la Mucoviscidose – Registre', url: 'https://www.vaincrelamuco.org' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Personnes atteintes de mucoviscidose suivies en France.',
      en: 'People with cystic fibrosis followed in France.',
    },
    personalData: clinicalData,
    legalBasis: publicInterestResearch,
    purposes: ['SCIENTIFIC_RESEARCH', 'IMPROVING_CARE'],
    landingPage: 'https://www.vaincrelamuco.org',
  },
  {
    id: 'registres-cancers-enfant',
    identifier: 'RNHE, RNTSE',
    title: {
      fr: "Registres nationaux des cancers de l'enfant (RNHE, RNTSE)",
      en: 'National childhood cancer registries (RNHE, RNTSE)',
    },
    description: {
      fr: "Deux registres nationaux en population tenus par l'Inserm : le Registre national des hémopathies malignes de l'enfant (RNHE) et le Registre national des tumeurs solides de l'enfant (RNTSE). Ils enregistrent les cancers diagnostiqués chez les enfants en France pour en mesurer l'incidence et la survie.",
      en: 'Two national population-based registries kept by Inserm: the national registry of childhood haematological malignancies (RNHE) and the national registry of childhood solid tumours (RNTSE). They record cancers diagnosed in children in France in order to measure incidence and survival.',
    },
    keywords: {
      fr: ['cancer', "cancers de l'enfant", 'leucémie', 'tumeurs solides', 'pédiatrie', 'registre'],
      en: ['cancer', 'childhood cancer', 'leukaemia', 'solid tumours', 'paediatrics', 'registry'],
    },
    themes: ['HEAL'],
    healthCategories: ['MRMR'],
    healthThemes: ['CANCER_DISEASE', 'LIFECOURSE_HEALTH'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'inserm',
    contactPoint: inserm,
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Enfants atteints de cancer en France.',
      en: 'Children with cancer in France.',
    },
    personalData: [...clinicalData, 'BIRTH_DATE'],
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'SCIENTIFIC_RESEARCH'],
  },
  {
    id: 'esteban',
    identifier: 'ESTEBAN',
    title: {
      fr: "ESTEBAN – étude de santé sur l'environnement, la biosurveillance, l'activité physique et la nutrition",
      en: 'ESTEBAN – health survey on environment, biomonitoring, physical activity and nutrition',
    },
    description: {
      fr: "Enquête nationale de Santé publique France menée de 2014 à 2016, associant questionnaires, examen de santé et prélèvements biologiques. Elle décrit l'alimentation, l'activité physique et l'état de santé de la population, et mesure par biosurveillance l'exposition à des substances de l'environnement.",
      en: 'A national survey by Santé publique France carried out from 2014 to 2016, combining questionnaires, a health examination and biological samples. It describes diet, physical activity and health in the population, and measures exposure to environmental substances through biomonitoring.',
    },
    keywords: {
      fr: ['biosurveillance', 'nutrition', 'alimentation', 'activité physique', 'environnement', 'enquête'],
      en: ['biomonitoring', 'nutrition', 'diet', 'physical activity', 'environment', 'survey'],
    },
    themes: ['HEAL', 'ENVI'],
    healthCategories: ['RQSH'],
    healthThemes: ['NUTRITION_SECURITY', 'ENVIRONMENTAL_HEALTH'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'sante-publique-france',
    contactPoint: spf,
    temporal: { start: '2014-01-01', end: '2016-12-31' },
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Échantillon de la population vivant en France.',
      en: 'A sample of the population living in France.',
    },
    personalData: [...cohortData, 'PHYSICAL_CHARACTERISTIC'],
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.santepubliquefrance.fr',
  },
  {
    id: 'barometre-spf',
    identifier: 'Baromètre de Santé publique France',
    title: {
      fr: 'Baromètre de Santé publique France',
      en: 'Santé publique France health barometer survey',
    },
    description: {
      fr: "Enquête répétée de Santé publique France sur les comportements, attitudes et perceptions liés à la santé, comme le tabac ou l'alcool. Renouvelée régulièrement, elle permet de suivre l'évolution de ces comportements dans la population et d'orienter les actions de prévention.",
      en: 'A recurrent Santé publique France survey of health-related behaviours, attitudes and perceptions, such as smoking or alcohol use. Repeated over time, it tracks how these behaviours change in the population and informs prevention policy.',
    },
    keywords: {
      fr: ['comportements de santé', 'tabac', 'alcool', 'prévention', 'enquête', 'baromètre'],
      en: ['health behaviours', 'smoking', 'alcohol', 'prevention', 'survey', 'health barometer'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['RQSH'],
    healthThemes: ['NONCOMMUNICABLE_DISEASES'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'sante-publique-france',
    contactPoint: spf,
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Échantillon de la population vivant en France.',
      en: 'A sample of the population living in France.',
    },
    personalData: ['AGE', 'GENDER', 'DOMICILE', 'BEHAVIORAL', 'MEDICAL_HEALTH', 'EDUCATION', 'JOB'],
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'SCIENTIFIC_RESEARCH'],
    landingPage: 'https://www.santepubliquefrance.fr',
  },
  {
    id: 'enquete-nationale-perinatale',
    identifier: 'Enquête nationale périnatale',
    title: {
      fr: 'Enquête nationale périnatale',
      en: 'French National Perinatal Survey',
    },
    description: {
      fr: "Enquête nationale répétée périodiquement sur les naissances, qui décrit la santé des mères et des nouveau-nés ainsi que les pratiques médicales autour de l'accouchement. Elle est menée par l'Inserm avec la DREES et Santé publique France.",
      en: 'A national survey of births repeated at intervals, describing the health of mothers and newborns and medical practice around childbirth. It is run by Inserm with DREES and Santé publique France.',
    },
    keywords: {
      fr: ['périnatalité', 'naissances', 'grossesse', 'accouchement', 'maternité', 'nouveau-nés'],
      en: ['perinatal health', 'births', 'pregnancy', 'childbirth', 'maternity', 'newborns'],
    },
    themes: ['HEAL', 'SOCI'],
    healthCategories: ['RQSH'],
    healthThemes: ['REPRODUCTIVE_HEALTH', 'LIFECOURSE_HEALTH'],
    accessRights: 'RESTRICTED',
    applicableLegislation: euLegislation,
    publisher: 'inserm',
    custodian: 'drees',
    contactPoint: inserm,
    spatial: ['FRA'],
    populationCoverage: {
      fr: 'Naissances et mères en France au moment de chaque édition.',
      en: 'Births and mothers in France at the time of each edition.',
    },
    personalData: clinicalData,
    legalBasis: publicHealth,
    purposes: ['PUBLIC_HEALTH', 'POLICY_MAKING', 'OFFICIAL_STATISTICS', 'SCIENTIFIC_RESEARCH'],
  },
];
