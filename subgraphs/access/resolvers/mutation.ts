import { isUuid, transitionApplication, insertApplication, getApplicationsByIds, type ApplicationRow } from '../db/queries/applications.js';
import { getOrganisationsByIds, insertOrganisation, upsertMember, deleteMember } from '../db/queries/organisations.js';
import { extendPermit, getPermitsByIds, insertPermit, revokePermit, type PermitRow } from '../db/queries/permits.js';
import { addMonths, firstProblem, isIsoDate, PUBLIC_SECTOR_PURPOSES, submitApplicationInput } from '../model/application-input.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import { canSeeOrganisation } from '../model/policy.js';
import type { AccessContext } from '../context.js';
import { audit } from './audit.js';

type Failure = { code: string; message: string };
const failure = (code: string, message: string): { error: Failure } => ({ error: { code, message } });

/** Explains why an application could not move, after a conditional update matched nothing. */
async function transitionFailure(ctx: AccessContext, id: string, wanted: string): Promise<{ error: Failure }> {
  const [current] = isUuid(id) ? await getApplicationsByIds(ctx.db, [id]) : [null];
  if (!current || !canSeeOrganisation(ctx.caller, current.applicantOrganisationId)) return failure('NOT_FOUND', `No application ${id}.`);
  return failure('INVALID_TRANSITION', `The application is ${current.status}; it cannot be ${wanted}.`);
}

