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

/** Text in the catalogue's two languages; English is the fallback when French is missing and vice versa. */
export const localizedText = z
  .object({ fr: z.string().trim().min(1).optional(), en: z.string().trim().min(1).optional() })
  .refine((t) => t.fr !== undefined || t.en !== undefined, 'at least one of fr or en is required');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug such as "snds-dcir"').max(120);
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
});

/** A sample of the data (HealthDCAT-AP `adms:sample`), a distribution with a description. */
export const sampleRecord = distributionRecord.extend({ description: localizedText.optional() });

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
  keywords: z.object({ fr: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) }),
  themes: z.array(enumOf(dataThemes)).min(1),
  healthCategories: z.array(enumOf(healthCategories)).min(1),
  healthThemes: z.array(enumOf(healthThemes)).default([]),
  accessRights: enumOf(accessRights),
  applicableLegislation: z.array(enumOf(legislation)).default([]),
  /** Data holder ids. */
  publisher: slug,
  custodian: slug.optional(),
  accessBody: slug.optional(),
  contactPoint: z.object({ name: z.string().min(1), email: z.email().optional(), url: url.optional() }),
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
  retentionPeriod: localizedText.optional(),
  frequency: enumOf(frequencies).optional(),
  issued: isoDate.optional(),
  modified: isoDate.optional(),
  version: z.string().max(50).optional(),
  landingPage: url.optional(),
  distributions: z.array(distributionRecord).default([]),
  samples: z.array(sampleRecord).default([]),
})
  .superRefine((d, ctx) => {
    if (d.minTypicalAge !== undefined && d.maxTypicalAge !== undefined && d.minTypicalAge > d.maxTypicalAge) {
      ctx.addIssue({ code: 'custom', path: ['minTypicalAge'], message: 'minTypicalAge is above maxTypicalAge' });
    }
    if (d.temporal?.start !== undefined && d.temporal.end !== undefined && d.temporal.start > d.temporal.end) {
      ctx.addIssue({ code: 'custom', path: ['temporal'], message: 'temporal start is after its end' });
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
});

export type DataHolderRecord = z.infer<typeof dataHolderRecord>;
export type DataHolderRecordInput = z.input<typeof dataHolderRecord>;
