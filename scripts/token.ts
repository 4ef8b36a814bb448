/**
 * `npm run token -- --role <role> [--org <organisation-id>] [--sub <id>] [--ttl <seconds>]`: prints an
 * access token of the development issuer (the default when no OIDC_ISSUER is configured), valid for the
 * gateway that uses the same DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from './load-config-or-exit.js';
import { loadDevIssuerKey, mintDevToken } from '../platform/identity/dev-issuer.js';
import { isRole, ORGANISATION_ROLES, ROLES, type Role } from '../platform/identity/roles.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const config = loadConfigOrExit();
if (config.oidc.issuer) fail(`OIDC_ISSUER is set (${config.oidc.issuer}): ask that issuer for tokens; this command only mints development tokens.`);

const USAGE = `Usage: npm run token -- --role <${ROLES.join('|')}> [--org <organisation-id>] [--sub <id>] [--ttl <seconds>]`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const roles = values.role ?? [];
if (roles.length === 0) fail(USAGE);
for (const r of roles) if (!isRole(r)) fail(`Unknown role "${r}". Roles: ${ROLES.join(', ')}.`);
const needsOrg = (roles as Role[]).filter((r) => ORGANISATION_ROLES.includes(r));
if (needsOrg.length > 0 && !values.org) fail(`The role ${needsOrg.join(', ')} acts for an organisation: give --org <organisation-id>.`);
const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1 || ttl > 7 * 24 * 3600)) fail('--ttl must be a number of seconds between 1 and 604800.');

const key = await loadDevIssuerKey(config.dataDir);
const token = await mintDevToken(key, {
  subject: values.sub ?? `dev-${(roles as Role[]).join('+')}${values.org ? `@${values.org}` : ''}`,
  roles: roles as Role[],
  organisationId: values.org,
  audience: config.oidc.audience,
  ...(ttl !== undefined ? { ttlSeconds: ttl } : {}),
});
console.log(token);