/** Resolvers of the access subgraph's mutations. Expected failures come back as `{ error }`. */
export const Mutation = {
  async submitAccessApplication(_: unknown, args: { input: unknown }, ctx: AccessContext) {
    requireRole(ctx.caller, 'researcher');
    const parsed = submitApplicationInput.safeParse(args.input);
    if (!parsed.success) return failure('INVALID_INPUT', firstProblem(parsed.error));
    const input = parsed.data;
    const organisationId = ctx.caller.organisationId ?? '';
    const [organisation] = await getOrganisationsByIds(ctx.db, [organisationId]);
    if (!organisation) return failure('INVALID_INPUT', `Your organisation "${organisationId}" is not registered with the access body.`);
    if (PUBLIC_SECTOR_PURPOSES.includes(input.purpose) && organisation.type !== 'PUBLIC_BODY') {
      return failure('INVALID_INPUT', `The purpose ${input.purpose} is reserved to public-sector bodies (EHDS Art. 53(1)(a)-(c)).`);
    }
    // One look-up gives both: which datasets exist, and the access body that decides on each.
    const bodies = await ctx.datasets.accessBodies(input.datasetIds);
    const unknown = input.datasetIds.filter((id) => !bodies.has(id));
    if (unknown.length > 0) return failure('UNKNOWN_DATASET', `Not in the catalogue: ${unknown.join(', ')}.`);
    const today = ctx.today;
    const application = await ctx.db.transaction(async (tx) => {
      const row = await insertApplication(tx, {
        status: 'SUBMITTED',
        applicantOrganisationId: organisationId,
        submittedBy: ctx.caller.subject ?? '',
        principalInvestigator: { name: input.principalInvestigator.name, ...(input.principalInvestigator.email ? { email: input.principalInvestigator.email } : {}) },
        authorisedPersons: input.authorisedPersons.map((p) => ({ name: p.name, ...(p.email ? { email: p.email } : {}) })),
        purpose: input.purpose,
        purposeDescription: input.purposeDescription,
        datasetIds: input.datasetIds,
        datasetAccessBodies: input.datasetIds.map((id) => bodies.get(id) ?? { datasetId: id, accessBodyId: null, country: null }),
        dataForm: input.dataForm,
        pseudonymisationJustification: input.dataForm === 'PSEUDONYMISED' ? (input.pseudonymisationJustification ?? null) : null,
        secureProcessingEnvironment: input.secureProcessingEnvironment,
        requestedDurationMonths: input.requestedDurationMonths,
        decisionDueAt: addMonths(today, 3),
      });
      await audit(ctx, 'submitAccessApplication', 'SUCCESS', row.datasetIds, { applicationId: row.id }, tx);
      return row;
    });
    return { application, error: null };
  },

  async withdrawAccessApplication(_: unknown, args: { id: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'researcher');
    const [current] = await getApplicationsByIds(ctx.db, [args.id]);
    if (!current || current.applicantOrganisationId !== ctx.caller.organisationId) return failure('NOT_FOUND', `No application ${args.id}.`);
    return moveApplication(ctx, args.id, ['SUBMITTED', 'UNDER_REVIEW'], 'WITHDRAWN', 'withdrawn', 'withdrawAccessApplication', {});
  },

  async startReview(_: unknown, args: { id: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'hdab-reviewer');
    return moveApplication(ctx, args.id, ['SUBMITTED'], 'UNDER_REVIEW', 'put under review', 'startReview', {
      reviewStartedAt: new Date(),
      reviewerSubject: ctx.caller.subject,
    });
  },

  async decideAccessApplication(
    _: unknown,
    args: { input: { id: string; decision: 'GRANT' | 'REFUSE'; reason: string; conditions?: string[] | null; validFrom?: string | null } },
    ctx: AccessContext,
  ) {
    requireRole(ctx.caller, 'hdab-reviewer');
    const { id, decision, reason } = args.input;
    if (reason.trim().length < 5 || reason.length > 5000) return failure('INVALID_INPUT', 'reason: give a reason of 5 to 5,000 characters.');
    const conditions = (args.input.conditions ?? []).map((c) => c.trim()).filter(Boolean);
    if (conditions.length > 50 || conditions.some((c) => c.length > 2000)) return failure('INVALID_INPUT', 'conditions: at most 50, of at most 2,000 characters.');
    const validFrom = args.input.validFrom ?? ctx.today;
    if (!isIsoDate(validFrom)) return failure('INVALID_INPUT', 'validFrom: a date written YYYY-MM-DD.');
    const status = decision === 'GRANT' ? 'GRANTED' : 'REFUSED';
    const outcome = await ctx.db.transaction(async (tx) => {
      const row = await transitionApplication(tx, id, ['UNDER_REVIEW'], status, {
        decidedAt: new Date(),
        decisionReason: reason.trim(),
        reviewerSubject: ctx.caller.subject,
      });
      if (!row) return null;
      let issued: PermitRow | null = null;
      if (status === 'GRANTED') {
        issued = await insertPermit(tx, {
          applicationId: row.id,
          holderOrganisationId: row.applicantOrganisationId,
          datasetIds: row.datasetIds,
          datasetAccessBodies: row.datasetAccessBodies,
          purpose: row.purpose,
          purposeDescription: row.purposeDescription,
          authorisedPersons: row.authorisedPersons,
          conditions,
          validFrom,
          validUntil: addMonths(validFrom, row.requestedDurationMonths),
        });
      }
      await audit(ctx, 'decideAccessApplication', 'SUCCESS', row.datasetIds, { applicationId: row.id, decision, permitId: issued?.id ?? null }, tx);
      return row;
    });
    if (!outcome) return transitionFailure(ctx, id, decision === 'GRANT' ? 'granted' : 'refused');
    return { application: outcome, error: null };
  },

  async revokePermit(_: unknown, args: { id: string; reason: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'hdab-reviewer');
    if (args.reason.trim().length < 5 || args.reason.length > 5000) return failure('INVALID_INPUT', 'reason: give a reason of 5 to 5,000 characters.');
    const revoked = await ctx.db.transaction(async (tx) => {
      const row = await revokePermit(tx, args.id, args.reason.trim(), ctx.today);
      if (row) await audit(ctx, 'revokePermit', 'SUCCESS', row.datasetIds, { permitId: row.id }, tx);
      return row;
    });
    if (revoked) return { permit: revoked, error: null };
    return permitFailure(ctx, args.id, 'revoked');
  },

  async extendPermit(_: unknown, args: { id: string; validUntil: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'hdab-reviewer');
    if (!isIsoDate(args.validUntil)) return failure('INVALID_INPUT', 'validUntil: a date written YYYY-MM-DD.');
    const extended = await ctx.db.transaction(async (tx) => {
      const row = await extendPermit(tx, args.id, args.validUntil, ctx.today);
      if (row) await audit(ctx, 'extendPermit', 'SUCCESS', row.datasetIds, { permitId: row.id, validUntil: args.validUntil }, tx);
      return row;
    });
    if (extended) return { permit: extended, error: null };
    const [current] = await getPermitsByIds(ctx.db, [args.id]);
    if (current && current.extensionCount > 0) return failure('ALREADY_EXTENDED', 'A permit may be extended once; this one already was.');
    if (current && current.revokedAt === null && current.validUntil >= ctx.today && args.validUntil <= current.validUntil) {
      return failure('INVALID_INPUT', `validUntil must be after the current end, ${current.validUntil}.`);
    }
    return permitFailure(ctx, args.id, 'extended');
  },

  async createOrganisation(
    _: unknown,
    args: { input: { id: string; name: string; country: string; type: 'UNIVERSITY'; ror?: string | null; siren?: string | null } },
    ctx: AccessContext,
  ) {
    requireRole(ctx.caller, 'admin');
    const i = args.input;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(i.id) || i.id.length > 80) return failure('INVALID_INPUT', 'id: a lowercase slug such as "inserm-u1018".');
    if (i.name.trim().length < 2 || i.name.length > 300) return failure('INVALID_INPUT', 'name: 2 to 300 characters.');
    if (!/^[A-Z]{3}$/.test(i.country)) return failure('INVALID_INPUT', 'country: an ISO 3166-1 alpha-3 code such as FRA.');
    if (i.ror && !/^https:\/\/ror\.org\/0[a-z0-9]{8}$/.test(i.ror)) return failure('INVALID_INPUT', 'ror: a ROR id such as https://ror.org/02vjkv261.');
    if (i.siren && !/^\d{9}$/.test(i.siren)) return failure('INVALID_INPUT', 'siren: nine digits.');
    const created = await ctx.db.transaction(async (tx) => {
      const row = await insertOrganisation(tx, { id: i.id, name: i.name.trim(), country: i.country, type: i.type, ror: i.ror ?? null, siren: i.siren ?? null });
      if (row) await audit(ctx, 'createOrganisation', 'SUCCESS', [], { organisationId: row.id }, tx);
      return row;
    });
    if (!created) return failure('CONFLICT', `An organisation "${i.id}" already exists.`);
    return { organisation: created, error: null };
  },

  async addOrganisationMember(_: unknown, args: { organisationId: string; input: { subject: string; name: string; email?: string | null } }, ctx: AccessContext) {
    requireRole(ctx.caller, 'admin');
    const [organisation] = await getOrganisationsByIds(ctx.db, [args.organisationId]);
    if (!organisation) return failure('NOT_FOUND', `No organisation ${args.organisationId}.`);
    const { subject, name, email } = args.input;
    if (subject.trim() === '' || subject.length > 300 || name.trim() === '' || name.length > 200) return failure('INVALID_INPUT', 'subject and name: 1 to 300 and 1 to 200 characters.');
    if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) return failure('INVALID_INPUT', 'email: an e-mail address.');
    await ctx.db.transaction(async (tx) => {
      await upsertMember(tx, { organisationId: organisation.id, subject, name: name.trim(), email: email ?? null });
      await audit(ctx, 'addOrganisationMember', 'SUCCESS', [], { organisationId: organisation.id, member: subject }, tx);
    });
    return { organisation, error: null };
  },

  async removeOrganisationMember(_: unknown, args: { organisationId: string; subject: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'admin');
    const [organisation] = await getOrganisationsByIds(ctx.db, [args.organisationId]);
    if (!organisation) return failure('NOT_FOUND', `No organisation ${args.organisationId}.`);
    const removed = await ctx.db.transaction(async (tx) => {
      const done = await deleteMember(tx, organisation.id, args.subject);
      if (done) await audit(ctx, 'removeOrganisationMember', 'SUCCESS', [], { organisationId: organisation.id, member: args.subject }, tx);
      return done;
    });
    if (!removed) return failure('NOT_FOUND', `${args.subject} is not a member of ${organisation.id}.`);
    return { organisation, error: null };
  },
};

async function moveApplication(
  ctx: AccessContext,
  id: string,
  from: ApplicationRow['status'][],
  to: ApplicationRow['status'],
  wanted: string,
  action: string,
  changes: Parameters<typeof transitionApplication>[4],
) {
  const moved = await ctx.db.transaction(async (tx) => {
    const row = await transitionApplication(tx, id, from, to, changes);
    if (row) await audit(ctx, action, 'SUCCESS', row.datasetIds, { applicationId: row.id }, tx);
    return row;
  });
  if (!moved) return transitionFailure(ctx, id, wanted);
  return { application: moved, error: null };
}

async function permitFailure(ctx: AccessContext, id: string, wanted: string) {
  const [current] = await getPermitsByIds(ctx.db, [id]);
  if (!current) return failure('NOT_FOUND', `No permit ${id}.`);
  const state = current.revokedAt ? 'revoked' : 'expired';
  return failure('INVALID_TRANSITION', `The permit is ${state}; it cannot be ${wanted}.`);
}
