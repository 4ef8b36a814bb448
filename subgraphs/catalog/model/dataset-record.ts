import { isCalendarDate } from '../../../platform/text/calendar-date.js';
import { z } from 'zod';
import { accessRights } from '../vocabulary/access-rights.js';
import { codingSystems } from '../vocabulary/coding-systems.js';
import { countries } from '../vocabulary/countries.js';
import { dataThemes } from '../vocabulary/data-themes.js';
import { fileTypes } from '../vocabulary/file-types.js';
import { frequencies } from '../vocabulary/frequencies.js';
import { healthCategories } from '../vocabulary/health-categories.js';
import { healthThemes } from '../vocabulary/health-themes.js';
import { legalBases } from '../vocabulary/legal-bases.js';
import { legislation } from '../vocabulary/legislation.js';
import { personalData } from '../vocabulary/personal-data.js';
import { publisherTypes } from '../vocabulary/publisher-types.js';
import { purposes } from '../vocabulary/purposes.js';
import { enumOf } from './enum-of.js';
import { SLUG } from './slug-of.js';

/** The EU Publications Office authority table of dataset types. */
export const DATASET_TYPE_AUTHORITY = 'http://publications.europa.eu/resource/authority/dataset-type/';

/** Text in the catalogue's two languages; English is the fallback when French is missing and vice versa. */
export const localizedText = z
  .object({ fr: z.string().trim().min(1).optional(), en: z.string().trim().min(1).optional() })
  .refine((t) => t.fr !== undefined || t.en !== undefined, 'at least one of fr or en is required');

const isoDate = z.string().refine(isCalendarDate, 'expected a date as YYYY-MM-DD');
const slug = z.string().regex(SLUG, 'expected a lowercase slug such as "snds-dcir"').max(120);
const url = z.url();

/** A distribution: one way to obtain the data (DCAT `dcat:Distribution`). */
export const distributionRecord = z.object({
  title: localizedText,
  accessUrl: url,
  downloadUrl: url.optional(),
  format: enumOf(fileTypes).optional(),
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'expected an IANA media type').optional(),
  byteSize: z.number().int().nonnegative().optional(),
  rights: localizedText.optional(),
  description: localizedText.optional(),
  /** The licence (`dct:license`), by IRI. */
  license: url.optional(),
});

/** A sample of the data (HealthDCAT-AP `adms:sample`): described as a distribution is. */
export const sampleRecord = distributionRecord;

/** Another identifier of the dataset (`adms:identifier`): its notation and the agency that issues it. */
export const otherIdentifierRecord = z.object({ notation: z.string().min(1).max(500), schemaAgency: z.string().min(1).max(300).optional() });

/**
 * A purpose or legal basis the publisher describes in its own words (a `dpv:Purpose` or `dpv:LegalBasis`
 * that is not one of the catalogue's coded terms), with the legislation it rests on, if stated.
 */
export const describedTermRecord = z.object({ description: localizedText, source: url.optional() });

/**
 * One catalogue dataset as the catalogue stores it: the seed, the synthetic generator and the write API
 * all produce this shape, and it is validated before anything is written.
 * Optional fields are left out when the fact is unknown; nothing is to be invented.
 */
