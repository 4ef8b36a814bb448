import { z } from 'zod';

const person = z.object({
  name: z.string().trim().min(1, 'a name is required').max(200),
  email: z.email().max(320).nullish(),
});

/** Purposes EHDS Art. 53(1)(a)–(c) reserves to public-sector bodies. */
export const PUBLIC_SECTOR_PURPOSES = ['PUBLIC_HEALTH', 'POLICY_MAKING', 'OFFICIAL_STATISTICS'];

/** A valid `SubmitAccessApplicationInput`. */
export const submitApplicationInput = z
  .object({
    principalInvestigator: person,
    authorisedPersons: z.array(person).min(1, 'name at least one authorised person').max(50),
    purpose: z.enum(['PUBLIC_HEALTH', 'POLICY_MAKING', 'OFFICIAL_STATISTICS', 'EDUCATION', 'SCIENTIFIC_RESEARCH', 'IMPROVING_CARE']),
    purposeDescription: z.string().trim().min(20, 'describe the purpose in at least 20 characters').max(5000),
    datasetIds: z
      .array(z.string().min(1).max(120))
      .min(1, 'request at least one dataset')
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'a dataset is listed twice'),
    dataForm: z.enum(['ANONYMISED', 'PSEUDONYMISED']),
    pseudonymisationJustification: z.string().trim().max(5000).nullish(),
    secureProcessingEnvironment: z.string().trim().min(2).max(300),
    requestedDurationMonths: z.number().int().min(1).max(120),
  })
  .refine((i) => i.dataForm === 'ANONYMISED' || (i.pseudonymisationJustification?.length ?? 0) >= 20, {
    message: 'pseudonymised data needs a justification of at least 20 characters (EHDS Art. 66)',
    path: ['pseudonymisationJustification'],
  });

export type SubmitApplicationInput = z.infer<typeof submitApplicationInput>;

/** The first problem of a zod failure, as one sentence naming the field. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  return `${issue.path.join('.') || 'input'}: ${issue.message}`;
}

/** `date` (YYYY-MM-DD) plus `months` months, as YYYY-MM-DD. */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
