/**
 * Demo seed: the organisations that publish, hold or give access to the seed datasets.
 *
 * Facts come from the organisations' public descriptions of themselves. Homepages are their
 * well-known home pages; no e-mail address is given because none was checked. An organisation is
 * marked as a health data access body only where its law says so (Health Data Hub for
 * France, Findata for Finland).
 */
import type { DataHolderRecordInput } from '../model/dataset-record.js';

export const dataHolders: DataHolderRecordInput[] = [
  // France: the SNDS and its access body
  {
    id: 'cnam',
    name: "Caisse nationale de l'Assurance Maladie",
    acronym: 'CNAM',
    publisherType: 'HEALTH_INSURANCE',
    country: 'FRA',
    homepage: 'https://www.assurance-maladie.ameli.fr',
  },
  {
    id: 'health-data-hub',
    name: 'Plateforme des données de santé (Health Data Hub)',
    acronym: 'HDH',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'FRA',
    homepage: 'https://www.health-data-hub.fr',
    isAccessBody: true,
  },
  {
    id: 'atih',
    name: "Agence technique de l'information sur l'hospitalisation",
    acronym: 'ATIH',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'FRA',
    homepage: 'https://www.atih.sante.fr',
  },
  {
    id: 'cepidc-inserm',
    name: "Centre d'épidémiologie sur les causes médicales de décès (CépiDc-Inserm)",
    acronym: 'CépiDc',
    publisherType: 'REGISTRY',
    country: 'FRA',
    homepage: 'https://www.cepidc.inserm.fr',
  },
  {
    id: 'cnsa',
    name: "Caisse nationale de solidarité pour l'autonomie",
    acronym: 'CNSA',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'FRA',
    homepage: 'https://www.cnsa.fr',
  },
  {
    id: 'dgs',
    name: 'Direction générale de la santé',
    acronym: 'DGS',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'FRA',
    homepage: 'https://sante.gouv.fr',
  },
  {
    id: 'drees',
    name: 'Direction de la recherche, des études, de l’évaluation et des statistiques',
    acronym: 'DREES',
    publisherType: 'NATIONAL_STATISTICS_INSTITUTE',
    country: 'FRA',
    homepage: 'https://drees.solidarites-sante.gouv.fr',
  },
  {
    id: 'sante-publique-france',
    name: 'Santé publique France',
    acronym: 'SpF',
    publisherType: 'NATIONAL_PUBLIC_HEALTH_INSTITUTE',
    country: 'FRA',
    homepage: 'https://www.santepubliquefrance.fr',
  },
  {
    id: 'ars-ile-de-france',
    name: 'Agence régionale de santé Île-de-France',
    acronym: 'ARS IDF',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'FRA',
    homepage: 'https://www.iledefrance.ars.sante.fr',
  },
  {
    id: 'agence-biomedecine',
    name: 'Agence de la biomédecine',
    acronym: 'ABM',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'FRA',
    homepage: 'https://www.agence-biomedecine.fr',
  },

  // France: hospitals and cancer centres
  {
    id: 'aphp',
    name: 'Assistance Publique – Hôpitaux de Paris',
    acronym: 'AP-HP',
    publisherType: 'HEALTHCARE_SYSTEM',
    country: 'FRA',
    homepage: 'https://www.aphp.fr',
  },
  {
    id: 'unicancer',
    name: 'Unicancer',
    publisherType: 'HEALTHCARE_SYSTEM',
    country: 'FRA',
    homepage: 'https://www.unicancer.fr',
  },
  {
    id: 'gustave-roussy',
    name: 'Gustave Roussy',
    publisherType: 'HEALTHCARE_SYSTEM',
    country: 'FRA',
    homepage: 'https://www.gustaveroussy.fr',
  },

  // France: research institutions and patient organisations
  {
    id: 'inserm',
    name: 'Institut national de la santé et de la recherche médicale',
    acronym: 'Inserm',
    publisherType: 'RESEARCH_INSTITUTION',
    country: 'FRA',
    homepage: 'https://www.inserm.fr',
  },
  {
    id: 'anrs-mie',
    name: 'ANRS | Maladies infectieuses émergentes',
    acronym: 'ANRS-MIE',
    publisherType: 'RESEARCH_INSTITUTION',
    country: 'FRA',
    homepage: 'https://www.anrs.fr',
  },
  {
    id: 'ined',
    name: "Institut national d'études démographiques",
    acronym: 'Ined',
    publisherType: 'RESEARCH_INSTITUTION',
    country: 'FRA',
    homepage: 'https://www.ined.fr',
  },
  {
    id: 'eren',
    name: 'Équipe de recherche en épidémiologie nutritionnelle (Inserm, INRAE, Cnam, Université Sorbonne Paris Nord)',
    acronym: 'EREN',
    publisherType: 'RESEARCH_INSTITUTION',
    country: 'FRA',
  },
  {
    id: 'vaincre-la-mucoviscidose',
    name: 'Vaincre la Mucoviscidose',
    publisherType: 'NGO',
    country: 'FRA',
    homepage: 'https://www.vaincrelamuco.org',
  },

  // Finland
  {
    id: 'thl',
    name: 'Finnish Institute for Health and Welfare (Terveyden ja hyvinvoinnin laitos)',
    acronym: 'THL',
    publisherType: 'NATIONAL_PUBLIC_HEALTH_INSTITUTE',
    country: 'FIN',
    homepage: 'https://thl.fi',
  },
  {
    id: 'findata',
    name: 'Findata, Social and Health Data Permit Authority',
    acronym: 'Findata',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'FIN',
    homepage: 'https://findata.fi',
    isAccessBody: true,
  },
  {
    id: 'kela',
    name: 'Social Insurance Institution of Finland (Kela)',
    acronym: 'Kela',
    publisherType: 'HEALTH_INSURANCE',
    country: 'FIN',
    homepage: 'https://www.kela.fi',
  },

  // Denmark: no checked source says which body grants access, so none is marked.
  {
    id: 'danish-health-data-authority',
    name: 'Danish Health Data Authority (Sundhedsdatastyrelsen)',
    acronym: 'SDS',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'DNK',
    homepage: 'https://sundhedsdatastyrelsen.dk',
  },

  // Germany
  {
    id: 'bfarm',
    name: 'Forschungsdatenzentrum Gesundheit at the Federal Institute for Drugs and Medical Devices (BfArM)',
    acronym: 'FDZ Gesundheit',
    publisherType: 'GOVERNMENT_HEALTH_DEPARTMENT',
    country: 'DEU',
    homepage: 'https://www.bfarm.de',
  },
  {
    id: 'nako',
    name: 'NAKO e.V.',
    acronym: 'NAKO',
    publisherType: 'RESEARCH_INSTITUTION',
    country: 'DEU',
    homepage: 'https://nako.de',
  },
  {
    id: 'rki',
    name: 'Robert Koch-Institut',
    acronym: 'RKI',
    publisherType: 'NATIONAL_PUBLIC_HEALTH_INSTITUTE',
    country: 'DEU',
    homepage: 'https://www.rki.de',
  },

  // Netherlands
  {
    id: 'nivel',
    name: 'Nivel, Netherlands Institute for Health Services Research',
    acronym: 'Nivel',
    publisherType: 'RESEARCH_INSTITUTION',
    country: 'NLD',
    homepage: 'https://www.nivel.nl',
  },
  {
    id: 'iknl',
    name: 'Netherlands Comprehensive Cancer Organisation (Integraal Kankercentrum Nederland)',
    acronym: 'IKNL',
    publisherType: 'REGISTRY',
    country: 'NLD',
    homepage: 'https://iknl.nl',
  },
  {
    id: 'lifelines',
    name: 'Lifelines',
    publisherType: 'BIOBANK',
    country: 'NLD',
    homepage: 'https://www.lifelines.nl',
  },

  // Estonia
  {
    id: 'university-of-tartu',
    name: 'University of Tartu, Institute of Genomics (Estonian Biobank)',
    acronym: 'UT',
    publisherType: 'BIOBANK',
    country: 'EST',
    homepage: 'https://genomics.ut.ee',
  },

  // Spain
  {
    id: 'idiapjgol',
    name: 'Fundació Institut Universitari per a la recerca a l’Atenció Primària de Salut Jordi Gol i Gurina',
    acronym: 'IDIAPJGol',
    publisherType: 'RESEARCH_INSTITUTION',
    country: 'ESP',
    homepage: 'https://www.idiapjgol.org',
  },
];