export const datasetRecord = z.object({
  id: slug,
  identifier: z.string().min(1).max(500),
  title: localizedText,
  description: localizedText,
  keywords: z.object({ fr: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) }).default({ fr: [], en: [] }),
  themes: z.array(enumOf(dataThemes)).min(1),
  healthCategories: z.array(enumOf(healthCategories)).min(1),
  healthThemes: z.array(enumOf(healthThemes)).default([]),
  accessRights: enumOf(accessRights),
  applicableLegislation: z.array(enumOf(legislation)).default([]),
  /** Data holder ids. */
  publisher: slug,
  custodian: slug.optional(),
  accessBody: slug.optional(),
  contactPoint: z
    .object({ name: z.string().min(1).optional(), email: z.email().optional(), url: url.optional() })
    .refine((c) => c.name !== undefined || c.email !== undefined || c.url !== undefined, 'a contact point needs a name, an e-mail address or a URL'),
  temporal: z.object({ start: isoDate.optional(), end: isoDate.optional() }).optional(),
  spatial: z.array(enumOf(countries)).min(1),
  spatialDetail: localizedText.optional(),
  codingSystems: z.array(enumOf(codingSystems)).default([]),
  numberOfRecords: z.number().int().nonnegative().optional(),
  numberOfUniqueIndividuals: z.number().int().nonnegative().optional(),
  minTypicalAge: z.number().int().min(0).max(150).optional(),
  maxTypicalAge: z.number().int().min(0).max(150).optional(),
  populationCoverage: localizedText.optional(),
  personalData: z.array(enumOf(personalData)).default([]),
  legalBasis: z.array(enumOf(legalBases)).default([]),
  purposes: z.array(enumOf(purposes)).default([]),
  /** Purposes described in the publisher's words rather than coded. */
  otherPurposes: z.array(describedTermRecord).default([]),
  /** Legal bases described in the publisher's words rather than coded. */
  otherLegalBases: z.array(describedTermRecord).default([]),
  retentionPeriod: localizedText.optional(),
  /** The retention period's dates, when the publisher gives them. */
  retentionDates: z.object({ start: isoDate.optional(), end: isoDate.optional() }).optional(),
  frequency: enumOf(frequencies).optional(),
  issued: isoDate.optional(),
  modified: isoDate.optional(),
  version: z.string().max(50).optional(),
  landingPage: url.optional(),
  /** Identifiers other than `identifier` (`adms:identifier`). */
  otherIdentifiers: z.array(otherIdentifierRecord).default([]),
  /** Codes of the coding systems the dataset is about (`healthdcatap:hasCodeValues`), such as `ORPHA:284289`. */
  codeValues: z.array(z.string().min(1).max(500)).default([]),
  /**
   * The type of dataset (`dct:type`), an IRI of the EU dataset-type authority table such as
   * `http://publications.europa.eu/resource/authority/dataset-type/STATISTICAL`.
   */
  datasetType: z.url().startsWith(DATASET_TYPE_AUTHORITY, `expected an IRI of the dataset-type authority table (${DATASET_TYPE_AUTHORITY}...)`).optional(),
  /** How the data came to be (`dct:provenance`, a provenance statement). */
  provenance: localizedText.optional(),
  /**
   * The dataset's IRI as its publisher minted it, when the record was pushed with one: the export keeps it
   * as the dataset's subject so that harvesters see one dataset, not two.
   */
  iri: url.optional(),
  distributions: z.array(distributionRecord).default([]),
  samples: z.array(sampleRecord).default([]),
  /** Analytics outputs of the dataset (`healthdcatap:analytics`), described as distributions. */
  analytics: z.array(distributionRecord).default([]),
})
  .superRefine((d, ctx) => {
    if (d.minTypicalAge !== undefined && d.maxTypicalAge !== undefined && d.minTypicalAge > d.maxTypicalAge) {
      ctx.addIssue({ code: 'custom', path: ['minTypicalAge'], message: 'minTypicalAge is above maxTypicalAge' });
    }
    if (d.temporal?.start !== undefined && d.temporal.end !== undefined && d.temporal.start > d.temporal.end) {
      ctx.addIssue({ code: 'custom', path: ['temporal'], message: 'temporal start is after its end' });
    }
    if (d.spatial.includes('UNKNOWN')) {
      ctx.addIssue({ code: 'custom', path: ['spatial'], message: 'UNKNOWN is not a spatial coverage: leave it out and name the countries covered' });
    }
    if (d.retentionDates?.start !== undefined && d.retentionDates.end !== undefined && d.retentionDates.start > d.retentionDates.end) {
      ctx.addIssue({ code: 'custom', path: ['retentionDates'], message: 'retention start is after its end' });
    }
    if (!d.themes.includes('HEAL')) {
      ctx.addIssue({ code: 'custom', path: ['themes'], message: 'a health dataset carries the HEAL data theme' });
    }
  });

export type DatasetRecord = z.infer<typeof datasetRecord>;
/** The shape authors write (defaults not yet applied). */
export type DatasetRecordInput = z.input<typeof datasetRecord>;

/** An organisation that publishes or holds datasets, or acts as health data access body (HDAB). */
export const dataHolderRecord = z.object({
  id: slug,
  name: z.string().min(1).max(300),
  acronym: z.string().max(40).optional(),
  publisherType: enumOf(publisherTypes),
  country: enumOf(countries),
  homepage: url.optional(),
  email: z.email().optional(),
  /** True for a health data access body (EHDS Art. 55), which receives access applications. */
  isAccessBody: z.boolean().default(false),
  /** The organisation's IRI as a pushed record named it; the export keeps it as the agent's subject. */
  iri: url.optional(),
  /** The language tag of `name`, when the record that gave it tagged it. */
  nameLanguage: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as "en"').optional(),
  /** Where its contact details are published (`cv:contactPage`), when it is not its home page. */
  contactPage: url.optional(),
  telephone: z.string().min(1).max(50).optional(),
  /** The publisher note (HealthDCAT-AP `dct:description` of the agent; `publisherNote` in the older draft). */
  note: localizedText.optional(),
  /** Whether the organisation is a trusted data holder (EHDS Art. 72), when stated. */
  trustedDataHolder: z.boolean().optional(),
});

export type DataHolderRecord = z.infer<typeof dataHolderRecord>;
export type DataHolderRecordInput = z.input<typeof dataHolderRecord>;
