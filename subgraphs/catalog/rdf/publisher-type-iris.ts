import type { PublisherTypeCode } from '../vocabulary/publisher-types.js';

const base = 'https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/';

/**
 * The HealthDCAT-AP publisher-type concept (Release 8 authority table) closest to each publisher type of
 * the catalogue. The catalogue's own codes come from the Health Data Hub's older list
 * (`vocabulary/publisher-types.ts`); the export states the official concept instead. Where the official
 * table is finer than the catalogue's code, the broader concept is used rather than a guess:
 * a government health department may be a national, regional or other agency, so it maps to
 * "Government and Public Sector Organizations"; a hospital or healthcare system to "Healthcare Providers".
 * The official table has no concept for international organisations, so that code maps to none.
 */
export const publisherTypeIris: Readonly<Record<PublisherTypeCode, string | null>> = {
  NATIONAL_STATISTICS_INSTITUTE: `${base}stat-agency`,
  REGISTRY: `${base}public-health-registry`,
  NATIONAL_PUBLIC_HEALTH_INSTITUTE: `${base}public-health-institute`,
  BIOBANK: `${base}biobank`,
  RESEARCH_INSTITUTION: `${base}research-institute-org`,
  HEALTHCARE_SYSTEM: `${base}healthcare-providers`,
  GOVERNMENT_HEALTH_DEPARTMENT: `${base}gov-public-sector-org`,
  NGO: `${base}non-gov-org`,
  PHARMA_BIOTECH: `${base}pharma-company`,
  HEALTH_ORGANISATION: null,
  HEALTH_INSURANCE: `${base}health-insurance-company-org`,
  ADMINISTRATIVE_INSTITUTION: `${base}administrative-institution`,
};

/** The catalogue's publisher type of a Release 8 concept (the inverse of `publisherTypeIris`). */
export const publisherTypeOfIri: ReadonlyMap<string, PublisherTypeCode> = new Map(
  (Object.entries(publisherTypeIris) as [PublisherTypeCode, string | null][]).flatMap(([code, iri]) => (iri ? [[iri, code] as const] : [])),
);
